// Demo mode (the e2e app runs scripts/serve.ts with its embedded defaults) listens on loopback only:
// /demo/mailbox shows every staff sign-in link to whoever can open it, so another machine must not
// reach the portal at all (issue 10, item 12). Nor the test ID-porten, the mail catcher or the
// embedded PostgreSQL. Tried on every non-loopback address of this machine (os.networkInterfaces());
// a machine without one cannot show the difference, and the test says so. No page is opened: a
// refused TCP connection is the whole check.
import net from "node:net";
import os from "node:os";
import { expect, test } from "@playwright/test";

const SERVICES = {
  portal: Number(process.env.E2E_PORT ?? 3100),
  "test ID-porten": Number(process.env.OIDC_DEV_PORT ?? 3110),
  "mail catcher": Number(process.env.E2E_SMTP_PORT ?? 2535),
  PostgreSQL: Number(process.env.E2E_PG_PORT ?? 15349),
};

/** This machine's own addresses other than loopback (IPv6 link-local needs a zone: left out). */
function nonLoopbackAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal && !(a.family === "IPv6" && a.address.startsWith("fe80:")))
    .map((a) => a.address);
}

/** Does a TCP connection to host:port open (within 3 s)? */
function opens(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(3000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

test("demo mode: the portal, the test ID-porten, the mail catcher and the database answer on loopback only", async () => {
  const addresses = nonLoopbackAddresses();
  test.skip(addresses.length === 0, "This machine has no network address besides loopback, so whether demo mode listens on every interface cannot be told apart here.");
  for (const [name, port] of Object.entries(SERVICES)) {
    expect(await opens("127.0.0.1", port), `${name} on 127.0.0.1:${port}`).toBe(true);
    for (const address of addresses) {
      expect(await opens(address, port), `${name} must not answer on ${address}:${port}`).toBe(false);
    }
  }
});
