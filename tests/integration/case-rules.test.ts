// Case rules against the real database (legal-rules.md §1 rule 6, Art. 18(3), Art. 19):
// - a pause recorded by the caseworker ends on the date the answer arrived, not on the day it is
//   recorded; the due dates stored are the literal legal ones and dates outside the pause are
//   refused without changing anything;
// - no identity pause for a request made after an ID-porten login;
// - a citizen upload while the case waits for them ends the pause in the upload's transaction;
// - tasks (create, reassign, tick off) and lifting a restriction work after the decision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { db, disconnectDb } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import type { IdentityLevel } from "@/lib/db/generated/client";
import { askRequester, previewResume, resumeWithoutAnswer } from "@/lib/cases/ask-requester";
import { decideCase, openTasksBeforeDecision } from "@/lib/cases/decide-case";
import { assignTask, completeTask, createTask } from "@/lib/cases/case-tasks";
import { liftRestriction, restrictProcessing } from "@/lib/cases/restrict-processing";
import { markComplex } from "@/lib/cases/mark-complex";
import { citizenSendMessage } from "@/lib/cases/citizen-send-message";
import { staffGetCaseWork } from "@/lib/cases/staff-case-view";
import { osloEndOfDay } from "@/lib/domain/calendar";
import { isDomainError, type DomainErrorCode } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import type { Right } from "@/lib/domain/rights";
import { citizenUploadAttachment } from "@/lib/files/upload-attachment";
import { storageDir } from "@/lib/files/storage";
import { buildCase, buildIdentity } from "./builders";
import { staffActorByEmail as staff } from "./helpers";
import { ownerSql } from "./owner-db";

type Staff = Extract<Actor, { kind: "staff" }>;
let kari: Staff; // caseworker, barnehage + skole
let ola: Staff; // caseworker, helse-omsorg
let lene: Staff; // unit lead, barnehage + skole

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

beforeAll(async () => {
  process.env.STORAGE_DIR = path.resolve(process.env.TEST_DATA_DIR ?? ".data-test-integration", "files-case-rules");
  kari = await staff("saksbehandler@demo.test");
  ola = await staff("saksbehandler2@demo.test");
  lene = await staff("leder@demo.test");
});

afterAll(async () => {
  await disconnectDb();
});

// Received Monday 12 January 2026 (Oslo): due Thursday 12 February 2026, a working day.
const RECEIVED = new Date("2026-01-12T09:00:00Z");
const ASKED = new Date("2026-01-20T10:00:00Z"); // Tuesday 20 January, 11:00 Oslo
const RECORDED = new Date("2026-01-25T10:00:00Z"); // Sunday 25 January: the caseworker records the answer

/** A web case in barnehage received on RECEIVED, through the real creation path (builders.ts). */
function createCase(opts: { rights?: Right[]; identityLevel?: IdentityLevel; identityId?: string } = {}) {
  return buildCase({
    receivedAt: RECEIVED,
    rights: opts.rights,
    identity: opts.identityId ? { identityId: opts.identityId } : undefined,
    requester: { name: "Regel Testesen", identityLevel: opts.identityLevel ?? "none" },
  });
}

async function stateOf(caseId: string) {
  const [c, pauses, events, attachments, tasks] = await Promise.all([
    db().case.findUniqueOrThrow({
      where: { id: caseId },
      select: { status: true, version: true, dueDate: true, oneMonthDueDate: true, restrictedAt: true, closedAt: true },
    }),
    db().casePause.findMany({ where: { caseId }, orderBy: { startedAt: "asc" }, select: { kind: true, startedAt: true, endedAt: true } }),
    db().caseEvent.findMany({ where: { caseId }, orderBy: { id: "asc" }, select: { type: true, actorType: true, after: true } }),
    db().attachment.count({ where: { caseId } }),
    db().caseTask.findMany({ where: { caseId }, orderBy: { createdAt: "asc" }, select: { id: true, assigneeId: true, doneAt: true } }),
  ]);
  return { ...c, dueDate: dbDateToIso(c.dueDate), oneMonthDueDate: dbDateToIso(c.oneMonthDueDate), pauses, events, attachments, tasks };
}

/** Every stored file under STORAGE_DIR. */
function storedFiles(): string[] {
  const dir = storageDir();
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((sub) => readdirSync(path.join(dir, sub)));
}

