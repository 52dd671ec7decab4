import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { isDomainError } from "@/lib/domain/errors";
import { decryptField } from "@/lib/crypto/field-encryption";
import { validRequest } from "./helpers";
import { ownerSql } from "./owner-db";

beforeAll(() => {
  process.env.FIELD_ENCRYPTION_KEYS ??= `t1:${randomBytes(32).toString("base64")}`;
  process.env.LOOKUP_HMAC_KEY ??= randomBytes(32).toString("base64");
});

afterAll(async () => {
  await disconnectDb();
});

const VALID_FNR = "01019012480"; // 1 January 1990, both check digits right
const CHILD_FNR = "01011550076"; // 1 January 2015

async function citizenIdentity(level: "email_code" | "idporten_high", email: string | null) {
  const identity = await db().citizenIdentity.create({
    data: { method: level === "email_code" ? "email_code" : "idporten", level, email },
    select: { id: true },
  });
  return { identityId: identity.id, level, email } as const;
}

async function countsFor(email: string) {
  const [requesters, cases, outbox] = await Promise.all([
    db().requester.count({ where: { email } }),
    db().case.count({ where: { requester: { email } } }),
    db().mailOutbox.count({ where: { toAddress: email } }),
  ]);
  return { requesters, cases, outbox };
}

