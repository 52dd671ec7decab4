// Bad input to the form pages (server actions) gets a 4xx and changes nothing, like the JSON API.
import { expect, test } from "@playwright/test";
import { uniqueEmail, withDb } from "./support";

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