async function expectDomainError(promise: Promise<unknown>, code: DomainErrorCode) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isDomainError(error, code), `expected ${code}, got ${String(error)}`).toBe(true);
  return error as { details?: Record<string, unknown> };
}

async function pausedCase(opts: Parameters<typeof createCase>[0] = {}) {
  const c = await createCase(opts);
  const asked = await askRequester(kari, { reference: c.reference, kind: "clarification", body: "Hvilken barnehage gjelder det?", expectedVersion: c.version, now: ASKED });
  return { ...c, version: asked.version };
}

describe("the pause ends on the date the answer arrived", () => {
  it("an answer on the day of the question adds no days: the stored dates are the literal legal ones", async () => {
    const c = await pausedCase();
    const preview = await previewResume(kari, { reference: c.reference, answeredOn: "2026-01-20", now: RECORDED });
    expect(preview).toEqual({ dueDate: "2026-02-12", pauseStart: "2026-01-20", pauseDays: 0 });
    const resumed = await resumeWithoutAnswer(kari, { reference: c.reference, answeredOn: "2026-01-20", expectedVersion: c.version, now: RECORDED });
    expect(resumed.dueDate).toBe("2026-02-12");
    const s = await stateOf(c.id);
    expect(s.status).toBe("in_progress");
    expect(s.pauses).toEqual([{ kind: "clarification", startedAt: ASKED, endedAt: osloEndOfDay("2026-01-20") }]);
    // Literal dates (legal-rules.md §1): received Monday 12 January, a pause that adds no days, so
    // both the one-month date and the due date in force are Thursday 12 February.
    expect(s.dueDate).toBe("2026-02-12");
    expect(s.oneMonthDueDate).toBe("2026-02-12");
    const answered = s.events.find((e) => e.type === "case.requester_answered")!;
    expect(answered.actorType).toBe("staff");
    expect(answered.after).toMatchObject({ answeredOn: "2026-01-20", pauseTo: osloEndOfDay("2026-01-20").toISOString(), dueDate: "2026-02-12" });
  });

  it("one day later adds one day; the preview and the stored date agree", async () => {
    const c = await pausedCase();
    const preview = await previewResume(kari, { reference: c.reference, answeredOn: "2026-01-21", now: RECORDED });
    expect(preview.pauseDays).toBe(1);
    const resumed = await resumeWithoutAnswer(kari, { reference: c.reference, answeredOn: "2026-01-21", expectedVersion: c.version, now: RECORDED });
    expect(resumed.dueDate).toBe("2026-02-13");
    expect(preview.dueDate).toBe(resumed.dueDate);
    expect((await stateOf(c.id)).dueDate).toBe("2026-02-13");
  });

  it("the staff-recorded date gives the same due date as a portal answer that arrived that day", async () => {
    const viaStaff = await pausedCase();
    await resumeWithoutAnswer(kari, { reference: viaStaff.reference, answeredOn: "2026-01-22", expectedVersion: viaStaff.version, now: RECORDED });
    const identity = await buildIdentity();
    const viaPortal = await pausedCase({ identityId: identity.identityId });
    await citizenSendMessage({ identityId: identity.identityId, reference: viaPortal.reference, body: "Det gjelder Solsikken.", now: new Date("2026-01-22T15:00:00Z") });
    // 2 days: 14 February is a Saturday -> Monday 16 February.
    expect((await stateOf(viaStaff.id)).dueDate).toBe("2026-02-16");
    expect((await stateOf(viaPortal.id)).dueDate).toBe("2026-02-16");
  });

  it("defaults to today when no date is given", async () => {
    const c = await pausedCase();
    const resumed = await resumeWithoutAnswer(kari, { reference: c.reference, expectedVersion: c.version, now: RECORDED });
    expect(resumed.dueDate).toBe("2026-02-17"); // 5 days
    expect((await stateOf(c.id)).pauses[0]!.endedAt).toEqual(RECORDED);
  });

  it("refuses a date before the pause started or in the future, and changes nothing", async () => {
    const c = await pausedCase();
    const before = await stateOf(c.id);
    const early = await expectDomainError(
      resumeWithoutAnswer(kari, { reference: c.reference, answeredOn: "2026-01-19", expectedVersion: c.version, now: RECORDED }),
      "validation_failed",
    );
    expect(early.details).toMatchObject({ field: "answeredOn", reason: "before_pause_start", pauseStart: "2026-01-20" });
    const future = await expectDomainError(
      resumeWithoutAnswer(kari, { reference: c.reference, answeredOn: "2026-01-26", expectedVersion: c.version, now: RECORDED }),
      "validation_failed",
    );
    expect(future.details).toMatchObject({ field: "answeredOn", reason: "in_future" });
    await expectDomainError(
      resumeWithoutAnswer(kari, { reference: c.reference, answeredOn: "26.01.2026", expectedVersion: c.version, now: RECORDED }),
      "validation_failed",
    );
    await expectDomainError(previewResume(kari, { reference: c.reference, answeredOn: "2026-01-19", now: RECORDED }), "validation_failed");
    expect(await stateOf(c.id)).toEqual(before);
  });
});