describe("submitRequest", () => {
  it("writes the case, its audit event and the receipt mail in one go", async () => {
    const input = validRequest({ unit: "barnehage" });
    const receivedAt = new Date("2026-03-05T10:00:00Z");
    const result = await submitRequest(input, { locale: "nn", now: receivedAt });

    expect(result.created).toBe(true);
    expect(result.reference).toMatch(/^PV-2026-\d{6}$/);
    // 5 April 2026 is Easter Sunday and 6 April Easter Monday.
    expect(result.dueDate).toBe("2026-04-07");

    const saved = await db().case.findUniqueOrThrow({
      where: { id: result.caseId },
      include: { events: true, unit: true, requester: true },
    });
    expect(saved.status).toBe("received");
    expect(saved.channel).toBe("web");
    expect(saved.locale).toBe("nn");
    expect(saved.unit?.slug).toBe("barnehage");
    expect(saved.receivedAt.toISOString()).toBe(receivedAt.toISOString());
    expect(saved.dueDate.toISOString().slice(0, 10)).toBe("2026-04-07");
    expect(saved.requester.identityLevel).toBe("none");
    expect(saved.events).toHaveLength(1);
    expect(saved.events[0]).toMatchObject({ type: "case.received", actorType: "citizen", actorId: saved.requesterId, before: null });
    // The facts, exactly: ids, codes and dates, nothing personal.
    expect(saved.events[0]!.after).toEqual({
      status: "received",
      rights: ["access"],
      channel: "web",
      unitId: saved.unitId,
      dueDate: "2026-04-07",
      identityLevel: "none",
      answerChannel: "digital",
      specialCategory: false,
      onBehalfOf: "self",
    });
    expect(saved.events[0]!.at.toISOString()).toBe(receivedAt.toISOString());

    const mails = await db().mailOutbox.findMany({ where: { caseId: result.caseId } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "request_receipt", locale: "nn", status: "pending", toAddress: input.email });
    // Only a reference and a link: no name, no description.
    expect(mails[0]!.params).toEqual({ reference: result.reference, link: `http://localhost:3999/receipt/${result.receiptToken}` });
    // The row's own Message-ID, as enqueueMail writes it.
    expect(mails[0]!.messageId).toBe(`<${mails[0]!.id}@localhost>`);
  });

  it("rolls everything back when a later step fails (nothing half-written)", async () => {
    const input = validRequest();
    // Make the outbox insert fail at the database, after case and event were written in the transaction.
    await ownerSql(`
      CREATE OR REPLACE FUNCTION test_fail_outbox() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN IF NEW.to_address = '${input.email}' THEN RAISE EXCEPTION 'outbox down'; END IF; RETURN NEW; END $$`);
    await ownerSql(
      `CREATE TRIGGER test_fail_outbox BEFORE INSERT ON mail_outbox FOR EACH ROW EXECUTE FUNCTION test_fail_outbox()`,
    );
    const counterBefore = await db().caseReferenceCounter.findUnique({ where: { year: 2026 } });
    try {
      await expect(submitRequest(input, { locale: "nb", now: new Date("2026-06-01T12:00:00Z") })).rejects.toThrow();
    } finally {
      await ownerSql(`DROP TRIGGER test_fail_outbox ON mail_outbox`);
      await ownerSql(`DROP FUNCTION test_fail_outbox()`);
    }
    expect(await countsFor(input.email)).toEqual({ requesters: 0, cases: 0, outbox: 0 });
    const counterAfter = await db().caseReferenceCounter.findUnique({ where: { year: 2026 } });
    expect(counterAfter?.lastValue).toBe(counterBefore?.lastValue);
    expect(await db().case.count({ where: { submissionKey: input.submissionKey } })).toBe(0);
  });

  it("refuses an unknown or inactive unit and writes nothing, not even a step of the reference counter", async () => {
    const now = new Date("2026-06-01T12:00:00Z");
    await submitRequest(validRequest(), { locale: "nb", now });
    const counterBefore = await db().caseReferenceCounter.findUniqueOrThrow({ where: { year: 2026 } });
    const inactive = (await db().unit.create({ data: { municipalityId: "bergen", slug: `nedlagt-${randomUUID().slice(0, 8)}`, name: "Nedlagt enhet", active: false } })).slug;
    for (const unit of ["finnes-ikke", inactive]) {
      const input = validRequest({ unit });
      const error = await submitRequest(input, { locale: "nb", now }).catch((e: unknown) => e);
      expect(isDomainError(error, "validation_failed")).toBe(true);
      expect(await countsFor(input.email)).toEqual({ requesters: 0, cases: 0, outbox: 0 });
    }
    expect((await db().caseReferenceCounter.findUniqueOrThrow({ where: { year: 2026 } })).lastValue).toBe(counterBefore.lastValue);
    // The next case takes the next number: no gap.
    const next = await submitRequest(validRequest(), { locale: "nb", now });
    expect(next.reference).toBe(`PV-2026-${String(counterBefore.lastValue + 1).padStart(6, "0")}`);
  });

  it("is idempotent: the same submission key twice, even at the same time, makes one case", async () => {
    const input = validRequest();
    const results = await Promise.all(Array.from({ length: 5 }, () => submitRequest(input, { locale: "nb" })));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await countsFor(input.email)).toEqual({ requesters: 1, cases: 1, outbox: 1 });
  });

  it("gives 50 concurrent submissions unique, gap-free, sequential references", async () => {
    const year = 2031; // a year no other test uses
    const now = new Date(`${year}-02-10T09:00:00Z`);
    // Against a kept DATABASE_URL the counter may already have moved: the 50 follow on from it.
    const counter = await db().caseReferenceCounter.findUnique({ where: { year } });
    const start = counter?.lastValue ?? 0;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => submitRequest(validRequest(), { locale: "nb", now })),
    );
    const seqs = results.map((r) => Number(r.reference.slice(-6))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => start + i + 1));
    expect(results.every((r) => r.reference.startsWith(`PV-${year}-`))).toBe(true);
  });

  it("uses the Oslo year for the reference (New Year's Eve 23:30 UTC is already next year in Oslo)", async () => {
    const result = await submitRequest(validRequest(), { locale: "nb", now: new Date("2032-12-31T23:30:00Z") });
    expect(result.reference).toMatch(/^PV-2033-/);
    // Received 1 January 2033 (Oslo) -> 1 February 2033, a Tuesday.
    expect(result.dueDate).toBe("2033-02-01");
  });
});

