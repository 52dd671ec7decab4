// The policy as the real services enforce it against the real database: every role x every action
// that has a service x where the case lies, seen from the actor: in their own unit, in another unit,
// with no unit yet ("vet ikke"), or in another unit but assigned to them. Each cell runs its service
// on a fresh case and the outcome is compared with what STAFF_PERMISSIONS (lib/domain/policy.ts)
// says, read here with this file's own reading of the scopes. So a policy change that the service
// does not enforce (or a service that checks another action than the table's) fails here.
//
// Outcomes: "allowed" (the service did it), "not_found" (the case does not exist for the actor: a
// 404; always the answer when the actor may not even see the case), "forbidden" (visible, but not
// this). A few services answer not_found for "visible but not this" on purpose (legal hold), which
// their row says. Every allowed cell must also have really written what it should.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { staffGetCase, staffGetCaseWork } from "@/lib/cases/staff-case-view";
import { listQueue } from "@/lib/cases/list-queue";
import { claimCase } from "@/lib/cases/claim-case";
import { assignCase } from "@/lib/cases/assign-case";
import { staffSendMessage } from "@/lib/cases/staff-send-message";
import { askRequester } from "@/lib/cases/ask-requester";
import { extendDeadline } from "@/lib/cases/extend-deadline";
import { decideCase } from "@/lib/cases/decide-case";
import { addInternalNote } from "@/lib/cases/add-internal-note";
import { setLegalHold } from "@/lib/cases/set-legal-hold";
import { reopenCase } from "@/lib/cases/reopen-case";
import { createTask } from "@/lib/cases/case-tasks";
import { restrictProcessing } from "@/lib/cases/restrict-processing";
import { markComplex } from "@/lib/cases/mark-complex";
import { setSpecialCategory } from "@/lib/cases/set-special-category";
import { changeCaseUnit } from "@/lib/cases/change-unit";
import { sendResponseLetter } from "@/lib/cases/send-response-letter";
import { listProcessingActivities } from "@/lib/admin/processing-activities";
import { prepareAnswer } from "./builders";
import { markLettersPrinted } from "@/lib/cases/print-queue";
import { registerRequest } from "@/lib/cases/register-request";
import { getResponseLetterPage } from "@/lib/letters/response-draft";
import { dashboardNow } from "@/lib/dashboard/dashboard-now";
import { listComplaints } from "@/lib/complaints/list-complaints";
import { listStaffUsers } from "@/lib/admin/list-staff-users";
import { listUnits } from "@/lib/admin/list-units";
import { listLetterTemplates } from "@/lib/admin/letter-templates";
import { listAdminEvents } from "@/lib/admin/admin-audit";
import { osloDateOf } from "@/lib/domain/calendar";
import { isDomainError } from "@/lib/domain/errors";
import { can, isCaseAction, ROLES, STAFF_PERMISSIONS, type Action, type Actor, type Role } from "@/lib/domain/policy";
import { validRequest } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;
type Outcome = "allowed" | "not_found" | "forbidden";
const WHERE = ["own", "other", "none", "assigned"] as const;
type Where = (typeof WHERE)[number];
type Scope = (typeof STAFF_PERMISSIONS)[Action][Role];

/**
 * This file's reading of a scope for a case at `where` (independent of `can()`'s code):
 * "unit" = the actor's units and cases assigned to them; "triage" = that plus cases with no unit;
 * "all" = everything; "no"/"yes" reach no case ("yes" is for actions without a case).
 */
const REACH: Record<Scope, readonly Where[]> = {
  no: [],
  yes: [],
  unit: ["own", "assigned"],
  triage: ["own", "assigned", "none"],
  all: WHERE,
};
const reaches = (action: Action, role: Role, where: Where) => REACH[STAFF_PERMISSIONS[action][role]].includes(where);

type Fixture = { id: string; reference: string; version: number; where: Where; unitId: string | null; requesterId: string };

