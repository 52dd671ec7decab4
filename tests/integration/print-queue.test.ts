// The print queue against the real database: only queued post letters of cases the actor may see,
// oldest first; PDFs only for visible cases; marking printed (single and bulk) with a
// "letter.printed" audit event each, skipping what the actor may not see or what is already printed.
import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { getLetterPdf, listPrintQueue, markLettersPrinted } from "@/lib/cases/print-queue";
import { isDomainError } from "@/lib/domain/errors";
import { buildCaseInTx } from "./builders";
import { staffActorByEmail as staffActor } from "./helpers";

afterAll(async () => {
  await disconnectDb();
});

const PDF = Buffer.from("%PDF-1.7\n%%EOF\n");

/** A letter case of the unit (through the real creation path, builders.ts) with one letter in the queue. */
async function caseWithLetter(unit: string, letter: { delivery?: string; status?: "queued" | "printed"; createdAt: Date; kind?: string }) {
  return db().$transaction(async (tx) => {
    const c = await buildCaseInTx(tx, {
      unit,
      channel: "letter",
      answerChannel: "paper",
      requester: { name: `Papir ${unit}`, email: null, postalAddress: "Testveien 2, 5003 Bergen" },
    });
    const l = await tx.letter.create({
      data: { caseId: c.id, kind: letter.kind ?? "response", locale: "nb", delivery: letter.delivery ?? "post", status: letter.status ?? "queued", pdf: PDF, createdAt: letter.createdAt },
      select: { id: true },
    });
    return { caseId: c.id, reference: c.reference, letterId: l.id };
  });
}

