import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { isDomainError } from "@/lib/domain/errors";
import { validRequest } from "./helpers";

afterAll(async () => {
  await disconnectDb();
});

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
    expect(saved.events[0]).toMatchObject({ type: "case.received", actorType: "citizen", actorId: saved.requesterId });

    const mails = await db().mailOutbox.findMany({ where: { caseId: result.caseId } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "request_receipt", locale: "nn", status: "pending", toAddress: input.email });
    // Only a reference and a link: no name, no description.
    expect(mails[0]!.params).toEqual({ reference: result.reference, link: `http://localhost:3999/receipt/${result.receiptToken}` });
  });

  it("rolls everything back when a later step fails (nothing half-written)", async () => {
    const input = validRequest();
    // Make the outbox insert fail at the database, after case and event were written in the transaction.
    await db().$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_outbox() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN IF NEW.to_address = '${input.email}' THEN RAISE EXCEPTION 'outbox down'; END IF; RETURN NEW; END $$`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER test_fail_outbox BEFORE INSERT ON mail_outbox FOR EACH ROW EXECUTE FUNCTION test_fail_outbox()`,
    );
    const counterBefore = await db().caseReferenceCounter.findUnique({ where: { year: 2026 } });
    try {
      await expect(submitRequest(input, { locale: "nb", now: new Date("2026-06-01T12:00:00Z") })).rejects.toThrow();
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER test_fail_outbox ON mail_outbox`);
      await db().$executeRawUnsafe(`DROP FUNCTION test_fail_outbox()`);
    }
    expect(await countsFor(input.email)).toEqual({ requesters: 0, cases: 0, outbox: 0 });
    const counterAfter = await db().caseReferenceCounter.findUnique({ where: { year: 2026 } });
    expect(counterAfter?.lastValue).toBe(counterBefore?.lastValue);
    expect(await db().case.count({ where: { submissionKey: input.submissionKey } })).toBe(0);
  });

  it("refuses an unknown unit and writes nothing", async () => {
    const input = validRequest({ unit: "finnes-ikke" });
    const error = await submitRequest(input, { locale: "nb" }).catch((e: unknown) => e);
    expect(isDomainError(error, "validation_failed")).toBe(true);
    expect(await countsFor(input.email)).toEqual({ requesters: 0, cases: 0, outbox: 0 });
  });

  it("is idempotent: the same submission key twice, even at the same time, makes one case", async () => {
    const input = validRequest();
    const results = await Promise.all(Array.from({ length: 5 }, () => submitRequest(input, { locale: "nb" })));
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await countsFor(input.email)).toEqual({ requesters: 1, cases: 1, outbox: 1 });
  });

  it("gives 50 concurrent submissions unique, gap-free, sequential references", async () => {
    const year = 2031; // a year no other test uses, so the sequence starts at 1
    const now = new Date(`${year}-02-10T09:00:00Z`);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => submitRequest(validRequest(), { locale: "nb", now })),
    );
    const seqs = results.map((r) => Number(r.reference.slice(-6))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
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
  it("the database refuses UPDATE and DELETE on case events", async () => {
    const { caseId } = await submitRequest(validRequest(), { locale: "nb" });
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId } });
    await expect(db().caseEvent.update({ where: { id: event.id }, data: { type: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db().caseEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`DELETE FROM case_event WHERE case_id = '${caseId}'`)).rejects.toThrow(
      /append-only/,
    );
    const still = await db().caseEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(still.type).toBe("case.received");
  });

  it("a case with history cannot be deleted out from under its audit trail", async () => {
    const { caseId } = await submitRequest(validRequest({ submissionKey: randomUUID() }), { locale: "nb" });
    await expect(db().case.delete({ where: { id: caseId } })).rejects.toThrow();
    expect(await db().case.count({ where: { id: caseId } })).toBe(1);
  });
});
