// `npm start`'s own promise: Ctrl-C stops the app, the mail catcher and the database cleanly, and the
// next start reuses the data. Runs scripts/serve.ts a second time beside the test server (own ports,
// own data dir, the same build), interrupts it like a terminal would, and starts it again.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";

const OFFSET = 7;
const port = Number(process.env.E2E_PORT ?? 3100) + OFFSET;
const dataDir = path.resolve(`.data-e2e-lifecycle-${port}`);
const apiKey = "lifecycle-test-api-key-0123456789abcdefghij";

function startPortal(): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(path.resolve("node_modules", ".bin", "tsx"), ["scripts/serve.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      SMTP_URL: "",
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(Number(process.env.E2E_PG_PORT ?? 15349) + OFFSET),
      DEMO_SMTP_PORT: String(Number(process.env.E2E_SMTP_PORT ?? 2535) + OFFSET),
      OIDC_DEV_PORT: String(Number(process.env.OIDC_DEV_PORT ?? 3110) + OFFSET),
      SEED_DEMO_DATA: "0",
      API_KEYS: `lifecycle:${apiKey}`,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that a terminal's Ctrl-C (SIGINT to the whole group) can be replayed.
    detached: true,
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitUntilUp(output: () => string) {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://localhost:${port}/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`portal did not start:\n${output().slice(-3000)}`);
}

function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error("serve.ts did not stop in time")), timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

async function submit(submissionKey: string) {
  const response = await fetch(`http://localhost:${port}/api/v1/requests`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ rights: ["access"], name: "Gjen Start", email: "gjen.start@example.test", submissionKey }),
  });
  return { status: response.status, body: (await response.json()) as { reference: string } };
}

test.describe("npm start lifecycle", () => {
  test.setTimeout(420_000);
  test.beforeAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  test.afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test("Ctrl-C stops the app, the mail catcher and the database cleanly; a second start reuses the data", async () => {
    const submissionKey = randomUUID();
    let reference = "";

    const first = startPortal();
    try {
      await waitUntilUp(first.output);
      // Every address the start-up log prints opens as printed, without a redirect: PUBLIC_URL (the
      // canonical origin), the demo mailbox under it, the test ID-porten; never Next's "Network:" one.
      const printed = [...new Set(first.output().match(/https?:\/\/[^\s;,)]+/g) ?? [])];
      expect(printed).toEqual(expect.arrayContaining([`http://localhost:${port}/`, `http://localhost:${port}/demo/mailbox`]));
      for (const url of printed) expect((await fetch(url, { redirect: "manual" })).status, url).toBe(200);
      expect(first.output()).not.toMatch(/\b(Local|Network):/);
      const created = await submit(submissionKey);
      expect(created.status).toBe(201);
      reference = created.body.reference;
      // SIGINT to serve.ts alone (kill -INT): it stops the app, the catcher and the database itself.
      expect(first.child.kill("SIGINT")).toBe(true);
      expect(await exitOf(first.child, 60_000)).toBe(0);
    } finally {
      if (first.child.exitCode === null) process.kill(-first.child.pid!, "SIGKILL");
    }
    expect(first.output()).toContain("[portal] Stopped.");
    // PostgreSQL shut down (its pid file is removed on a clean stop) and nothing listens any more.
    expect(fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    await expect(fetch(`http://localhost:${port}/`)).rejects.toThrow();

    const second = startPortal();
    try {
      await waitUntilUp(second.output);
      // The same submission is found again: same reference, nothing new created.
      const again = await submit(submissionKey);
      expect(again.status).toBe(200);
      expect(again.body.reference).toBe(reference);
      // This time like a terminal's Ctrl-C: SIGINT to every process of the group at once (the
      // database and Next get it too, not only serve.ts).
      process.kill(-second.child.pid!, "SIGINT");
      expect(await exitOf(second.child, 60_000)).toBe(0);
    } finally {
      if (second.child.exitCode === null) process.kill(-second.child.pid!, "SIGKILL");
    }
    expect(second.output()).toContain("[portal] Stopped.");
    expect(fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
  });
});
