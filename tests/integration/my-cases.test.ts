import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { transitionCase } from "@/lib/cases/case-transition";
import { citizenListCases } from "@/lib/cases/citizen-list-cases";
import { citizenGetCase } from "@/lib/cases/citizen-get-case";
import { citizenSendMessage } from "@/lib/cases/citizen-send-message";
import { citizenWithdraw } from "@/lib/cases/citizen-withdraw";
import { staffSendMessage } from "@/lib/cases/staff-send-message";
import { staffGetCase } from "@/lib/cases/staff-case-view";
import { isDomainError } from "@/lib/domain/errors";
import { citizenUploadAttachment } from "@/lib/files/upload-attachment";
import { buildCase, buildIdentity } from "./builders";
import { SMALL_PDF, staffActorByEmail as staffActor } from "./helpers";

beforeAll(() => {
  process.env.FIELD_ENCRYPTION_KEYS ??= `t1:${randomBytes(32).toString("base64")}`;
  process.env.LOOKUP_HMAC_KEY ??= randomBytes(32).toString("base64");
});

afterAll(async () => {
  await disconnectDb();
});

function newIdentity(level: "email_code" | "idporten_high" = "email_code") {
  return buildIdentity({ level });
}

/** A web case linked to the identity (requester.identityId), through the real creation path (builders.ts). */
function createCase(opts: {
  identityId: string | null;
  email: string | null;
  receivedAt?: Date;
  unit?: string;
  details?: object;
  nationalId?: string;
  /** Added to the unit's flag, as when a request is filed (or a caseworker marks it). */
  specialCategory?: boolean;
}) {
  return buildCase({
    unit: opts.unit ?? null,
    receivedAt: opts.receivedAt,
    details: opts.details ?? {},
    specialCategory: opts.specialCategory,
    identity: opts.identityId ? { identityId: opts.identityId } : undefined,
    requester: { name: "Mine Saker Testesen", email: opts.email, identityLevel: "email_code", nationalId: opts.nationalId },
  });
}

describe("Mine saker: ownership", () => {
  it("lists only the identity's own cases, newest first", async () => {
    const me = await newIdentity();
    const other = await newIdentity();
    const older = await createCase({ ...me, receivedAt: new Date("2026-02-01T10:00:00Z") });
    const newer = await createCase({ ...me, receivedAt: new Date("2026-02-10T10:00:00Z") });
    const foreign = await createCase({ ...other });
    const rows = await citizenListCases(me.identityId);
    expect(rows.map((r) => r.reference)).toEqual([newer.reference, older.reference]);
    expect(rows.map((r) => r.reference)).not.toContain(foreign.reference);
    expect(await citizenListCases("")).toEqual([]);
  });

  it("another identity gets null for the case, and cannot message or withdraw it (not_found)", async () => {
    const me = await newIdentity();
    const other = await newIdentity();
    const c = await createCase({ ...me });
    expect(await citizenGetCase({ identityId: other.identityId, level: "email_code" }, c.reference)).toBeNull();
    expect(await citizenGetCase({ identityId: me.identityId, level: "email_code" }, c.reference)).not.toBeNull();
    const e1 = await citizenSendMessage({ identityId: other.identityId, reference: c.reference, body: "Hei" }).catch((e: unknown) => e);
    expect(isDomainError(e1, "not_found")).toBe(true);
    const e2 = await citizenWithdraw({ identityId: other.identityId, reference: c.reference }).catch((e: unknown) => e);
    expect(isDomainError(e2, "not_found")).toBe(true);
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, _count: { select: { messages: true } } } });
    expect(row.status).toBe("received");
    expect(row._count.messages).toBe(0);
  });

  it("a case filed without an identity is nobody's on Mine saker", async () => {
    const c = await createCase({ identityId: null, email: `x-${randomUUID()}@example.test` });
    const me = await newIdentity();
    expect(await citizenGetCase({ identityId: me.identityId, level: "email_code" }, c.reference)).toBeNull();
  });
});

