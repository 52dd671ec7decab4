// The policy as the real services enforce it against the real database: every role x every action
// we can run through a service x a case in the actor's own unit / in another unit. Each cell runs on
// a fresh case and is compared with the table below, written out by hand (not derived from policy.ts).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { staffGetCase } from "@/lib/cases/staff-get-case";
import { listQueue } from "@/lib/cases/list-queue";
import { claimCase } from "@/lib/cases/claim-case";
import { assignCase } from "@/lib/cases/assign-case";
import { staffSendMessage } from "@/lib/cases/staff-send-message";
import { isDomainError } from "@/lib/domain/errors";
import { can, type Actor, type Role } from "@/lib/domain/policy";
import { validRequest } from "./helpers";

type Outcome = "allowed" | "not_found" | "forbidden";
type MatrixAction = "view" | "list" | "claim" | "assign" | "message";
type Where = "own" | "other";

// prettier-ignore
const EXPECTED: Record<Role, Record<MatrixAction, Record<Where, Outcome>>> = {
  caseworker: {
    view:    { own: "allowed",   other: "not_found" },
    list:    { own: "allowed",   other: "not_found" },
    claim:   { own: "allowed",   other: "not_found" },
    assign:  { own: "forbidden", other: "not_found" },
    message: { own: "allowed",   other: "not_found" },
  },
  unit_lead: {
    view:    { own: "allowed",   other: "not_found" },
    list:    { own: "allowed",   other: "not_found" },
    claim:   { own: "allowed",   other: "not_found" },
    assign:  { own: "allowed",   other: "not_found" },
    message: { own: "allowed",   other: "not_found" },
  },
  dpo: {
    view:    { own: "allowed",   other: "allowed" },
    list:    { own: "allowed",   other: "allowed" },
    claim:   { own: "forbidden", other: "forbidden" },
    assign:  { own: "forbidden", other: "forbidden" },
    message: { own: "forbidden", other: "forbidden" },
  },
  admin: {
    view:    { own: "not_found", other: "not_found" },
    list:    { own: "not_found", other: "not_found" },
    claim:   { own: "not_found", other: "not_found" },
    assign:  { own: "not_found", other: "not_found" },
    message: { own: "not_found", other: "not_found" },
  },
};

const ROLES_UNDER_TEST: Role[] = ["caseworker", "unit_lead", "dpo", "admin"];
const ACTIONS_UNDER_TEST: MatrixAction[] = ["view", "list", "claim", "assign", "message"];

const suffix = randomUUID().slice(0, 8);
const units: Record<Where, { id: string; slug: string }> = {} as never;
const actors = {} as Record<Role, Extract<Actor, { kind: "staff" }>>;
/** A caseworker of each unit: whom an "assign" cell assigns the case to. */
const colleagues = {} as Record<Where, string>;

async function makeUser(role: Role, unitIds: string[]) {
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
  return { kind: "staff" as const, userId: user.id, roles: [role], unitIds };
}

beforeAll(async () => {
  for (const where of ["own", "other"] as const) {
    const slug = `matrix-${where}-${suffix}`;
    const unit = await db().unit.create({ data: { municipalityId: "bergen", slug, name: `Matrise ${where}` }, select: { id: true } });
    units[where] = { id: unit.id, slug };
    colleagues[where] = (await makeUser("caseworker", [unit.id])).userId;
  }
  // Roles with units get the "own" unit; the DPO and the admin have none (as in the seed).
  actors.caseworker = await makeUser("caseworker", [units.own.id]);
  actors.unit_lead = await makeUser("unit_lead", [units.own.id]);
  actors.dpo = await makeUser("dpo", []);
  actors.admin = await makeUser("admin", []);
});

afterAll(async () => {
  await disconnectDb();
});

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run();
    return result === null ? "not_found" : "allowed";
  } catch (error) {
    if (isDomainError(error, "not_found")) return "not_found";
    if (isDomainError(error, "forbidden")) return "forbidden";
    throw error;
  }
}