describe("no identity pause after an ID-porten login", () => {
  it("refuses an identity question on a BankID or MinID case, with nothing written; a clarification is fine", async () => {
    for (const level of ["idporten_high", "idporten_substantial"] as const) {
      const c = await createCase({ identityLevel: level });
      const before = await stateOf(c.id);
      const e = await expectDomainError(
        askRequester(kari, { reference: c.reference, kind: "identity", body: "Send kopi av legitimasjon.", expectedVersion: c.version }),
        "identity_pause_not_needed",
      );
      expect(e.details).toEqual({ identityLevel: level });
      expect(await stateOf(c.id)).toEqual(before);
      expect(await db().message.count({ where: { caseId: c.id } })).toBe(0);
      expect(await db().mailOutbox.count({ where: { caseId: c.id } })).toBe(0);
      await askRequester(kari, { reference: c.reference, kind: "clarification", body: "Hvilken barnehage?", expectedVersion: c.version });
      expect((await stateOf(c.id)).status).toBe("awaiting_requester");
    }
  });

  it("allows it for a request without a strong login", async () => {
    const c = await createCase({ identityLevel: "email_code" });
    await askRequester(kari, { reference: c.reference, kind: "identity", body: "Kan du logge inn med ID-porten?", expectedVersion: c.version });
    expect((await stateOf(c.id)).pauses.map((p) => p.kind)).toEqual(["identity"]);
  });
});