type CaseRow = {
  /** The policy action the service must enforce. */
  action: Action;
  /** The service's answer for a visible case the actor may not act on. */
  refusal: "forbidden" | "not_found";
  /** Extra state the service needs before it runs (e.g. a decision before the letter). */
  prepare?: (fx: Fixture) => Promise<Fixture>;
  run: (actor: Staff, fx: Fixture) => Promise<unknown>;
  /** After an allowed cell: did the change really happen? */
  wrote: (fx: Fixture, actor: Staff) => Promise<boolean>;
};

const suffix = randomUUID().slice(0, 8);
const units = {} as Record<"own" | "other" | "target", { id: string; slug: string }>;
const actors = {} as Record<Role, Staff>;
/** Whom an "assign" cell assigns the case to: someone who may take it at that place. */
const colleagues = {} as Record<Where, string>;
/** Recorded as the decider of the letter rows' cases. */
let decider: Staff;
/** The response-letter draft per case (letter rows). */
const drafts = new Map<string, string>();

async function makeUser(role: Role, unitIds: string[]): Promise<Staff> {
  const user = await db().user.create({
    data: {
      email: `matrix-${role}-${randomUUID()}@example.test`,
      name: `Matrise ${role}`,
      roles: [role],
      municipalityId: "bergen",
      units: { create: unitIds.map((unitId) => ({ unitId })) },
    },
    select: { id: true },
  });
  return { kind: "staff", userId: user.id, roles: [role], unitIds };
}

beforeAll(async () => {
  for (const key of ["own", "other", "target"] as const) {
    const slug = `matrix-${key}-${suffix}`;
    const unit = await db().unit.create({
      data: { municipalityId: "bergen", slug, name: `Matrise ${key}`, systems: ["Sak- og arkivsystem"] },
      select: { id: true },
    });
    units[key] = { id: unit.id, slug };
  }
  // Roles with units get the "own" unit; the DPO and the admin have none (as in the seed).
  actors.caseworker = await makeUser("caseworker", [units.own.id]);
  actors.unit_lead = await makeUser("unit_lead", [units.own.id]);
  actors.dpo = await makeUser("dpo", []);
  actors.admin = await makeUser("admin", []);
  colleagues.own = (await makeUser("caseworker", [units.own.id])).userId;
  colleagues.other = (await makeUser("caseworker", [units.other.id])).userId;
  colleagues.assigned = colleagues.other;
  colleagues.none = (await makeUser("unit_lead", [units.other.id])).userId;
  decider = await makeUser("caseworker", [units.own.id]);
});

afterAll(async () => {
  await disconnectDb();
});

/** A fresh case at `where` as seen by `actor` ("assigned": another unit, assigned to the actor). */
async function fixture(actor: Staff, where: Where): Promise<Fixture> {
  const unit = where === "own" ? units.own.slug : where === "none" ? "" : units.other.slug;
  const { reference } = await submitRequest(validRequest({ unit, name: `Matrise ${randomUUID()}` }), { locale: "nb" });
  if (where === "assigned") await db().case.update({ where: { reference }, data: { assigneeId: actor.userId } });
  const c = await db().case.findUniqueOrThrow({ where: { reference }, select: { id: true, version: true, unitId: true, requesterId: true } });
  return { ...c, reference, where };
}

const count = {
  events: (caseId: string, type: string) => db().caseEvent.count({ where: { caseId, type } }),
};
const caseNow = (id: string) => db().case.findUniqueOrThrow({ where: { id } });
// "No data held" closes an access case without an answer file: the matrix is about who may decide.
const GRANT_ACCESS = [{ right: "access" as const, outcome: "no_data" as const, legalBasisIds: [], reasons: "" }];

