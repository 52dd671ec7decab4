// Reopening a closed case (issue 13, item 1) against the real database: who may, what it writes in
// one transaction (status, new due date, reasons on the row, audit event, the earlier decisions set
// aside, a message to the requester with a mail in the outbox), what it refuses without changing
// anything, and that the case can then be decided and answered again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { decideCase } from "@/lib/cases/decide-case";
import { reopenCase, reopenMessage } from "@/lib/cases/reopen-case";
import { staffGetCaseWork } from "@/lib/cases/staff-case-view";
import { citizenGetCase } from "@/lib/cases/citizen-get-case";
import { extendDeadline } from "@/lib/cases/extend-deadline";
import { computeDeadline } from "@/lib/domain/deadline";
import { isDomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { buildCase, buildIdentity } from "./builders";
import { staffActorByEmail as staff } from "./helpers";
import { ownerSql } from "./owner-db";
import { dashboardTrends } from "@/lib/dashboard/dashboard-trends";
import { osloDateOf } from "@/lib/domain/calendar";

type Staff = Extract<Actor, { kind: "staff" }>;
let kari: Staff; // caseworker, barnehage + skole
let ola: Staff; // caseworker, helse-omsorg
let lene: Staff; // unit lead, barnehage + skole
let dpo: Staff;

beforeAll(async () => {
  kari = await staff("saksbehandler@demo.test");
  ola = await staff("saksbehandler2@demo.test");
  lene = await staff("leder@demo.test");
  dpo = await staff("personvernombud@demo.test");
});

afterAll(async () => {
  await disconnectDb();
});

const REASON = "Klage til personvernombudet: svaret manglet opplysninger fra fagsystemet.";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return isDomainError(e) ? e.code : `other: ${String(e)}`;
  }
}

/** A decided (closed) access case in barnehage, decided through the real service. */
async function decidedCase(opts: { email?: string | null; identity?: Awaited<ReturnType<typeof buildIdentity>> } = {}) {
  const receivedAt = new Date(Date.now() - 20 * 86_400_000);
  const c = await buildCase({
    receivedAt,
    rights: ["access"],
    requester: { name: "Gjenåpning Testesen", email: opts.email === undefined ? "gjenapning@example.test" : opts.email },
    ...(opts.identity ? { identity: opts.identity } : {}),
  });
  const decided = await decideCase(kari, {
    reference: c.reference,
    perRight: [{ right: "access", outcome: "no_data", legalBasisIds: [], reasons: "" }],
    expectedVersion: c.version,
  });
  return { ...c, version: decided.version };
}

async function stateOf(caseId: string) {
  const [c, events, messages, decisions, outbox] = await Promise.all([
    db().case.findUniqueOrThrow({
      where: { id: caseId },
      select: { status: true, version: true, dueDate: true, closedAt: true, reopenedAt: true, reopenReason: true, orderedDueDate: true },
    }),
    db().caseEvent.count({ where: { caseId } }),
    db().message.count({ where: { caseId } }),
    db().caseDecision.count({ where: { caseId } }),
    db().mailOutbox.count({ where: { caseId } }),
  ]);
  return { ...c, dueDate: dbDateToIso(c.dueDate), events, messages, decisions, outbox };
}