describe("audit trail", () => {
  it("the database refuses UPDATE and DELETE on case events: the app's role has no such privilege, and the trigger refuses the owner too", async () => {
    const { caseId } = await submitRequest(validRequest(), { locale: "nb" });
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId } });
    // The app (DATABASE_URL, a member of portal_app): SELECT and INSERT only.
    await expect(db().caseEvent.update({ where: { id: event.id }, data: { type: "tampered" } })).rejects.toThrow(/permission denied/);
    await expect(db().caseEvent.delete({ where: { id: event.id } })).rejects.toThrow(/permission denied/);
    await expect(db().$executeRawUnsafe(`DELETE FROM case_event WHERE case_id = '${caseId}'`)).rejects.toThrow(/permission denied/);
    await expect(db().$executeRawUnsafe("TRUNCATE case_event")).rejects.toThrow(/permission denied/);
    await expect(db().$executeRawUnsafe("TRUNCATE request_case CASCADE")).rejects.toThrow(/permission denied/);
    // The owner has the privileges; the triggers still refuse (TRUNCATE fires no row trigger: a
    // statement trigger refuses it, and so a cascade from the cases).
    await expect(ownerSql(`UPDATE case_event SET type = 'tampered' WHERE id = ${event.id}`)).rejects.toThrow(/append-only/);
    await expect(ownerSql(`DELETE FROM case_event WHERE case_id = '${caseId}'`)).rejects.toThrow(/append-only/);
    await expect(ownerSql("TRUNCATE case_event")).rejects.toThrow(/append-only/);
    await expect(ownerSql("TRUNCATE request_case CASCADE")).rejects.toThrow(/append-only/);
    const still = await db().caseEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(still.type).toBe("case.received");
    expect(await db().case.count({ where: { id: caseId } })).toBe(1);
  });

  it("the old session setting portal.retention_redaction opens nothing any more, for the app or the owner", async () => {
    const { caseId } = await submitRequest(validRequest({ submissionKey: randomUUID() }), { locale: "nb" });
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId } });
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('portal.retention_redaction', 'on', true)`;
        await tx.caseEvent.update({ where: { id: event.id }, data: { after: { redacted: true } } });
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      ownerSql("BEGIN", "SELECT set_config('portal.retention_redaction', 'on', true)", `UPDATE case_event SET after = '{"redacted": true}' WHERE id = ${event.id}`, "COMMIT"),
    ).rejects.toThrow(/append-only/);
    expect((await db().caseEvent.findUniqueOrThrow({ where: { id: event.id } })).after).toEqual(event.after);
  });

  it("a case with history cannot be deleted out from under its audit trail", async () => {
    const { caseId } = await submitRequest(validRequest({ submissionKey: randomUUID() }), { locale: "nb" });
    await expect(db().case.delete({ where: { id: caseId } })).rejects.toThrow();
    expect(await db().case.count({ where: { id: caseId } })).toBe(1);
  });
});

describe("submitRequest with the full request", () => {
  it("several rights become ONE case with all rights and their details", async () => {
    const input = validRequest({
      rights: ["access", "rectification", "erasure"],
      details: { incorrectData: "Feil adresse", correctData: "Nygårdsgaten 1", dataToErase: "Gamle bilder", erasureGround: "a", scopeService: "SFO" },
    });
    const result = await submitRequest(input, { locale: "nb" });
    const saved = await db().case.findUniqueOrThrow({ where: { id: result.caseId } });
    expect(saved.rights).toEqual(["access", "rectification", "erasure"]);
    expect(saved.details).toEqual({
      incorrectData: "Feil adresse",
      correctData: "Nygårdsgaten 1",
      dataToErase: "Gamle bilder",
      erasureGround: "a",
      scopeService: "SFO",
    });
    expect(await db().case.count({ where: { requester: { email: input.email } } })).toBe(1);
  });

  it("refuses a right without its required details and writes nothing", async () => {
    const input = validRequest({ rights: ["rectification"], details: { incorrectData: "x" } });
    const error = await submitRequest(input, { locale: "nb" }).catch((e: unknown) => e);
    expect(isDomainError(error, "validation_failed")).toBe(true);
    expect(await countsFor(input.email)).toEqual({ requesters: 0, cases: 0, outbox: 0 });
  });

  it("on behalf of a child: stores the name and the encrypted fødselsnumre, never in clear text", async () => {
    const input = validRequest({
      onBehalfOf: "child",
      subjectName: "Lille Testesen",
      subjectNationalId: CHILD_FNR,
      declaration: true,
      nationalId: VALID_FNR,
    });
    const { caseId } = await submitRequest(input, { locale: "nb" });
    const raw = await db().$queryRawUnsafe<
      { on_behalf_of: string; subject_name: string; subject_national_id_encrypted: string; national_id_encrypted: string }[]
    >(
      `SELECT c.on_behalf_of::text, c.subject_name, c.subject_national_id_encrypted, r.national_id_encrypted
         FROM request_case c JOIN requester r ON r.id = c.requester_id WHERE c.id = $1::uuid`,
      caseId,
    );
    const row = raw[0]!;
    expect(row.on_behalf_of).toBe("child");
    expect(row.subject_name).toBe("Lille Testesen");
    expect(row.subject_national_id_encrypted).not.toContain(CHILD_FNR);
    expect(row.national_id_encrypted).not.toContain(VALID_FNR);
    expect(decryptField(row.subject_national_id_encrypted)).toBe(CHILD_FNR);
    expect(decryptField(row.national_id_encrypted)).toBe(VALID_FNR);
    // Nowhere in the case, its requester, its audit trail or its mail in clear text.
    const dump = await db().$queryRawUnsafe<{ t: string }[]>(
      `SELECT row_to_json(c)::text || row_to_json(r)::text || coalesce((SELECT string_agg(row_to_json(e)::text, '') FROM case_event e WHERE e.case_id = c.id), '')
              || coalesce((SELECT string_agg(row_to_json(m)::text, '') FROM mail_outbox m WHERE m.case_id = c.id), '') AS t
         FROM request_case c JOIN requester r ON r.id = c.requester_id WHERE c.id = $1::uuid`,
      caseId,
    );
    expect(dump[0]!.t).not.toContain(CHILD_FNR);
    expect(dump[0]!.t).not.toContain(VALID_FNR);
  });

  it("refuses on-behalf-of without the declaration, and an invalid fødselsnummer", async () => {
    const noDeclaration = validRequest({ onBehalfOf: "power_of_attorney", subjectName: "Ola", declaration: false });
    expect(isDomainError(await submitRequest(noDeclaration, { locale: "nb" }).catch((e: unknown) => e), "validation_failed")).toBe(true);
    const badId = validRequest({ nationalId: "01019012481" });
    expect(isDomainError(await submitRequest(badId, { locale: "nb" }).catch((e: unknown) => e), "validation_failed")).toBe(true);
    expect(await countsFor(noDeclaration.email)).toEqual({ requesters: 0, cases: 0, outbox: 0 });
    expect(await countsFor(badId.email)).toEqual({ requesters: 0, cases: 0, outbox: 0 });
  });

  it("paper answer: queues a receipt Letter with a PDF in the requester's language, and no e-mail", async () => {
    const input = validRequest({ answerChannel: "paper", postalAddress: "Testveien 1\n5003 Bergen" });
    const result = await submitRequest(input, { locale: "nn", now: new Date("2026-03-05T10:00:00Z") });
    const letters = await db().letter.findMany({ where: { caseId: result.caseId } });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ kind: "receipt", locale: "nn", status: "queued" });
    const pdf = Buffer.from(letters[0]!.pdf!);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(await db().mailOutbox.count({ where: { caseId: result.caseId } })).toBe(0);
    const saved = await db().case.findUniqueOrThrow({ where: { id: result.caseId }, include: { requester: true } });
    expect(saved.answerChannel).toBe("paper");
    expect(saved.requester.postalAddress).toBe("Testveien 1\n5003 Bergen");
  });

  it("records the signed-in identity: e-mail code = not strongly verified, and the verified e-mail wins", async () => {
    const verified = `verified-${randomUUID()}@example.test`;
    const citizen = await citizenIdentity("email_code", verified);
    const input = validRequest({ email: `typed-${randomUUID()}@example.test` });
    const { caseId } = await submitRequest(input, { locale: "en", citizen });
    const saved = await db().case.findUniqueOrThrow({ where: { id: caseId }, include: { requester: true, events: true } });
    expect(saved.requester).toMatchObject({ identityId: citizen.identityId, identityLevel: "email_code", email: verified });
    expect(saved.events[0]!.after).toMatchObject({ identityLevel: "email_code" });
    expect(saved.identityLevel).toBe("email_code");
    const mails = await db().mailOutbox.findMany({ where: { caseId } });
    expect(mails.map((m) => m.toAddress)).toEqual([verified]);

    const high = await citizenIdentity("idporten_high", null);
    const second = await submitRequest(validRequest(), { locale: "nb", citizen: high });
    const requester = await db().requester.findFirstOrThrow({ where: { cases: { some: { id: second.caseId } } } });
    expect(requester.identityLevel).toBe("idporten_high");
    expect((await db().case.findUniqueOrThrow({ where: { id: second.caseId } })).identityLevel).toBe("idporten_high");
  });
});