/** Every case action with a service, and how to run it. */
const CASE_ROWS: Record<string, CaseRow> = {
  "view (case page)": {
    action: "case.view",
    refusal: "not_found",
    run: (a, fx) => staffGetCase(a, fx.reference),
    wrote: async () => true,
  },
  "view (work view)": {
    action: "case.view",
    refusal: "not_found",
    run: (a, fx) => staffGetCaseWork(a, fx.reference),
    wrote: async () => true,
  },
  "view_audit (timeline)": {
    action: "case.view_audit",
    refusal: "not_found",
    run: async (a, fx) => {
      const view = await staffGetCaseWork(a, fx.reference);
      return view && view.timeline.some((e) => e.type === "case.received") ? view.timeline : null;
    },
    wrote: async () => true,
  },
  "list (queue row)": {
    // The queue is a collection action; its rows are the cases the actor may view.
    action: "case.view",
    refusal: "not_found",
    run: async (a, fx) => {
      const page = await listQueue(a, { filters: { q: fx.reference } });
      return page.rows.some((r) => r.reference === fx.reference) ? page : null;
    },
    wrote: async () => true,
  },
  claim: {
    action: "case.claim",
    refusal: "forbidden",
    run: (a, fx) => claimCase(a, { caseId: fx.id, expectedVersion: fx.version }),
    wrote: async (fx, a) => (await caseNow(fx.id)).assigneeId === a.userId,
  },
  assign: {
    action: "case.assign",
    refusal: "forbidden",
    run: (a, fx) => assignCase(a, { caseId: fx.id, assigneeId: colleagues[fx.where], expectedVersion: fx.version }),
    wrote: async (fx) => (await caseNow(fx.id)).assigneeId === colleagues[fx.where],
  },
  ask_requester: {
    action: "case.ask_requester",
    refusal: "forbidden",
    run: (a, fx) => askRequester(a, { reference: fx.reference, kind: "clarification", body: "Hva gjelder saken?", expectedVersion: fx.version }),
    wrote: async (fx) => (await caseNow(fx.id)).status === "awaiting_requester",
  },
  extend: {
    action: "case.extend",
    refusal: "forbidden",
    run: (a, fx) =>
      extendDeadline(a, { reference: fx.reference, reason: "Saken gjelder mange systemer og mye materiale.", ground: "complexity", expectedVersion: fx.version }),
    wrote: async (fx) => (await caseNow(fx.id)).extended,
  },
  decide: {
    action: "case.decide",
    refusal: "forbidden",
    run: (a, fx) => decideCase(a, { reference: fx.reference, perRight: GRANT_ACCESS, expectedVersion: fx.version }),
    wrote: async (fx) => (await caseNow(fx.id)).status === "completed",
  },
  "decide (send the response letter)": {
    action: "case.decide",
    refusal: "forbidden",
    prepare: async (fx) => {
      // Decided already (straight in the database: who decided is not what this row is about).
      const updated = await db().case.update({
        where: { id: fx.id },
        data: {
          status: "completed",
          closedAt: new Date(),
          version: { increment: 1 },
          decisions: { create: { right: "access", outcome: "granted", legalBasisIds: [], reasons: "", decidedAt: new Date(), decidedById: decider.userId } },
        },
        select: { version: true },
      });
      // The copy and a search that found data in a system with its register entry (Art. 15).
      await prepareAnswer(fx.id, { copy: true, register: true });
      // The generated draft, read by someone who sees every case.
      drafts.set(fx.id, (await getResponseLetterPage(actors.dpo, fx.reference))?.draft ?? "");
      return { ...fx, version: updated.version };
    },
    run: (a, fx) => sendResponseLetter(a, { reference: fx.reference, body: drafts.get(fx.id) ?? "", delivery: "portal", expectedVersion: fx.version }),
    wrote: async (fx) => (await db().letter.count({ where: { caseId: fx.id, kind: "response" } })) === 1,
  },
  note: {
    action: "case.note",
    refusal: "forbidden",
    run: (a, fx) => addInternalNote(a, { reference: fx.reference, body: "Internt notat i matrisen.", expectedVersion: fx.version }),
    wrote: async (fx) => (await db().message.count({ where: { caseId: fx.id, kind: "internal_note" } })) === 1,
  },
  message: {
    action: "case.message",
    refusal: "forbidden",
    run: (a, fx) => staffSendMessage(a, { reference: fx.reference, body: "Melding i matrisetesten." }),
    wrote: async (fx) => (await db().message.count({ where: { caseId: fx.id, kind: "to_requester" } })) === 1,
  },
  "message (mark a post letter printed)": {
    action: "case.message",
    refusal: "forbidden",
    prepare: async (fx) => {
      await db().letter.create({ data: { caseId: fx.id, kind: "message", locale: "nb", delivery: "post", status: "queued", pdf: Buffer.from("%PDF-1.7\n") } });
      return fx;
    },
    run: async (a, fx) => {
      const letter = await db().letter.findFirstOrThrow({ where: { caseId: fx.id, delivery: "post" }, select: { id: true } });
      // A letter of a case the actor may not see is skipped as if it did not exist.
      const { marked } = await markLettersPrinted(a, [letter.id]);
      return marked === 1 ? marked : null;
    },
    wrote: async (fx) => (await count.events(fx.id, "letter.printed")) === 1,
  },
  reopen: {
    action: "case.reopen",
    refusal: "forbidden",
    prepare: async (fx) => {
      // Closed already (straight in the database: who decided is not what this row is about).
      const updated = await db().case.update({
        where: { id: fx.id },
        data: { status: "completed", closedAt: new Date(), version: { increment: 1 } },
        select: { version: true },
      });
      return { ...fx, version: updated.version };
    },
    run: (a, fx) => reopenCase(a, { reference: fx.reference, ground: "complaint", reason: "Klage i matrisetesten: svaret var ufullstendig.", expectedVersion: fx.version }),
    wrote: async (fx) => (await caseNow(fx.id)).status === "in_progress" && (await count.events(fx.id, "case.reopened")) === 1,
  },
  legal_hold: {
    action: "case.legal_hold",
    refusal: "not_found",
    run: (a, fx) => setLegalHold(a, { reference: fx.reference, reason: "Klage til Datatilsynet er varslet.", expectedVersion: fx.version }),
    wrote: async (fx) => (await caseNow(fx.id)).legalHold,
  },
  task: {
    action: "case.task",
    refusal: "forbidden",
    run: (a, fx) => createTask(a, { reference: fx.reference, kind: "search", system: "Sak- og arkivsystem", expectedVersion: fx.version }),
    wrote: async (fx) => (await db().caseTask.count({ where: { caseId: fx.id } })) === 1,
  },
  restrict: {
    action: "case.restrict",
    refusal: "forbidden",
    run: (a, fx) => restrictProcessing(a, { reference: fx.reference, note: "Riktigheten er bestridt.", expectedVersion: fx.version }),
    wrote: async (fx) => (await caseNow(fx.id)).restrictedAt !== null,
  },
  complex: {
    action: "case.complex",
    refusal: "forbidden",
    run: (a, fx) => markComplex(a, { reference: fx.reference, complex: true, expectedVersion: fx.version }),
    wrote: async (fx) => (await caseNow(fx.id)).complex,
  },
  special_category: {
    action: "case.special_category",
    refusal: "forbidden",
    run: (a, fx) => setSpecialCategory(a, { reference: fx.reference, specialCategory: true, expectedVersion: fx.version }),
    wrote: async (fx) => (await caseNow(fx.id)).specialCategory,
  },
  change_unit: {
    action: "case.change_unit",
    refusal: "forbidden",
    run: (a, fx) => changeCaseUnit(a, { reference: fx.reference, unitId: units.target.id, expectedVersion: fx.version }),
    wrote: async (fx) => (await caseNow(fx.id)).unitId === units.target.id && (await count.events(fx.id, "case.unit_changed")) === 1,
  },
};