describe("reopenCase", () => {
  it("a unit lead reopens: new due date one month from now, reasons on the row, event, decisions set aside, requester told", async () => {
    const c = await decidedCase();
    const before = await stateOf(c.id);
    expect(before.status).toBe("completed");
    expect(before.decisions).toBe(1);

    const now = new Date();
    const result = await reopenCase(lene, { reference: c.reference, ground: "complaint", reason: `  ${REASON}  `, expectedVersion: c.version, now });
    const expectedDue = computeDeadline({ receivedAt: now }).dueDate;
    expect(result.dueDate).toBe(expectedDue);

    const after = await stateOf(c.id);
    expect(after).toMatchObject({ status: "in_progress", closedAt: null, reopenReason: REASON, orderedDueDate: null, dueDate: expectedDue, decisions: 0 });
    expect(after.reopenedAt?.toISOString()).toBe(now.toISOString());
    expect(after.version).toBe(c.version + 1);

    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "case.reopened" } });
    expect(event).toMatchObject({ actorType: "staff", actorId: lene.userId });
    expect(event.after).toMatchObject({ status: "in_progress", ground: "complaint", reopenedFrom: "completed", dueDate: expectedDue });
    // The reasons may name people: they stay on the row, never in the audit event.
    expect(JSON.stringify(event.after)).not.toContain("fagsystemet");

    const message = await db().message.findFirstOrThrow({ where: { caseId: c.id, kind: "to_requester" }, orderBy: { createdAt: "desc" } });
    expect(message.body).toBe(reopenMessage("nb", c.reference, "complaint", expectedDue));
    expect(message.body).toContain(c.reference);
    expect(message.body).not.toContain("fagsystemet");
    const mail = await db().mailOutbox.findFirstOrThrow({ where: { caseId: c.id }, orderBy: { createdAt: "desc" } });
    expect(mail.template).toBe("new_message");
    expect(JSON.stringify(mail.params)).not.toContain("fagsystemet");
  });

  it("the reopened case can be decided again, and a new extension can be notified", async () => {
    const c = await decidedCase();
    const reopened = await reopenCase(dpo, { reference: c.reference, ground: "incomplete_answer", reason: REASON, expectedVersion: c.version });
    const { version } = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } });
    const extended = await extendDeadline(kari, { reference: c.reference, reason: "Flere fagsystemer må søkes gjennom på nytt.", ground: "complexity", expectedVersion: version });
    expect(extended.dueDate > reopened.dueDate).toBe(true);
    const decided = await decideCase(kari, {
      reference: c.reference,
      perRight: [{ right: "access", outcome: "no_data", legalBasisIds: [], reasons: "" }],
      expectedVersion: extended.version,
    });
    const after = await stateOf(c.id);
    expect(after.status).toBe("completed");
    expect(after.decisions).toBe(1);
    expect(after.closedAt).not.toBeNull();
    expect(decided.version).toBe(after.version);
    // The staff case page shows the last reopening; the citizen's timeline says it happened.
    const work = await staffGetCaseWork(kari, c.reference);
    expect(work?.reopened).toMatchObject({ ground: "incomplete_answer", count: 1, reason: REASON });
  });

  it("an ordered due date replaces the computed one and cannot be extended", async () => {
    const c = await decidedCase();
    const ordered = dbDateToIso(new Date(Date.now() + 10 * 86_400_000));
    const result = await reopenCase(dpo, { reference: c.reference, ground: "authority_order", reason: REASON, orderedDueDate: ordered, expectedVersion: c.version });
    expect(result.dueDate).toBe(ordered);
    const after = await stateOf(c.id);
    expect(after.orderedDueDate && dbDateToIso(after.orderedDueDate)).toBe(ordered);
    const work = await staffGetCaseWork(kari, c.reference);
    expect(work?.allowedCommands).not.toContain("extend");
    expect(await codeOf(extendDeadline(kari, { reference: c.reference, reason: "Flere fagsystemer må søkes.", ground: "complexity", expectedVersion: after.version }))).toBe(
      "invalid_transition",
    );
    expect((await stateOf(c.id)).dueDate).toBe(ordered);
  });

  it("refuses without changing anything: caseworker (not allowed), other unit (404), open case, bad input, stale version", async () => {
    const c = await decidedCase();
    const before = await stateOf(c.id);
    const input = { reference: c.reference, ground: "complaint", reason: REASON, expectedVersion: c.version };
    expect(await codeOf(reopenCase(kari, input))).toBe("forbidden");
    expect(await codeOf(reopenCase(ola, input))).toBe("not_found");
    expect(await codeOf(reopenCase({ kind: "citizen", requesterId: c.requesterId }, input))).toBe("not_found");
    expect(await codeOf(reopenCase(lene, { ...input, reason: "for kort" }))).toBe("validation_failed");
    expect(await codeOf(reopenCase(lene, { ...input, ground: "whim" }))).toBe("validation_failed");
    expect(await codeOf(reopenCase(lene, { ...input, orderedDueDate: "2020-01-01" }))).toBe("validation_failed");
    expect(await codeOf(reopenCase(lene, { ...input, orderedDueDate: "2026-02-30" }))).toBe("validation_failed");
    expect(await codeOf(reopenCase(lene, { ...input, expectedVersion: c.version - 1 }))).toBe("conflict_stale_version");
    expect(await stateOf(c.id)).toEqual(before);

    const open = await buildCase({ rights: ["access"] });
    const openBefore = await stateOf(open.id);
    expect(await codeOf(reopenCase(lene, { ...input, reference: open.reference, expectedVersion: open.version }))).toBe("invalid_transition");
    expect(await stateOf(open.id)).toEqual(openBefore);
  });

  it("refuses an anonymised case", async () => {
    const c = await decidedCase();
    await db().case.update({ where: { id: c.id }, data: { anonymisedAt: new Date() } });
    const before = await stateOf(c.id);
    expect(await codeOf(reopenCase(dpo, { reference: c.reference, ground: "other", reason: REASON, expectedVersion: c.version }))).toBe("invalid_transition");
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("is one transaction: when the message cannot be written, nothing is reopened", async () => {
    const c = await decidedCase();
    const before = await stateOf(c.id);
    const name = `fail_reopen_${c.id.replace(/-/g, "").slice(0, 12)}`;
    await ownerSql(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$`);
    await ownerSql(`CREATE TRIGGER ${name} BEFORE INSERT ON message FOR EACH ROW WHEN (NEW.case_id = '${c.id}'::uuid) EXECUTE FUNCTION ${name}()`);
    try {
      expect(await codeOf(reopenCase(lene, { reference: c.reference, ground: "complaint", reason: REASON, expectedVersion: c.version }))).not.toBe("ok");
    } finally {
      await ownerSql(`DROP TRIGGER ${name} ON message`);
      await ownerSql(`DROP FUNCTION ${name}()`);
    }
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("the requester sees the reopening in their timeline and the new due date", async () => {
    const identity = await buildIdentity({ level: "email_code" });
    const c = await decidedCase({ identity, email: identity.email });
    const result = await reopenCase(lene, { reference: c.reference, ground: "complaint", reason: REASON, expectedVersion: c.version });
    const view = await citizenGetCase({ identityId: identity.identityId, level: "email_code" }, c.reference);
    expect(view?.closed).toBe(false);
    expect(view?.dueDate).toBe(result.dueDate);
    expect(view?.timeline.map((e) => e.type)).toContain("case.reopened");
  });

  it("the dashboard counts the reopened cases of its period, within the viewer's scope", async () => {
    const month = osloDateOf(new Date()).slice(0, 7);
    const filters = { from: month, to: month };
    const [dpoBefore, leadBefore] = await Promise.all([dashboardTrends(dpo, filters), dashboardTrends(lene, filters)]);
    const c = await decidedCase();
    await reopenCase(lene, { reference: c.reference, ground: "other", reason: REASON, expectedVersion: c.version });
    const [dpoAfter, leadAfter] = await Promise.all([dashboardTrends(dpo, filters), dashboardTrends(lene, filters)]);
    expect(dpoAfter.summary.reopened).toBe(dpoBefore.summary.reopened + 1);
    expect(leadAfter.summary.reopened).toBe(leadBefore.summary.reopened + 1);
    // A case of another unit is not in the unit lead's figure.
    const elsewhere = await buildCase({ unit: "helse-omsorg", rights: ["access"] });
    const decided = await decideCase(ola, { reference: elsewhere.reference, perRight: [{ right: "access", outcome: "no_data", legalBasisIds: [], reasons: "" }], expectedVersion: elsewhere.version });
    await reopenCase(dpo, { reference: elsewhere.reference, ground: "other", reason: REASON, expectedVersion: decided.version });
    expect((await dashboardTrends(lene, filters)).summary.reopened).toBe(leadAfter.summary.reopened);
    expect((await dashboardTrends(dpo, filters)).summary.reopened).toBe(dpoAfter.summary.reopened + 1);
  });

  it("the database refuses a reopened case without its ground and reasons", async () => {
    const c = await decidedCase();
    await expect(db().case.update({ where: { id: c.id }, data: { reopenedAt: new Date() } })).rejects.toThrow(/request_case_reopen_complete/);
    await expect(
      db().case.update({ where: { id: c.id }, data: { reopenedAt: new Date(), reopenGround: "whim", reopenReason: REASON } }),
    ).rejects.toThrow(/request_case_reopen_ground_known/);
  });
});