describe("a citizen upload while the case waits for them", () => {
  async function citizenCase() {
    const identity = await buildIdentity();
    const c = await createCase({ identityId: identity.identityId, identityLevel: "email_code" });
    return { ...c, identityId: identity.identityId };
  }

  it("ends the pause like a message, in the upload's transaction", async () => {
    const c = await citizenCase();
    const asked = await askRequester(kari, { reference: c.reference, kind: "identity", body: "Last opp en kopi av ID-kortet.", expectedVersion: c.version, now: ASKED });
    const uploaded = await citizenUploadAttachment({
      identityId: c.identityId,
      reference: c.reference,
      fileName: "id.pdf",
      bytes: PDF,
      now: new Date("2026-01-22T09:00:00Z"),
    });
    expect(uploaded.answered).toBe(true);
    const s = await stateOf(c.id);
    expect(s.status).toBe("in_progress");
    expect(s.version).toBe(asked.version + 1);
    expect(s.pauses).toEqual([{ kind: "identity", startedAt: ASKED, endedAt: new Date("2026-01-22T09:00:00Z") }]);
    expect(s.dueDate).toBe("2026-02-16"); // 2 days, Saturday -> Monday
    expect(s.events.map((e) => [e.type, e.actorType])).toEqual([
      ["case.received", "citizen"],
      ["case.requester_asked", "staff"],
      ["message.to_requester", "staff"],
      ["attachment.from_requester", "citizen"],
      ["case.requester_answered", "citizen"],
    ]);
  });

  it("does not touch the clock of a case that is not waiting", async () => {
    const c = await citizenCase();
    const uploaded = await citizenUploadAttachment({ identityId: c.identityId, reference: c.reference, fileName: "brev.pdf", bytes: PDF });
    expect(uploaded.answered).toBe(false);
    const s = await stateOf(c.id);
    expect([s.status, s.version, s.pauses.length]).toEqual(["received", c.version, 0]);
  });

  it("rolls the upload back (row and file) when the pause cannot be closed", async () => {
    const c = await citizenCase();
    await askRequester(kari, { reference: c.reference, kind: "identity", body: "Last opp en kopi av ID-kortet.", expectedVersion: c.version, now: ASKED });
    const before = await stateOf(c.id);
    const name = `fail_answer_${c.id.replace(/-/g, "")}`;
    await ownerSql(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$`);
    await ownerSql(
      `CREATE TRIGGER ${name} BEFORE INSERT ON case_event FOR EACH ROW WHEN (NEW.case_id = '${c.id}'::uuid AND NEW.type = 'case.requester_answered') EXECUTE FUNCTION ${name}()`,
    );
    const files = storedFiles().length;
    try {
      await expect(
        citizenUploadAttachment({ identityId: c.identityId, reference: c.reference, fileName: "id.pdf", bytes: Buffer.concat([PDF, randomBytes(16)]) }),
      ).rejects.toThrow(/forced failure/);
    } finally {
      await ownerSql(`DROP TRIGGER ${name} ON case_event`);
      await ownerSql(`DROP FUNCTION ${name}()`);
    }
    expect(await stateOf(c.id)).toEqual(before);
    expect(before.attachments).toBe(0);
    expect(storedFiles()).toHaveLength(files); // the file written first is removed again
  });
});

describe("tasks after the decision (Art. 19 notices come after it)", () => {
  async function decided(outcome: "granted" | "refused") {
    const c = await createCase({ rights: ["rectification"] });
    const task = await createTask(kari, { reference: c.reference, kind: "correct", system: "Barnehagesystem", expectedVersion: c.version });
    expect(await openTasksBeforeDecision(kari, c.reference)).toEqual([{ kind: "correct", system: "Barnehagesystem", recipient: null }]);
    const d = await decideCase(kari, {
      reference: c.reference,
      perRight: [
        outcome === "granted"
          ? { right: "rectification", outcome: "granted", legalBasisIds: [], reasons: "" }
          : { right: "rectification", outcome: "refused", legalBasisIds: ["gdpr-12-5"], reasons: "Samme krav er besvart før." },
      ],
      expectedVersion: task.version,
    });
    expect(d.openTasks).toBe(1); // a warning, not a block
    return { ...c, taskId: task.taskId, version: d.version };
  }

  it("on a completed case: add an Art. 19 task, give it to a colleague, tick both off", async () => {
    const c = await decided("granted");
    expect((await stateOf(c.id)).status).toBe("completed");
    const notify = await createTask(kari, {
      reference: c.reference,
      kind: "notify_recipient",
      system: "Barnehagesystem",
      recipient: "NAV",
      expectedVersion: c.version,
    });
    const given = await assignTask(kari, { reference: c.reference, taskId: notify.taskId, assigneeId: lene.userId, expectedVersion: notify.version });
    expect(given.changed).toBe(true);
    const done1 = await completeTask(lene, { reference: c.reference, taskId: notify.taskId, note: "NAV er varslet.", expectedVersion: given.version });
    await completeTask(kari, { reference: c.reference, taskId: c.taskId, expectedVersion: done1.version });
    const s = await stateOf(c.id);
    expect(s.status).toBe("completed");
    expect(s.tasks.map((t) => [t.assigneeId, t.doneAt !== null])).toEqual([
      [null, true],
      [lene.userId, true],
    ]);
    expect(s.events.map((e) => e.type).slice(-4)).toEqual(["task.created", "task.assigned", "task.done", "task.done"]);
    const assigned = s.events.find((e) => e.type === "task.assigned")!;
    expect(assigned.after).toEqual({ taskId: notify.taskId, kind: "notify_recipient", system: "Barnehagesystem", assigneeId: lene.userId, previousAssigneeId: null });
    const view = await staffGetCaseWork(kari, c.reference);
    expect(view?.can.tasks).toBe(true);
  });

  it("on a refused case too (documented choice), but not once the case is anonymised", async () => {
    const c = await decided("refused");
    const done = await completeTask(kari, { reference: c.reference, taskId: c.taskId, expectedVersion: c.version });
    const added = await createTask(kari, { reference: c.reference, kind: "other", system: "Barnehagesystem", expectedVersion: done.version });
    await db().case.update({ where: { id: c.id }, data: { anonymisedAt: new Date() } });
    const before = await stateOf(c.id);
    const e = await expectDomainError(
      createTask(kari, { reference: c.reference, kind: "other", system: "X", expectedVersion: added.version }),
      "case_closed",
    );
    expect(e.details).toMatchObject({ anonymised: true });
    await expectDomainError(completeTask(kari, { reference: c.reference, taskId: added.taskId, expectedVersion: added.version }), "case_closed");
    await expectDomainError(assignTask(kari, { reference: c.reference, taskId: added.taskId, assigneeId: lene.userId, expectedVersion: added.version }), "case_closed");
    expect(await stateOf(c.id)).toEqual(before);
  });
});

describe("reassigning a task", () => {
  it("to a colleague with access, back to nobody; refuses someone without access and a finished task", async () => {
    const c = await createCase();
    const t = await createTask(kari, { reference: c.reference, kind: "search", system: "Barnehagesystem", assigneeId: kari.userId, expectedVersion: c.version });
    const toLene = await assignTask(kari, { reference: c.reference, taskId: t.taskId, assigneeId: lene.userId, expectedVersion: t.version });
    const toNobody = await assignTask(lene, { reference: c.reference, taskId: t.taskId, assigneeId: "", expectedVersion: toLene.version });
    expect((await stateOf(c.id)).tasks[0]!.assigneeId).toBeNull();
    // The same assignee again: nothing to change, no event.
    const same = await assignTask(lene, { reference: c.reference, taskId: t.taskId, assigneeId: "", expectedVersion: toNobody.version });
    expect(same).toEqual({ version: toNobody.version, changed: false });

    const before = await stateOf(c.id);
    const e = await expectDomainError(
      assignTask(kari, { reference: c.reference, taskId: t.taskId, assigneeId: ola.userId, expectedVersion: toNobody.version }),
      "validation_failed",
    );
    expect(e.details?.field).toBe("assigneeId");
    await expectDomainError(assignTask(ola, { reference: c.reference, taskId: t.taskId, assigneeId: "", expectedVersion: toNobody.version }), "not_found");
    await expectDomainError(
      assignTask(kari, { reference: c.reference, taskId: randomUUID(), assigneeId: lene.userId, expectedVersion: toNobody.version }),
      "validation_failed",
    );
    expect(await stateOf(c.id)).toEqual(before);

    const done = await completeTask(kari, { reference: c.reference, taskId: t.taskId, expectedVersion: toNobody.version });
    await expectDomainError(
      assignTask(kari, { reference: c.reference, taskId: t.taskId, assigneeId: lene.userId, expectedVersion: done.version }),
      "conflict_stale_version",
    );
    expect((await stateOf(c.id)).events.filter((ev) => ev.type === "task.assigned")).toHaveLength(2);
  });
});

describe("restriction after closing", () => {
  it("can be lifted on a closed case once the requester has been told; a new one and 'complex' still need an open case", async () => {
    const c = await createCase({ rights: ["rectification"] });
    const r = await restrictProcessing(kari, { reference: c.reference, note: "Adressen er omstridt.", expectedVersion: c.version });
    const d = await decideCase(kari, {
      reference: c.reference,
      perRight: [{ right: "rectification", outcome: "granted", legalBasisIds: [], reasons: "" }],
      expectedVersion: r.version,
    });
    const e = await expectDomainError(
      liftRestriction(kari, { reference: c.reference, requesterTold: false, expectedVersion: d.version }),
      "validation_failed",
    );
    expect(e.details?.field).toBe("requesterTold");
    expect((await stateOf(c.id)).restrictedAt).not.toBeNull();
    const lifted = await liftRestriction(kari, { reference: c.reference, requesterTold: true, expectedVersion: d.version });
    const s = await stateOf(c.id);
    expect([s.status, s.restrictedAt]).toEqual(["completed", null]);
    expect(s.events.at(-1)).toMatchObject({ type: "case.restriction_lifted", after: { restricted: false, requesterTold: true } });
    await expectDomainError(restrictProcessing(kari, { reference: c.reference, note: "Igjen.", expectedVersion: lifted.version }), "case_closed");
    await expectDomainError(markComplex(kari, { reference: c.reference, complex: true, expectedVersion: lifted.version }), "case_closed");
  });
});