describe("Mine saker: secure messages", () => {
  it("round trip: citizen -> staff -> citizen, with exactly one new_message mail holding only reference and link", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me, unit: "barnehage" });
    const kari = await staffActor("saksbehandler@demo.test");

    await citizenSendMessage({ identityId: me.identityId, reference: c.reference, body: "  Jeg lurer på noe.  " });
    const staffView = await staffGetCase(kari, c.reference);
    expect(staffView?.messages.map((m) => [m.kind, m.body])).toEqual([["from_requester", "Jeg lurer på noe."]]);

    await staffSendMessage(kari, { reference: c.reference, body: "Her er svaret vårt." });
    const view = await citizenGetCase({ identityId: me.identityId, level: "email_code" }, c.reference);
    expect(view!.messages.map((m) => [m.from, m.body])).toEqual([
      ["you", "Jeg lurer på noe."],
      ["municipality", "Her er svaret vårt."],
    ]);
    expect(view!.timeline.map((e) => [e.type, e.actor])).toEqual([
      ["case.received", "you"],
      ["message.from_requester", "you"],
      ["message.to_requester", "municipality"],
    ]);

    const outbox = await db().mailOutbox.findMany({ where: { caseId: c.id } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.template).toBe("new_message");
    expect(outbox[0]!.toAddress).toBe(me.email);
    expect(outbox[0]!.params).toEqual({ reference: c.reference, link: `http://localhost:3999/my-cases/${c.reference}` });

    const events = await db().caseEvent.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["case.received", "message.from_requester", "message.to_requester"]);
  });

  it("rejects an empty or too long message and writes nothing", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me });
    for (const body of ["   ", "x".repeat(5001)]) {
      const error = await citizenSendMessage({ identityId: me.identityId, reference: c.reference, body }).catch((e: unknown) => e);
      expect(isDomainError(error, "validation_failed")).toBe(true);
    }
    expect(await db().message.count({ where: { caseId: c.id } })).toBe(0);
    await citizenSendMessage({ identityId: me.identityId, reference: c.reference, body: "x".repeat(5000) });
    expect(await db().message.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("internal notes are never returned to the citizen, nor staff names", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me, unit: "barnehage" });
    const kari = await staffActor("saksbehandler@demo.test");
    await db().message.create({ data: { caseId: c.id, kind: "internal_note", authorId: kari.userId, body: "HEMMELIG NOTAT" } });
    await db().caseEvent.create({ data: { caseId: c.id, actorType: "staff", actorId: kari.userId, type: "note.added", after: {} } });
    await staffSendMessage(kari, { reference: c.reference, body: "Til innbyggeren" });
    const view = await citizenGetCase({ identityId: me.identityId, level: "email_code" }, c.reference);
    const json = JSON.stringify(view);
    expect(json).not.toContain("HEMMELIG NOTAT");
    expect(json).not.toContain("note.added");
    expect(json).not.toContain(kari.userId);
    expect(json).not.toContain("Kari");
    expect(view!.messages.map((m) => m.body)).toEqual(["Til innbyggeren"]);
  });

  it("a caseworker of another unit cannot see or message the case (not_found)", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me, unit: "barnehage" });
    const ola = await staffActor("saksbehandler2@demo.test");
    expect(await staffGetCase(ola, c.reference)).toBeNull();
    const error = await staffSendMessage(ola, { reference: c.reference, body: "Hei" }).catch((e: unknown) => e);
    expect(isDomainError(error, "not_found")).toBe(true);
    expect(await db().mailOutbox.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("the national id is shown masked only", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me, nationalId: "01019012345" });
    const view = await citizenGetCase({ identityId: me.identityId, level: "email_code" }, c.reference);
    expect(view!.maskedNationalId).toBe("010190*****");
    expect(JSON.stringify(view)).not.toContain("01019012345");
  });

  it("special-category cases hide messages and attachments below ID-porten high", async () => {
    const me = await newIdentity();
    const health = await createCase({ ...me, unit: "helse-omsorg" });
    // Marked by the caseworker, in a unit that is not a special-category unit.
    const flagged = await createCase({ ...me, unit: "barnehage", specialCategory: true });
    for (const c of [health, flagged]) {
      // Writing needs the step-up too (the policy: citizenMustStepUp), and a refusal writes nothing.
      for (const level of [undefined, "email_code", "idporten_substantial"] as const) {
        const refused = await citizenSendMessage({ identityId: me.identityId, level, reference: c.reference, body: "For lavt nivå" }).catch((e: unknown) => e);
        expect(isDomainError(refused, "forbidden"), String(level)).toBe(true);
      }
      const upload = await citizenUploadAttachment({ identityId: me.identityId, level: "email_code", reference: c.reference, fileName: "helse.pdf", bytes: SMALL_PDF }).catch((e: unknown) => e);
      expect(isDomainError(upload, "forbidden")).toBe(true);
      expect(await db().message.count({ where: { caseId: c.id } })).toBe(0);
      expect(await db().attachment.count({ where: { caseId: c.id } })).toBe(0);
      await citizenSendMessage({ identityId: me.identityId, level: "idporten_high", reference: c.reference, body: "Om helsen min" });
      const low = await citizenGetCase({ identityId: me.identityId, level: "idporten_substantial" }, c.reference);
      expect(low!.needsHighLevel).toBe(true);
      expect(low!.messages).toEqual([]);
      const high = await citizenGetCase({ identityId: me.identityId, level: "idporten_high" }, c.reference);
      expect(high!.needsHighLevel).toBe(false);
      expect(high!.messages.map((m) => m.body)).toEqual(["Om helsen min"]);
    }
    const ordinary = await createCase({ ...me, unit: "barnehage" });
    expect((await citizenGetCase({ identityId: me.identityId, level: "email_code" }, ordinary.reference))!.needsHighLevel).toBe(false);
  });
});