async function perform(role: Role, action: MatrixAction, where: Where): Promise<Outcome> {
  const actor = actors[role];
  const { reference } = await submitRequest(validRequest({ unit: units[where].slug, name: `Matrise ${randomUUID()}` }), { locale: "nb" });
  const { id: caseId } = await db().case.findUniqueOrThrow({ where: { reference }, select: { id: true } });
  switch (action) {
    case "view":
      return outcomeOf(() => staffGetCase(actor, reference));
    case "list":
      return outcomeOf(async () => {
        const page = await listQueue(actor, { filters: { q: reference } });
        return page.rows.some((r) => r.reference === reference) ? page : null;
      });
    case "claim":
      return outcomeOf(() => claimCase(actor, { caseId }));
    case "assign":
      return outcomeOf(() => assignCase(actor, { caseId, assigneeId: colleagues[where] }));
    case "message":
      return outcomeOf(() => staffSendMessage(actor, { reference, body: "Melding i matrisetesten." }));
  }
}

describe("policy matrix, enforced by the services on the real database", () => {
  it("every role x action x own/other unit gives the expected outcome", async () => {
    const actual = {} as Record<Role, Record<MatrixAction, Record<Where, Outcome>>>;
    for (const role of ROLES_UNDER_TEST) {
      actual[role] = {} as Record<MatrixAction, Record<Where, Outcome>>;
      for (const action of ACTIONS_UNDER_TEST) {
        actual[role][action] = { own: await perform(role, action, "own"), other: await perform(role, action, "other") };
      }
    }
    expect(actual).toEqual(EXPECTED);
  });

  it("an allowed write really happened (claim and assign change the assignee, message is stored)", async () => {
    const { reference } = await submitRequest(validRequest({ unit: units.own.slug }), { locale: "nb" });
    const c = await db().case.findUniqueOrThrow({ where: { reference }, select: { id: true } });
    await claimCase(actors.caseworker, { caseId: c.id });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).assigneeId).toBe(actors.caseworker.userId);
    await assignCase(actors.unit_lead, { caseId: c.id, assigneeId: colleagues.own });
    expect((await db().case.findUniqueOrThrow({ where: { id: c.id } })).assigneeId).toBe(colleagues.own);
    await staffSendMessage(actors.unit_lead, { reference, body: "Hei fra leder." });
    expect(await db().message.count({ where: { caseId: c.id, kind: "to_requester" } })).toBe(1);
  });

  it("a refused cell wrote nothing", async () => {
    const { reference } = await submitRequest(validRequest({ unit: units.other.slug }), { locale: "nb" });
    const c = await db().case.findUniqueOrThrow({ where: { reference }, select: { id: true, version: true } });
    await expect(claimCase(actors.caseworker, { caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(assignCase(actors.dpo, { caseId: c.id, assigneeId: colleagues.other })).rejects.toMatchObject({ code: "forbidden" });
    const after = await db().case.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.assigneeId).toBeNull();
    expect(after.version).toBe(c.version);
    expect(await db().caseEvent.count({ where: { caseId: c.id, type: "case.assigned" } })).toBe(0);
  });

  it("agrees with the pure policy table wherever a case is visible", () => {
    // Cross-check of the hand-written table against lib/domain/policy.ts (not a substitute for it).
    const ref = (where: Where) => ({ unitId: units[where].id, requesterId: "r", assigneeId: null });
    const policyAction = { view: "case.view", claim: "case.claim", assign: "case.assign", message: "case.message" } as const;
    for (const role of ROLES_UNDER_TEST) {
      for (const [action, name] of Object.entries(policyAction) as [keyof typeof policyAction, (typeof policyAction)[keyof typeof policyAction]][]) {
        for (const where of ["own", "other"] as const) {
          expect(can(actors[role], name, ref(where)), `${role} ${action} ${where}`).toBe(EXPECTED[role][action][where] === "allowed");
        }
      }
    }
  });
});
