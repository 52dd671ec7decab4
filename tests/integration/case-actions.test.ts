// The case-work services against the real database: each writes its change and its audit event in
// one transaction (proved by making the database fail the transaction's last write), refuses actors
// without permission, and refuses stale versions without changing anything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { askRequester, resumeWithoutAnswer } from "@/lib/cases/ask-requester";
import { extendDeadline } from "@/lib/cases/extend-deadline";
import { checkDecision, decideCase } from "@/lib/cases/decide-case";
import { addInternalNote } from "@/lib/cases/add-internal-note";
import { completeTask, createTask, suggestTasks } from "@/lib/cases/case-tasks";
import { liftRestriction, restrictProcessing } from "@/lib/cases/restrict-processing";
import { markComplex } from "@/lib/cases/mark-complex";
import { lastChangedBy, staffGetCaseWork } from "@/lib/cases/staff-case-view";
import { citizenGetCase } from "@/lib/cases/citizen-get-case";
import { isDomainError, type DomainErrorCode } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import type { Right } from "@/lib/domain/rights";
import { buildCase, buildIdentity } from "./builders";
import { attachAnswerFile, staffActorByEmail as staff } from "./helpers";
import { ownerSql } from "./owner-db";

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

/** A web case in barnehage, through the real creation path (builders.ts). */
function createCase(receivedAt: Date, rights: Right[] = ["access"], email?: string | null) {
  return buildCase({ receivedAt, rights, requester: { name: "Arbeid Testesen", email } });
}

/** Everything a failed or refused action must leave untouched. */
async function stateOf(caseId: string) {
  const [c, events, messages, pauses, tasks, decisions, outbox] = await Promise.all([
    db().case.findUniqueOrThrow({
      where: { id: caseId },
      select: { status: true, version: true, dueDate: true, extended: true, complex: true, restrictedAt: true, closedAt: true },
    }),
    db().caseEvent.count({ where: { caseId } }),
    db().message.count({ where: { caseId } }),
    db().casePause.count({ where: { caseId } }),
    db().caseTask.count({ where: { caseId } }),
    db().caseDecision.count({ where: { caseId } }),
    db().mailOutbox.count({ where: { caseId } }),
  ]);
  return { ...c, dueDate: dbDateToIso(c.dueDate), events, messages, pauses, tasks, decisions, outbox };
}

async function expectDomainError(promise: Promise<unknown>, code: DomainErrorCode) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isDomainError(error, code), `expected ${code}, got ${String(error)}`).toBe(true);
  return error as { details?: Record<string, unknown> };
}