describe("print queue", () => {
  it("lists queued post letters of visible cases only, oldest first", async () => {
    // Far in the past, so these come before anything else the shared database holds.
    const base = Date.UTC(2001, 0, 1);
    const newer = await caseWithLetter("barnehage", { createdAt: new Date(base + 2000) });
    const older = await caseWithLetter("skole", { createdAt: new Date(base + 1000) });
    const health = await caseWithLetter("helse-omsorg", { createdAt: new Date(base + 1500) });
    const portal = await caseWithLetter("barnehage", { delivery: "portal", createdAt: new Date(base + 500) });
    const printed = await caseWithLetter("barnehage", { status: "printed", createdAt: new Date(base + 600) });

    const kari = await staffActor("saksbehandler@demo.test");
    const kariRows = await listPrintQueue(kari);
    const kariIds = kariRows.map((r) => r.id);
    expect(kariIds.slice(0, 2)).toEqual([older.letterId, newer.letterId]);
    expect(kariIds).not.toContain(health.letterId);
    expect(kariIds).not.toContain(portal.letterId);
    expect(kariIds).not.toContain(printed.letterId);
    expect(kariRows[0]).toMatchObject({ reference: older.reference, recipientName: "Papir skole", kind: "response", sizeBytes: PDF.length });
    const times = kariRows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const ola = await staffActor("saksbehandler2@demo.test");
    const olaIds = (await listPrintQueue(ola)).map((r) => r.id);
    expect(olaIds).toContain(health.letterId);
    expect(olaIds).not.toContain(newer.letterId);

    const dpo = await staffActor("personvernombud@demo.test");
    const dpoIds = (await listPrintQueue(dpo)).map((r) => r.id);
    expect(dpoIds.slice(0, 3)).toEqual([older.letterId, health.letterId, newer.letterId]);

    const admin = await staffActor("admin@demo.test");
    expect(isDomainError(await listPrintQueue(admin).catch((e: unknown) => e), "not_found")).toBe(true);
  });

  it("serves a letter's PDF only to staff who may see the case", async () => {
    const l = await caseWithLetter("barnehage", { createdAt: new Date() });
    const kari = await staffActor("saksbehandler@demo.test");
    const ola = await staffActor("saksbehandler2@demo.test");
    const pdf = await getLetterPdf(kari, l.letterId);
    expect(pdf?.bytes.equals(PDF)).toBe(true);
    expect(pdf?.fileName).toBe(`svarbrev-${l.reference}.pdf`);
    expect(await getLetterPdf(ola, l.letterId)).toBeNull();
    expect(await getLetterPdf(kari, randomUUID())).toBeNull();
    expect(await getLetterPdf(kari, "not-a-uuid")).toBeNull();
    expect(await getLetterPdf({ kind: "citizen", requesterId: randomUUID() }, l.letterId)).toBeNull();
  });

  it("marks one or many as printed with an audit event each; skips letters out of scope or already printed", async () => {
    const a = await caseWithLetter("barnehage", { createdAt: new Date() });
    const b = await caseWithLetter("skole", { createdAt: new Date() });
    const c = await caseWithLetter("barnehage", { createdAt: new Date() });
    const hidden = await caseWithLetter("helse-omsorg", { createdAt: new Date() });
    const kari = await staffActor("saksbehandler@demo.test");
    const now = new Date();

    expect(await markLettersPrinted(kari, [a.letterId], now)).toEqual({ marked: 1 });
    const rowA = await db().letter.findUniqueOrThrow({ where: { id: a.letterId } });
    expect(rowA).toMatchObject({ status: "printed", printedAt: now });
    const eventA = await db().caseEvent.findFirstOrThrow({ where: { caseId: a.caseId, type: "letter.printed" } });
    expect(eventA).toMatchObject({ actorType: "staff", actorId: (kari as { userId: string }).userId, after: { letterId: a.letterId } });

    // Bulk: a again (already printed), b, c, a letter of another unit, and junk.
    expect(await markLettersPrinted(kari, [a.letterId, b.letterId, c.letterId, hidden.letterId, "x", randomUUID()], now)).toEqual({ marked: 2 });
    expect(await db().letter.count({ where: { id: { in: [b.letterId, c.letterId] }, status: "printed" } })).toBe(2);
    expect(await db().letter.findUniqueOrThrow({ where: { id: hidden.letterId } })).toMatchObject({ status: "queued", printedAt: null });
    expect(await db().caseEvent.count({ where: { caseId: a.caseId, type: "letter.printed" } })).toBe(1);
    expect(await db().caseEvent.count({ where: { caseId: hidden.caseId, type: "letter.printed" } })).toBe(0);
    const ids = (await listPrintQueue(kari)).map((r) => r.id);
    expect(ids).not.toContain(a.letterId);
    expect(ids).not.toContain(b.letterId);

    expect(await markLettersPrinted(kari, [], now)).toEqual({ marked: 0 });
    const admin = await staffActor("admin@demo.test");
    expect(isDomainError(await markLettersPrinted(admin, [hidden.letterId]).catch((e: unknown) => e), "not_found")).toBe(true);
  });

  it("the DPO reads the queue but may not mark anything printed; those who work the case may", async () => {
    const l = await caseWithLetter("barnehage", { createdAt: new Date() });
    const dpo = await staffActor("personvernombud@demo.test");
    const kari = await staffActor("saksbehandler@demo.test");
    // Reads: the row is there, without the right to act on it.
    expect((await listPrintQueue(dpo)).find((r) => r.id === l.letterId)).toMatchObject({ canMark: false });
    expect((await listPrintQueue(kari)).find((r) => r.id === l.letterId)).toMatchObject({ canMark: true });
    // Acts: refused, nothing written.
    expect(isDomainError(await markLettersPrinted(dpo, [l.letterId]).catch((e: unknown) => e), "forbidden")).toBe(true);
    expect(await db().letter.findUniqueOrThrow({ where: { id: l.letterId } })).toMatchObject({ status: "queued", printedAt: null });
    expect(await db().caseEvent.count({ where: { caseId: l.caseId, type: "letter.printed" } })).toBe(0);
    // Someone with a case role and the DPO role may mark only letters of cases they may work.
    const other = await caseWithLetter("helse-omsorg", { createdAt: new Date() });
    const both = { ...kari, roles: [...kari.roles, "dpo" as const] };
    expect(await markLettersPrinted(both, [l.letterId, other.letterId])).toEqual({ marked: 1 });
    expect(await db().letter.findUniqueOrThrow({ where: { id: other.letterId } })).toMatchObject({ status: "queued" });
    expect((await listPrintQueue(both)).find((r) => r.id === other.letterId)).toMatchObject({ canMark: false });
  });

  it("two people marking the same letter at once write one event", async () => {
    const l = await caseWithLetter("barnehage", { createdAt: new Date() });
    const kari = await staffActor("saksbehandler@demo.test");
    const lene = await staffActor("leder@demo.test");
    const results = await Promise.all([markLettersPrinted(kari, [l.letterId]), markLettersPrinted(lene, [l.letterId])]);
    expect(results.map((r) => r.marked).sort()).toEqual([0, 1]);
    expect(await db().caseEvent.count({ where: { caseId: l.caseId, type: "letter.printed" } })).toBe(1);
  });
});
