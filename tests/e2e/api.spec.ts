import { expect, test } from "@playwright/test";
import { uniqueEmail, withDb } from "./support";

async function casesFor(email: string) {
  return withDb(async (db) => {
    const r = await db.query(
      "SELECT count(*)::int AS n FROM request_case c JOIN requester r ON r.id = c.requester_id WHERE r.email = $1",
      [email],
    );
    return r.rows[0].n as number;
  });
}

test.describe("POST /api/v1/requests", () => {
  test("malformed JSON gets 400 and creates nothing", async ({ request }) => {
    const email = uniqueEmail("malformed");
    const response = await request.post("/api/v1/requests", {
      headers: { "content-type": "application/json" },
      data: Buffer.from(`{"rights":["access"],"name":"X","email":"${email}",`),
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toBe("malformed_json");
    expect(await casesFor(email)).toBe(0);
  });

  test("an oversized body gets 400 and creates nothing", async ({ request }) => {
    const email = uniqueEmail("oversized");
    const response = await request.post("/api/v1/requests", {
      data: {
        rights: ["access"],
        name: "Stor Kropp",
        email,
        description: "x".repeat(200_000),
        submissionKey: crypto.randomUUID(),
      },
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toBe("payload_too_large");
    expect(await casesFor(email)).toBe(0);
  });

  test("invalid fields get 400 with a translation key per field and create nothing", async ({ request }) => {
    const email = uniqueEmail("invalid");
    const response = await request.post("/api/v1/requests", {
      data: { rights: ["not-a-right"], name: "", email, unit: "../etc", submissionKey: "nope" },
    });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("validation_failed");
    expect(body.fields).toMatchObject({ name: "validation.name.required", submissionKey: "validation.form.expired" });
    expect(await casesFor(email)).toBe(0);
  });

  test("a wrong content type gets 400", async ({ request }) => {
    const response = await request.post("/api/v1/requests", { headers: { "content-type": "text/plain" }, data: "hei" });
    expect(response.status()).toBe(400);
  });

  test("a retried POST with the same submission key makes one case", async ({ request }) => {
    const email = uniqueEmail("retry");
    const data = { rights: ["access"], name: "Igjen Igjen", email, submissionKey: crypto.randomUUID() };
    const first = await request.post("/api/v1/requests", { data });
    const second = await request.post("/api/v1/requests", { data });
    expect(first.status()).toBe(201);
    expect(second.status()).toBe(200);
    expect((await second.json()).reference).toBe((await first.json()).reference);
    expect(await casesFor(email)).toBe(1);
  });
});
