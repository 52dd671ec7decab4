// Bad input to the form pages (server actions) gets a 4xx and changes nothing, like the JSON API.
import { expect, test } from "@playwright/test";
import { uniqueEmail, withDb } from "./support";
import { signInAsStaff } from "./staff-login";

async function casesFor(email: string) {
  return withDb(async (db) => {
    const r = await db.query("SELECT count(*)::int AS n FROM requester WHERE email = $1", [email]);
    return r.rows[0].n as number;
  });
}

test.describe("form posts", () => {
  test("an oversized form post gets 400 with a readable page and saves nothing", async ({ request }) => {
    const email = uniqueEmail("oversized-form");
    for (const path of ["/request/about", "/request/summary", "/my-cases/PV-2026-000001", "/staff"]) {
      const response = await request.post(path, {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        data: `email=${encodeURIComponent(email)}&description=${"x".repeat(300 * 1024)}`,
      });
      expect(response.status(), path).toBe(400);
      expect(await response.text()).toContain("Skjemaet er for stort");
    }
    expect(await casesFor(email)).toBe(0);
  });

  test("a forged or malformed server-action post gets a 4xx, never a 5xx, and saves nothing", async ({ request }) => {
    const email = uniqueEmail("forged-action");
    const bodies = [
      { headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" }, data: `["${email}"]` },
      { headers: { "next-action": "not-an-action", "content-type": "multipart/form-data; boundary=zz" }, data: `--zz\r\nbroken` },
      { headers: { "next-action": "0".repeat(42), "content-type": "application/x-www-form-urlencoded" }, data: `email=${encodeURIComponent(email)}` },
    ];
    for (const { headers, data } of bodies) {
      const response = await request.post("/request/about", { headers, data });
      expect(response.status(), JSON.stringify(headers)).toBeGreaterThanOrEqual(400);
      expect(response.status(), JSON.stringify(headers)).toBeLessThan(500);
    }
    expect(await casesFor(email)).toBe(0);
  });
});

test.describe("form posts that Next would answer with 500", () => {
  test("another site's Origin, the opaque origin and a chunked body get a 4xx page and save nothing", async ({ request, baseURL }) => {
    const email = uniqueEmail("cross-site");
    const form = `email=${encodeURIComponent(email)}&name=Cross`;
    for (const origin of ["https://evil.example", "null"]) {
      const response = await request.post("/request/about", {
        headers: { origin, "content-type": "application/x-www-form-urlencoded", "next-action": "0".repeat(42) },
        data: form,
      });
      expect(response.status(), origin).toBe(403);
      expect(await response.text()).toContain("Skjemaet ble avvist");
    }
    // A chunked body (no Content-Length): its size cannot be checked before reading it.
    const chunked = await fetch(new URL("/request/about", baseURL), {
      method: "POST",
      headers: { origin: new URL(baseURL!).origin, "content-type": "application/x-www-form-urlencoded" },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(form + "&d=" + "x".repeat(300 * 1024)));
          controller.close();
        },
      }),
      // @ts-expect-error Node's fetch needs this for a stream body.
      duplex: "half",
    });
    expect(chunked.status).toBe(411);
    expect(await casesFor(email)).toBe(0);
  });

  test("a non-admin posting the admin's deactivate action gets the 404 page and changes nothing", async ({ browser }) => {
    // The form exactly as the admin's page renders it (no JavaScript): its hidden fields identify the action.
    const admin = await browser.newContext({ locale: "nb-NO", javaScriptEnabled: true });
    const adminPage = await admin.newPage();
    await signInAsStaff(adminPage, "admin@demo.test");
    await adminPage.getByRole("link", { name: /Endre/ }).first().click();
    const userId = adminPage.url().split("/").pop()!;
    const noJs = await browser.newContext({ locale: "nb-NO", javaScriptEnabled: false, storageState: await admin.storageState() });
    const noJsPage = await noJs.newPage();
    await noJsPage.goto(`/staff/admin/users/${userId}`);
    const fields = await noJsPage.locator("form:has(input[name=active])").evaluate((f) =>
      Array.from(f.querySelectorAll("input[type=hidden]")).map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as const),
    );
    await noJs.close();
    await admin.close();
    const active = await withDb(async (db) => (await db.query("SELECT active FROM staff_user WHERE id = $1", [userId])).rows[0].active as boolean);

    const kari = await browser.newContext({ locale: "nb-NO" });
    const kariPage = await kari.newPage();
    await signInAsStaff(kariPage, "saksbehandler@demo.test");
    const response = await kariPage.request.post(`/staff/admin/users/${userId}`, { multipart: Object.fromEntries(fields) });
    expect(response.status()).toBe(404);
    expect(await response.text()).toContain("Fant ikke siden");
    expect(await withDb(async (db) => (await db.query("SELECT active FROM staff_user WHERE id = $1", [userId])).rows[0].active)).toBe(active);
    await kari.close();
  });
});