/** Actions without a case: the role alone decides. */
type CollectionRow = { action: Action; refusal: "forbidden" | "not_found"; run: (actor: Staff) => Promise<unknown> };
const COLLECTION_ROWS: Record<string, CollectionRow> = {
  "list (queue)": { action: "case.list", refusal: "not_found", run: (a) => listQueue(a, { limit: 1 }) },
  register: {
    action: "case.register",
    refusal: "forbidden",
    run: (a) => {
      const now = new Date();
      return registerRequest(
        a,
        {
          channel: "phone",
          receivedDate: osloDateOf(now),
          receivedTime: "00:00",
          rights: ["access"],
          name: "Matrise Telefon",
          email: `matrix-${randomUUID()}@example.test`,
          answerChannel: "digital",
          unit: units.own.slug,
          description: "Ringte inn.",
        },
        { now },
      );
    },
  },
  "dashboard.view": { action: "dashboard.view", refusal: "not_found", run: (a) => dashboardNow(a) },
  "complaint.handle": { action: "complaint.handle", refusal: "not_found", run: (a) => listComplaints(a) },
  "admin.manage_users": { action: "admin.manage_users", refusal: "not_found", run: (a) => listStaffUsers(a) },
  "admin.manage_units": { action: "admin.manage_units", refusal: "not_found", run: (a) => listUnits(a) },
  "admin.manage_templates": { action: "admin.manage_templates", refusal: "not_found", run: (a) => listLetterTemplates(a) },
  "admin.view_audit": { action: "admin.view_audit", refusal: "not_found", run: (a) => listAdminEvents(a) },
  "admin.manage_records": { action: "admin.manage_records", refusal: "not_found", run: (a) => listProcessingActivities(a) },
};