describe("Mine saker: answering a request for clarification", () => {
  it("requester_answered closes the pause and moves the due date by the pause days", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me, receivedAt: new Date("2026-03-05T10:00:00Z") });
    await transitionCase({
      caseId: c.id,
      command: { type: "ask_requester", kind: "clarification" },
      actor: { type: "staff", id: null },
      now: new Date("2026-03-10T09:00:00Z"),
    });
    const result = await citizenSendMessage({
      identityId: me.identityId,
      reference: c.reference,
      body: "Det gjelder barnehagen i 2024.",
      now: new Date("2026-03-17T12:00:00Z"),
    });
    expect(result.answered).toBe(true);
    const row = await db().case.findUniqueOrThrow({
      where: { id: c.id },
      select: { status: true, dueDate: true, pauses: true, events: { orderBy: { id: "asc" }, select: { type: true } } },
    });
    expect(row.status).toBe("in_progress");
    expect(row.pauses).toHaveLength(1);
    expect(row.pauses[0]!.endedAt?.toISOString()).toBe("2026-03-17T12:00:00.000Z");
    // Received 5 March -> raw 5 April; asked 10 March, answered 17 March = 7 days -> 12 April (a
    // Sunday) -> Monday 13 April 2026.
    expect(dbDateToIso(row.dueDate)).toBe("2026-04-13");
    expect(row.events.map((e) => e.type)).toEqual(["case.received", "case.requester_asked", "message.from_requester", "case.requester_answered"]);
  });
});

describe("Mine saker: withdraw", () => {
  it("withdraws: status withdrawn, closedAt, audit event; then no more messages", async () => {
    const me = await newIdentity();
    const c = await createCase({ ...me });
    await citizenWithdraw({ identityId: me.identityId, reference: c.reference, now: new Date("2026-03-20T10:00:00Z") });
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, closedAt: true, events: { select: { type: true, actorType: true } } } });
    expect(row.status).toBe("withdrawn");
    expect(row.closedAt?.toISOString()).toBe("2026-03-20T10:00:00.000Z");
    expect(row.events).toContainEqual({ type: "case.withdrawn", actorType: "citizen" });
    const view = await citizenGetCase({ identityId: me.identityId, level: "email_code" }, c.reference);
    expect(view!.closed).toBe(true);
    const error = await citizenSendMessage({ identityId: me.identityId, reference: c.reference, body: "Hei" }).catch((e: unknown) => e);
    expect(isDomainError(error, "case_closed")).toBe(true);
    const again = await citizenWithdraw({ identityId: me.identityId, reference: c.reference }).catch((e: unknown) => e);
    expect(isDomainError(again, "case_closed")).toBe(true);
  });
});