/** Makes the database refuse inserts into `table` for one case: the rest of the transaction must roll back. */
async function withFailingInsert<T>(table: "case_event" | "mail_outbox" | "case_decision", caseId: string, fn: () => Promise<T>) {
  const name = `fail_${table}_${caseId.replace(/-/g, "")}`;
  await ownerSql(
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$`,
  );
  await ownerSql(
    `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW WHEN (NEW.case_id = '${caseId}'::uuid) EXECUTE FUNCTION ${name}()`,
  );
  try {
    return await fn();
  } finally {
    await ownerSql(`DROP TRIGGER ${name} ON ${table}`);
    await ownerSql(`DROP FUNCTION ${name}()`);
  }
}

const RECEIVED = new Date("2026-03-05T10:00:00Z"); // due Tuesday 7 April 2026 (5 and 6 April: Easter)

describe("ask the requester and resume", () => {
  it("pauses the clock, messages the requester, and the resume moves the due date by the pause days", async () => {
    const c = await createCase(RECEIVED);
    const asked = await askRequester(kari, {
      reference: c.reference,
      kind: "identity",
      body: "Kan du bekrefte fødselsdatoen din?",
      expectedVersion: c.version,
      now: new Date("2026-03-10T09:00:00Z"),
    });
    expect(asked.version).toBe(c.version + 1);
    let s = await stateOf(c.id);
    expect(s.status).toBe("awaiting_requester");
    expect(s.pauses).toBe(1);
    const message = await db().message.findUniqueOrThrow({ where: { id: asked.messageId } });
    expect(message.kind).toBe("to_requester");
    expect(message.authorId).toBe(kari.userId);
    const mail = await db().mailOutbox.findFirstOrThrow({ where: { caseId: c.id } });
    expect(mail.template).toBe("new_message");
    expect(mail.params).toEqual({ reference: c.reference, link: `${process.env.PUBLIC_URL}/my-cases/${c.reference}` });

    const resumed = await resumeWithoutAnswer(kari, {
      reference: c.reference,
      expectedVersion: asked.version,
      now: new Date("2026-03-17T12:00:00Z"),
    });
    // 7 pause days: 5 April + 7 = 12 April (Sunday) -> Monday 13 April.
    expect(resumed.dueDate).toBe("2026-04-13");
    s = await stateOf(c.id);
    expect(s.status).toBe("in_progress");
    expect(s.dueDate).toBe("2026-04-13");
    const events = await db().caseEvent.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.actorType, e.actorId])).toEqual([
      ["case.received", "citizen", c.requesterId],
      ["case.requester_asked", "staff", kari.userId],
      ["message.to_requester", "staff", kari.userId],
      ["case.requester_answered", "staff", kari.userId],
    ]);
  });

  it("rolls the pause and the message back when the mail cannot be queued", async () => {
    const c = await createCase(RECEIVED);
    const before = await stateOf(c.id);
    await expect(
      withFailingInsert("mail_outbox", c.id, () =>
        askRequester(kari, { reference: c.reference, kind: "clarification", body: "Hvilken barnehage?", expectedVersion: c.version }),
      ),
    ).rejects.toThrow();
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("refuses an empty question and the DPO", async () => {
    const c = await createCase(RECEIVED);
    const before = await stateOf(c.id);
    const e = await expectDomainError(
      askRequester(kari, { reference: c.reference, kind: "identity", body: "  ", expectedVersion: c.version }),
      "validation_failed",
    );
    expect(e.details?.field).toBe("body");
    await expectDomainError(askRequester(dpo, { reference: c.reference, kind: "identity", body: "Hei", expectedVersion: c.version }), "forbidden");
    expect(await stateOf(c.id)).toEqual(before);
  });
});

describe("extend", () => {
  const reason = "Saken gjelder mange systemer og mye dokumentasjon.";

  it("is refused the day after the one-month due date and changes nothing", async () => {
    const c = await createCase(RECEIVED);
    const before = await stateOf(c.id);
    const e = await expectDomainError(
      extendDeadline(kari, { reference: c.reference, reason, ground: "complexity", expectedVersion: c.version, now: new Date("2026-04-08T06:00:00Z") }),
      "extension_too_late",
    );
    expect(e.details?.oneMonthDueDate).toBe("2026-04-07");
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("is allowed on the due date (late evening, Oslo time), tells the requester the reasons in the portal only", async () => {
    const c = await createCase(RECEIVED);
    // 21:30 UTC = 23:30 in Oslo (CEST), still 7 April.
    const result = await extendDeadline(kari, { reference: c.reference, reason, ground: "complexity", expectedVersion: c.version, now: new Date("2026-04-07T21:30:00Z") });
    // 5 March + 3 months = 5 June 2026 (a Friday).
    expect(result.dueDate).toBe("2026-06-05");
    const s = await stateOf(c.id);
    expect(s.extended).toBe(true);
    expect(s.dueDate).toBe("2026-06-05");
    const saved = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { extensionReason: true, extensionGround: true } });
    expect(saved.extensionReason).toBe(reason);
    expect(saved.extensionGround).toBe("complexity");
    const message = await db().message.findFirstOrThrow({ where: { caseId: c.id, kind: "to_requester" } });
    expect(message.body).toContain(reason);
    expect(message.body).toContain("5. juni 2026");
    const mail = await db().mailOutbox.findFirstOrThrow({ where: { caseId: c.id } });
    expect(mail.template).toBe("new_message");
    expect(JSON.stringify(mail.params)).not.toContain("systemer");
    const types = (await db().caseEvent.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["case.received", "case.extended", "message.to_requester"]);
  });

  it("needs the ground (Art. 12(3)): missing or unknown is refused and nothing changes", async () => {
    const c = await createCase(RECEIVED);
    const before = await stateOf(c.id);
    for (const ground of ["", "because"]) {
      const e = await expectDomainError(
        extendDeadline(kari, { reference: c.reference, reason, ground, expectedVersion: c.version, now: new Date("2026-03-20T10:00:00Z") }),
        "validation_failed",
      );
      expect(e.details?.field).toBe("ground");
    }
    expect(await stateOf(c.id)).toEqual(before);
    const saved = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { extensionGround: true, extensionReason: true } });
    expect(saved).toEqual({ extensionGround: null, extensionReason: null });
    expect(await db().message.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("needs a real reason (the state machine's minimum length)", async () => {
    const c = await createCase(RECEIVED);
    await expectDomainError(
      extendDeadline(kari, { reference: c.reference, reason: "for mye", ground: "complexity", expectedVersion: c.version, now: new Date("2026-03-20T10:00:00Z") }),
      "extension_reason_required",
    );
    expect((await stateOf(c.id)).extended).toBe(false);
  });
});

describe("decide", () => {
  it("is not allowed for the DPO, who can see the case", async () => {
    const c = await createCase(RECEIVED);
    const before = await stateOf(c.id);
    await expectDomainError(
      decideCase(dpo, {
        reference: c.reference,
        perRight: [{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }],
        expectedVersion: c.version,
      }),
      "forbidden",
    );
    expect(await staffGetCaseWork(dpo, c.reference)).not.toBeNull();
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("answers 404 (not_found) to a caseworker of another unit", async () => {
    const c = await createCase(RECEIVED);
    await expectDomainError(
      decideCase(ola, {
        reference: c.reference,
        perRight: [{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }],
        expectedVersion: c.version,
      }),
      "not_found",
    );
    expect(await staffGetCaseWork(ola, c.reference)).toBeNull();
  });

  it("refuses a refusal without legal basis and reasons, naming the fields", async () => {
    const c = await createCase(RECEIVED, ["access", "erasure"]);
    await attachAnswerFile(kari, c.reference);
    const before = await stateOf(c.id);
    const e = await expectDomainError(
      decideCase(kari, {
        reference: c.reference,
        perRight: [
          { right: "access", outcome: "granted", legalBasisIds: [], reasons: "" },
          { right: "erasure", outcome: "refused", legalBasisIds: [], reasons: " " },
        ],
        expectedVersion: c.version,
      }),
      "decision_required_fields",
    );
    expect(e.details?.issues).toEqual([
      { right: "erasure", field: "legalBasisIds", problem: "missing" },
      { right: "erasure", field: "reasons", problem: "missing" },
    ]);
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("refuses to grant access without an answer file (the letter promises a copy), and changes nothing", async () => {
    const c = await createCase(RECEIVED);
    const before = await stateOf(c.id);
    const e = await expectDomainError(
      decideCase(kari, { reference: c.reference, perRight: [{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }], expectedVersion: c.version }),
      "decision_required_fields",
    );
    expect(e.details?.issues).toEqual([{ right: "access", field: "answerFile", problem: "missing" }]);
    expect(await stateOf(c.id)).toEqual(before);
    expect(await db().caseDecision.count({ where: { caseId: c.id } })).toBe(0);
    // The review step of the form asks the same state machine, with the same answer.
    expect(await checkDecision(kari, { reference: c.reference, perRight: [{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }] })).toEqual([
      { right: "access", field: "answerFile", problem: "missing" },
    ]);
    // With the copy on the case it goes through.
    await attachAnswerFile(kari, c.reference);
    expect(await checkDecision(kari, { reference: c.reference, perRight: [{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }] })).toEqual([]);
    const result = await decideCase(kari, { reference: c.reference, perRight: [{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }], expectedVersion: c.version });
    expect(result.outcome).toBe("completed");
  });

  it("closes an access case as \"no data held\" without a file; the database refuses that outcome for other rights", async () => {
    const c = await createCase(RECEIVED);
    const result = await decideCase(kari, { reference: c.reference, perRight: [{ right: "access", outcome: "no_data", legalBasisIds: [], reasons: "" }], expectedVersion: c.version });
    expect(result.outcome).toBe("completed");
    const row = await db().caseDecision.findFirstOrThrow({ where: { caseId: c.id } });
    expect([row.outcome, row.legalBasisIds]).toEqual(["no_data", []]);
    const other = await createCase(RECEIVED, ["rectification"]);
    await expect(
      db().caseDecision.create({
        data: { caseId: other.id, right: "rectification", outcome: "no_data", legalBasisIds: [], reasons: "", decidedAt: new Date(), decidedById: kari.userId },
      }),
    ).rejects.toThrow();
  });

  it("closes the case with one decision row per right and the audit event", async () => {
    const c = await createCase(RECEIVED, ["access", "erasure"]);
    await attachAnswerFile(kari, c.reference);
    const now = new Date("2026-03-25T10:00:00Z");
    const result = await decideCase(kari, {
      reference: c.reference,
      perRight: [
        { right: "access", outcome: "granted", legalBasisIds: [], reasons: "" },
        { right: "erasure", outcome: "refused", legalBasisIds: ["gdpr-17-3-b"], reasons: "Arkivplikt." },
      ],
      expectedVersion: c.version,
      now,
    });
    expect(result.outcome).toBe("partially_completed");
    const s = await stateOf(c.id);
    expect(s.status).toBe("partially_completed");
    expect(s.closedAt?.toISOString()).toBe(now.toISOString());
    const decisions = await db().caseDecision.findMany({ where: { caseId: c.id }, orderBy: { right: "asc" } });
    expect(decisions.map((d) => [d.right, d.outcome, d.legalBasisIds, d.reasons, d.decidedById])).toEqual([
      ["access", "granted", [], "", kari.userId],
      ["erasure", "refused", ["gdpr-17-3-b"], "Arkivplikt.", kari.userId],
    ]);
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "case.decided" } });
    expect(event.actorId).toBe(kari.userId);
    // The reasons belong to the decision, not to the audit event.
    expect(JSON.stringify(event.after)).not.toContain("Arkivplikt");
    // A closed case takes no more decisions.
    await expectDomainError(
      decideCase(kari, {
        reference: c.reference,
        perRight: [
          { right: "access", outcome: "granted", legalBasisIds: [], reasons: "" },
          { right: "erasure", outcome: "granted", legalBasisIds: [], reasons: "" },
        ],
        expectedVersion: result.version,
      }),
      "case_closed",
    );
  });

  it("rolls the status change and the audit event back when a decision row cannot be written", async () => {
    const c = await createCase(RECEIVED);
    const before = await stateOf(c.id);
    await expect(
      withFailingInsert("case_decision", c.id, () =>
        decideCase(kari, {
          reference: c.reference,
          perRight: [{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }],
          expectedVersion: c.version,
        }),
      ),
    ).rejects.toThrow();
    expect(await stateOf(c.id)).toEqual(before);
  });
});

describe("optimistic locking", () => {
  it("refuses a stale version, changes nothing, and names who changed the case", async () => {
    const c = await createCase(RECEIVED);
    // Kari and Lene both opened the case at version 1; Kari saves first.
    await addInternalNote(kari, { reference: c.reference, body: "Ringte innbyggeren.", expectedVersion: c.version });
    const before = await stateOf(c.id);
    await expectDomainError(
      extendDeadline(lene, { reference: c.reference, reason: "Mange systemer å gå gjennom.", ground: "both", expectedVersion: c.version, now: new Date("2026-03-20T10:00:00Z") }),
      "conflict_stale_version",
    );
    await expectDomainError(markComplex(lene, { reference: c.reference, complex: true, expectedVersion: c.version }), "conflict_stale_version");
    await expectDomainError(
      addInternalNote(lene, { reference: c.reference, body: "Mitt notat", expectedVersion: c.version }),
      "conflict_stale_version",
    );
    expect(await stateOf(c.id)).toEqual(before);
    expect(await lastChangedBy(lene, c.reference)).toEqual({ kind: "staff", name: "Kari Saksbehandler" });
  });
});

describe("internal notes", () => {
  it("are written with their audit event, by the DPO too, and never shown to the citizen", async () => {
    const identity = await buildIdentity();
    const c = await buildCase({ receivedAt: RECEIVED, identity });
    const note = await addInternalNote(dpo, { reference: c.reference, body: "Hemmelig vurdering", expectedVersion: c.version });
    const event = await db().caseEvent.findFirstOrThrow({ where: { caseId: c.id, type: "note.added" } });
    expect(event.after).toEqual({ messageId: note.messageId });
    expect(event.actorId).toBe(dpo.userId);
    const view = await staffGetCaseWork(kari, c.reference);
    const entry = view!.timeline.find((t) => t.type === "note.added");
    expect(entry?.message).toEqual({ kind: "internal_note", body: "Hemmelig vurdering", letter: false });
    expect(entry?.actorName).toBe("Per Personvernombud");
    const citizen = await citizenGetCase({ identityId: identity.identityId, level: "email_code" }, c.reference);
    expect(JSON.stringify(citizen)).not.toContain("Hemmelig");
  });

  it("roll back when the audit event cannot be written", async () => {
    const c = await createCase(RECEIVED);
    const before = await stateOf(c.id);
    await expect(
      withFailingInsert("case_event", c.id, () => addInternalNote(kari, { reference: c.reference, body: "Notat", expectedVersion: c.version })),
    ).rejects.toThrow();
    expect(await stateOf(c.id)).toEqual(before);
  });
});

describe("tasks per system", () => {
  it("suggests work per system and right, with Art. 19 recipient tasks", () => {
    expect(suggestTasks(["erasure"], ["A", "B"], [{ kind: "erase", system: "A" }])).toEqual([
      { kind: "erase", system: "B" },
      { kind: "notify_recipient", system: "A" },
      { kind: "notify_recipient", system: "B" },
    ]);
    expect(suggestTasks(["access"], ["A"], [])).toEqual([{ kind: "search", system: "A" }]);
  });

  it("creates a task for a colleague of the unit and ticks it off, each with its audit event", async () => {
    const c = await createCase(RECEIVED, ["rectification"]);
    const created = await createTask(kari, {
      reference: c.reference,
      kind: "notify_recipient",
      system: "Barnehagesystem",
      recipient: "NAV",
      assigneeId: lene.userId,
      expectedVersion: c.version,
    });
    await completeTask(lene, { reference: c.reference, taskId: created.taskId, note: "Varslet på telefon.", expectedVersion: created.version });
    const task = await db().caseTask.findUniqueOrThrow({ where: { id: created.taskId } });
    expect([task.kind, task.system, task.recipient, task.assigneeId, task.doneById, task.note]).toEqual([
      "notify_recipient",
      "Barnehagesystem",
      "NAV",
      lene.userId,
      lene.userId,
      "Varslet på telefon.",
    ]);
    const types = (await db().caseEvent.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } })).map((e) => [e.type, e.actorId]);
    expect(types).toEqual([
      ["case.received", c.requesterId],
      ["task.created", kari.userId],
      ["task.done", lene.userId],
    ]);
  });

  it("refuses a recipient task without a recipient, an assignee without access, and the DPO", async () => {
    const c = await createCase(RECEIVED, ["erasure"]);
    const before = await stateOf(c.id);
    const e1 = await expectDomainError(
      createTask(kari, { reference: c.reference, kind: "notify_recipient", system: "X", expectedVersion: c.version }),
      "validation_failed",
    );
    expect(e1.details?.field).toBe("recipient");
    const e2 = await expectDomainError(
      createTask(kari, { reference: c.reference, kind: "erase", system: "X", assigneeId: ola.userId, expectedVersion: c.version }),
      "validation_failed",
    );
    expect(e2.details?.field).toBe("assigneeId");
    await expectDomainError(createTask(dpo, { reference: c.reference, kind: "erase", system: "X", expectedVersion: c.version }), "forbidden");
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("rolls the task back when its audit event cannot be written", async () => {
    const c = await createCase(RECEIVED);
    const before = await stateOf(c.id);
    await expect(
      withFailingInsert("case_event", c.id, () => createTask(kari, { reference: c.reference, kind: "search", system: "X", expectedVersion: c.version })),
    ).rejects.toThrow();
    expect(await stateOf(c.id)).toEqual(before);
  });
});

describe("restriction and complex", () => {
  it("restricts with a note; lifting needs the requester to have been told (18(3))", async () => {
    const c = await createCase(RECEIVED, ["rectification"]);
    const r = await restrictProcessing(kari, { reference: c.reference, note: "Riktigheten er omstridt.", expectedVersion: c.version });
    let s = await stateOf(c.id);
    expect(s.restrictedAt).not.toBeNull();
    const e = await expectDomainError(
      liftRestriction(kari, { reference: c.reference, requesterTold: false, expectedVersion: r.version }),
      "validation_failed",
    );
    expect(e.details?.field).toBe("requesterTold");
    expect((await stateOf(c.id)).restrictedAt).not.toBeNull();
    await liftRestriction(kari, { reference: c.reference, requesterTold: true, expectedVersion: r.version });
    s = await stateOf(c.id);
    expect(s.restrictedAt).toBeNull();
    const types = (await db().caseEvent.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } })).map((ev) => ev.type);
    expect(types).toEqual(["case.received", "case.restricted", "case.restriction_lifted"]);
  });

  it("rolls the restriction back when its audit event cannot be written", async () => {
    const c = await createCase(RECEIVED);
    const before = await stateOf(c.id);
    await expect(
      withFailingInsert("case_event", c.id, () => restrictProcessing(kari, { reference: c.reference, note: "Notat", expectedVersion: c.version })),
    ).rejects.toThrow();
    expect(await stateOf(c.id)).toEqual(before);
  });

  it("marks a case complex and back, with audit events", async () => {
    const c = await createCase(RECEIVED);
    const first = await markComplex(lene, { reference: c.reference, complex: true, expectedVersion: c.version });
    expect((await stateOf(c.id)).complex).toBe(true);
    await markComplex(lene, { reference: c.reference, complex: false, expectedVersion: first.version });
    expect((await stateOf(c.id)).complex).toBe(false);
    const types = (await db().caseEvent.findMany({ where: { caseId: c.id }, orderBy: { id: "asc" } })).map((ev) => ev.type);
    expect(types).toEqual(["case.received", "case.complex_set", "case.complex_cleared"]);
    await expectDomainError(markComplex(dpo, { reference: c.reference, complex: true, expectedVersion: c.version + 2 }), "forbidden");
  });
});
