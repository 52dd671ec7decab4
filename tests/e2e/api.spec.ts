import { expect, test } from "@playwright/test";
import { uniqueEmail, withDb } from "./support";

const VALID_FNR = "01019012480";

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

  test("the full schema: several rights with details, on behalf of a child, paper answer -> one case, a letter, no mail", async ({ request }) => {
    const email = uniqueEmail("api-full");
    const data = {
      rights: ["access", "rectification", "objection"],
      name: "Api Forelder",
      email,
      unit: "skole",
      details: { incorrectData: "Klassen", correctData: "7B", processingConcerned: "Nyhetsbrev", directMarketing: true },
      onBehalfOf: "child",
      subjectName: "Api Barn",
      subjectNationalId: "01011550076",
      declaration: true,
      nationalId: VALID_FNR,
      answerChannel: "paper",
      postalAddress: "Testveien 1, 5003 Bergen",
      submissionKey: crypto.randomUUID(),
    };
    const response = await request.post("/api/v1/requests?locale=en", { data });
    expect(response.status()).toBe(201);
    const { reference } = await response.json();
    const row = await withDb(async (db) =>
      (
        await db.query(
          `SELECT c.rights::text[] AS rights, c.details, c.on_behalf_of::text AS behalf, c.answer_channel::text AS channel,
                  r.identity_level::text AS level, r.national_id_encrypted AS nid, c.subject_national_id_encrypted AS sid,
                  (SELECT count(*)::int FROM letter l WHERE l.case_id = c.id AND l.locale = 'en') AS letters,
                  (SELECT count(*)::int FROM mail_outbox m WHERE m.case_id = c.id) AS mails
             FROM request_case c JOIN requester r ON r.id = c.requester_id WHERE c.reference = $1`,
          [reference],
        )
      ).rows[0],
    );
    expect(row).toMatchObject({ rights: ["access", "rectification", "objection"], behalf: "child", channel: "paper", level: "none", letters: 1, mails: 0 });
    expect(row.details).toEqual(data.details);
    expect(row.nid).not.toContain(VALID_FNR);
    expect(row.sid).not.toContain("01011550076");
  });

  test("per-right fields, the declaration and fødselsnumre are checked: 400 and nothing written", async ({ request }) => {
    const email = uniqueEmail("api-missing");
    const response = await request.post("/api/v1/requests", {
      data: {
        rights: ["erasure"],
        name: "Mangler Felt",
        email,
        details: { dataToErase: "Bilder" },
        onBehalfOf: "power_of_attorney",
        nationalId: "01019012481",
        submissionKey: crypto.randomUUID(),
      },
    });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.fields).toMatchObject({
      "details.erasureGround": "requestFlow.validation.erasureGround.required",
      subjectName: "requestFlow.validation.subjectName.required",
      declaration: "requestFlow.validation.declaration.required",
      nationalId: "requestFlow.validation.nationalId.invalid",
    });
    expect(await casesFor(email)).toBe(0);
  });
});