type Result = { outcome: Outcome; failure?: string };

async function outcomeOf(run: () => Promise<unknown>): Promise<Result> {
  try {
    const result = await run();
    return { outcome: result === null ? "not_found" : "allowed" };
  } catch (error) {
    if (isDomainError(error, "not_found")) return { outcome: "not_found" };
    if (isDomainError(error, "forbidden")) return { outcome: "forbidden" };
    // A domain rule (not authorisation) refused it: the policy let it through.
    if (isDomainError(error)) return { outcome: "allowed", failure: error.code };
    throw error;
  }
}

function expectedCase(row: CaseRow, role: Role, where: Where): Outcome {
  if (reaches(row.action, role, where)) return "allowed";
  return reaches("case.view", role, where) ? row.refusal : "not_found";
}

describe("policy matrix, enforced by the services on the real database", () => {
  it("covers every staff action of the policy table (citizen-only actions excepted)", () => {
    const covered = new Set<Action>([...Object.values(CASE_ROWS), ...Object.values(COLLECTION_ROWS)].map((r) => r.action));
    const staffActions = (Object.keys(STAFF_PERMISSIONS) as Action[]).filter((a) => ROLES.some((r) => STAFF_PERMISSIONS[a][r] !== "no"));
    expect(staffActions.filter((a) => !covered.has(a))).toEqual([]);
    // Citizen-only actions: no staff role has them, and no staff service offers them.
    expect((Object.keys(STAFF_PERMISSIONS) as Action[]).filter((a) => !staffActions.includes(a)).sort()).toEqual(["case.complain", "case.withdraw"]);
  });

  it("every role x case action x own unit / other unit / no unit / assigned gives what STAFF_PERMISSIONS says", async () => {
    const actual: Record<string, Outcome> = {};
    const expected: Record<string, Outcome> = {};
    const failures: Record<string, string> = {};
    const notWritten: string[] = [];
    for (const [name, row] of Object.entries(CASE_ROWS)) {
      expect(isCaseAction(row.action), name).toBe(true);
      for (const role of ROLES) {
        // The four places of one role run side by side (each on its own case).
        await Promise.all(
          WHERE.map(async (where) => {
            const cell = `${name} | ${role} | ${where}`;
            const actor = actors[role];
            let fx = await fixture(actor, where);
            if (row.prepare) fx = await row.prepare(fx);
            const versionBefore = (await caseNow(fx.id)).version;
            const result = await outcomeOf(() => row.run(actor, fx));
            actual[cell] = result.outcome;
            expected[cell] = expectedCase(row, role, where);
            if (result.failure) failures[cell] = result.failure;
            if (result.outcome === "allowed" && !result.failure && !(await row.wrote(fx, actor))) notWritten.push(cell);
            // A refused cell wrote nothing.
            if (result.outcome !== "allowed" && (await caseNow(fx.id)).version !== versionBefore) notWritten.push(`${cell} (refused, but changed)`);
          }),
        );
      }
    }
    expect(actual).toEqual(expected);
    // Allowed means done: no allowed cell tripped over a domain rule, and each wrote its change.
    expect(failures).toEqual({});
    expect(notWritten).toEqual([]);
  }, 600_000);

  it("every role x action without a case gives what STAFF_PERMISSIONS says", async () => {
    const actual: Record<string, Outcome> = {};
    const expected: Record<string, Outcome> = {};
    for (const [name, row] of Object.entries(COLLECTION_ROWS)) {
      expect(isCaseAction(row.action), name).toBe(false);
      for (const role of ROLES) {
        const result = await outcomeOf(() => row.run(actors[role]));
        actual[`${name} | ${role}`] = result.failure ? "forbidden" : result.outcome;
        expected[`${name} | ${role}`] = STAFF_PERMISSIONS[row.action][role] === "yes" ? "allowed" : row.refusal;
      }
    }
    expect(actual).toEqual(expected);
  });

  it("this file's reading of the scopes agrees with can() (a cross-check, not a substitute)", () => {
    const refAt = (where: Where, actor: Staff) => ({
      unitId: where === "own" ? units.own.id : where === "none" ? null : units.other.id,
      requesterId: "r",
      assigneeId: where === "assigned" ? actor.userId : null,
    });
    for (const action of Object.keys(STAFF_PERMISSIONS) as Action[]) {
      if (!isCaseAction(action)) continue;
      for (const role of ROLES) {
        for (const where of WHERE) {
          expect(can(actors[role], action, refAt(where, actors[role])), `${action} ${role} ${where}`).toBe(reaches(action, role, where));
        }
      }
    }
  });

  it("spot checks written by hand (not derived from the table)", async () => {
    // prettier-ignore
    const HAND: [string, Role, Where, Outcome][] = [
      ["view (case page)", "caseworker", "other", "not_found"],
      ["view (case page)", "caseworker", "assigned", "allowed"],
      ["view (case page)", "caseworker", "none", "not_found"],
      ["view (case page)", "unit_lead", "none", "allowed"],
      ["view (case page)", "admin", "own", "not_found"],
      ["claim", "dpo", "own", "forbidden"],
      ["assign", "caseworker", "own", "forbidden"],
      ["message", "dpo", "other", "forbidden"],
      ["message (mark a post letter printed)", "dpo", "own", "forbidden"],
      ["legal_hold", "caseworker", "own", "not_found"],
      ["legal_hold", "dpo", "other", "allowed"],
      ["reopen", "caseworker", "own", "forbidden"],
      ["reopen", "unit_lead", "other", "not_found"],
      ["reopen", "dpo", "other", "allowed"],
      ["change_unit", "caseworker", "own", "forbidden"],
      ["change_unit", "unit_lead", "none", "allowed"],
      ["change_unit", "unit_lead", "other", "not_found"],
    ];
    for (const [name, role, where, outcome] of HAND) {
      const row = CASE_ROWS[name]!;
      let fx = await fixture(actors[role], where);
      if (row.prepare) fx = await row.prepare(fx);
      expect((await outcomeOf(() => row.run(actors[role], fx))).outcome, `${name} ${role} ${where}`).toBe(outcome);
    }
  });
});
