import { expect, test } from "@playwright/test";
import { uniqueEmail, withDb } from "./support";
import { E2E_OTHER_API_KEY } from "../../playwright.config";

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

  test("a submission key is the submitter's: replayed, it answers the same case; reused with another body, 409", async ({ request }) => {
    const email = uniqueEmail("idem");
    const key = crypto.randomUUID();
    const body = { rights: ["access"], name: "Nøkkel Testesen", email, submissionKey: key };
    const first = await request.post("/api/v1/requests", { data: body });
    expect(first.status()).toBe(201);
    const made = await first.json();
    // The same body again (a retry), with the key in upper case: the same case, 200.
    const again = await request.post("/api/v1/requests", { data: { ...body, submissionKey: key.toUpperCase() } });
    expect(again.status()).toBe(200);
    expect((await again.json()).reference).toBe(made.reference);
    // The same key with another body: a conflict, never the first case's receipt.
    const other = await request.post("/api/v1/requests", { data: { ...body, name: "Noen Andre" } });
    expect(other.status()).toBe(409);
    expect(JSON.stringify(await other.json())).not.toContain(made.receiptToken);
    // Another integration's API key with the same key makes its own case.
    const foreign = await request.post("/api/v1/requests", { data: body, headers: { authorization: `Bearer ${E2E_OTHER_API_KEY}` } });
    expect(foreign.status()).toBe(201);
    expect((await foreign.json()).reference).not.toBe(made.reference);
    expect(await casesFor(email)).toBe(2);
  });

  test("the nil uuid is no submission key", async ({ request }) => {
    const email = uniqueEmail("nil");
    const response = await request.post("/api/v1/requests", {
      data: { rights: ["access"], name: "Null Testesen", email, submissionKey: "00000000-0000-0000-0000-000000000000" },
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).fields.submissionKey).toBeDefined();
    expect(await casesFor(email)).toBe(0);
  });

  test("only application/json, and only valid UTF-8", async ({ request }) => {
    const email = uniqueEmail("utf8");
    const json = JSON.stringify({ rights: ["access"], name: "Tegn Testesen", email, submissionKey: crypto.randomUUID() });
    for (const type of ["application/jsonx", "text/json", "application/json-patch+json"]) {
      const r = await request.post("/api/v1/requests", { headers: { "content-type": type }, data: Buffer.from(json) });
      expect(r.status(), type).toBe(400);
      expect((await r.json()).error, type).toBe("unsupported_content_type");
    }
    // A lone 0xFF byte before "Tegn": not UTF-8.
    const at = json.indexOf("Tegn");
    const bad = Buffer.concat([Buffer.from(json.slice(0, at)), Buffer.from([0xff]), Buffer.from(json.slice(at))]);
    const r = await request.post("/api/v1/requests", { headers: { "content-type": "application/json; charset=utf-8" }, data: bad });
    expect(r.status()).toBe(400);
    expect((await r.json()).error).toBe("invalid_utf8");
    expect(await casesFor(email)).toBe(0);
  });

  test("a name with a bidirectional override is refused", async ({ request }) => {
    const email = uniqueEmail("bidi");
    const r = await request.post("/api/v1/requests", { data: { rights: ["access"], name: "Ola \u202enamdroN", email, submissionKey: crypto.randomUUID() } });
    expect(r.status()).toBe(400);
    expect(await casesFor(email)).toBe(0);
  });
});
