// Claim, assign, reassign and bulk assign against the real database. Own users and units, so the
// seeded demo staff (used by other test files) are never touched.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { claimCase } from "@/lib/cases/claim-case";
import { assignCase, assignCases, listAssignees } from "@/lib/cases/assign-case";
import type { Actor, Role } from "@/lib/domain/policy";
import { validRequest } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;
const suffix = randomUUID().slice(0, 8);
let unitA: { id: string; slug: string };
let unitB: { id: string; slug: string };
let kari: Staff; // caseworker, unit A
let knut: Staff; // caseworker, unit A
let berit: Staff; // caseworker, unit B
let lene: Staff; // unit lead, unit A

async function makeUnit(name: string) {
  const slug = `assign-${name}-${suffix}`;
  const unit = await db().unit.create({ data: { municipalityId: "bergen", slug, name: `Tildeling ${name}` }, select: { id: true } });
  return { id: unit.id, slug };
}

async function makeUser(role: Role, unitIds: string[], active = true): Promise<Staff> {
  const user = await db().user.create({
    data: {
      email: `assign-${role}-${randomUUID()}@example.test`,
      name: `Tildeling ${role}`,
      roles: [role],
      active,
      municipalityId: "bergen",
      units: { create: unitIds.map((unitId) => ({ unitId })) },
    },
    select: { id: true },
  });
  return { kind: "staff", userId: user.id, roles: [role], unitIds };
}

async function newCase(unitSlug: string) {
  const { reference } = await submitRequest(validRequest({ unit: unitSlug }), { locale: "nb" });
  return db().case.findUniqueOrThrow({ where: { reference }, select: { id: true, reference: true, version: true } });
}

const state = (id: string) => db().case.findUniqueOrThrow({ where: { id }, select: { assigneeId: true, version: true } });
/** Bulk form rows: each case with the version the queue showed. */
const rows = (...cases: { id: string; version: number }[]) => cases.map((c) => ({ caseId: c.id, expectedVersion: c.version }));
const assignedEvents = (caseId: string) => db().caseEvent.findMany({ where: { caseId, type: "case.assigned" }, orderBy: { id: "asc" } });

beforeAll(async () => {
  unitA = await makeUnit("a");
  unitB = await makeUnit("b");
  kari = await makeUser("caseworker", [unitA.id]);
  knut = await makeUser("caseworker", [unitA.id]);
  berit = await makeUser("caseworker", [unitB.id]);
  lene = await makeUser("unit_lead", [unitA.id]);
});

afterAll(async () => {
  await disconnectDb();
});

describe("claim", () => {
  it("a caseworker takes an unassigned case of their unit: assignee, version bump and audit event", async () => {
    const c = await newCase(unitA.slug);
    const result = await claimCase(kari, { caseId: c.id });
    expect(result).toMatchObject({ reference: c.reference, assigneeId: kari.userId, version: c.version + 1, changed: true });
    expect(await state(c.id)).toEqual({ assigneeId: kari.userId, version: c.version + 1 });
    const [event, ...more] = await assignedEvents(c.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorType: "staff", actorId: kari.userId, before: { assigneeId: null }, after: { assigneeId: kari.userId } });
  });

  it("a case someone else took first cannot be claimed (nothing overwritten)", async () => {
    const c = await newCase(unitA.slug);
    await claimCase(kari, { caseId: c.id });
    await expect(claimCase(knut, { caseId: c.id })).rejects.toMatchObject({ code: "conflict_stale_version" });
    expect((await state(c.id)).assigneeId).toBe(kari.userId);
    expect(await assignedEvents(c.id)).toHaveLength(1);
  });

  it("two caseworkers claiming at the same moment: exactly one wins", async () => {
    const c = await newCase(unitA.slug);
    const results = await Promise.allSettled([claimCase(kari, { caseId: c.id }), claimCase(knut, { caseId: c.id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict_stale_version" });
    expect(await assignedEvents(c.id)).toHaveLength(1);
    expect((await state(c.id)).version).toBe(c.version + 1);
  });

  it("a case of another unit does not exist for the caseworker", async () => {
    const c = await newCase(unitB.slug);
    await expect(claimCase(kari, { caseId: c.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(claimCase(kari, { caseId: "not-a-uuid" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("a closed case cannot be claimed", async () => {
    const c = await newCase(unitA.slug);
    await db().case.update({ where: { id: c.id }, data: { status: "completed", closedAt: new Date() } });
    await expect(claimCase(kari, { caseId: c.id })).rejects.toMatchObject({ code: "case_closed" });
  });
});

describe("assign and reassign", () => {
  it("the unit lead assigns and then reassigns; each change is one audit event with before/after", async () => {
    const c = await newCase(unitA.slug);
    await assignCase(lene, { caseId: c.id, assigneeId: kari.userId, expectedVersion: c.version });
    await assignCase(lene, { caseId: c.id, assigneeId: knut.userId, expectedVersion: c.version + 1 });
    expect(await state(c.id)).toEqual({ assigneeId: knut.userId, version: c.version + 2 });
    const events = await assignedEvents(c.id);
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ assigneeId: null }, { assigneeId: kari.userId }],
      [{ assigneeId: kari.userId }, { assigneeId: knut.userId }],
    ]);
  });

  it("refuses an assignee without access to the case's unit, and an inactive one", async () => {
    const c = await newCase(unitA.slug);
    await expect(assignCase(lene, { caseId: c.id, assigneeId: berit.userId })).rejects.toMatchObject({
      code: "validation_failed",
      details: { field: "assignee" },
    });
    const gone = await makeUser("caseworker", [unitA.id], false);
    await expect(assignCase(lene, { caseId: c.id, assigneeId: gone.userId })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(assignCase(lene, { caseId: c.id, assigneeId: randomUUID() })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await state(c.id)).toEqual({ assigneeId: null, version: c.version });
    expect(await assignedEvents(c.id)).toHaveLength(0);
  });

  it("a stale version is refused and nothing is overwritten", async () => {
    const c = await newCase(unitA.slug);
    await assignCase(lene, { caseId: c.id, assigneeId: kari.userId, expectedVersion: c.version });
    // A second lead's screen still shows the old version.
    await expect(assignCase(lene, { caseId: c.id, assigneeId: knut.userId, expectedVersion: c.version })).rejects.toMatchObject({
      code: "conflict_stale_version",
    });
    expect(await state(c.id)).toEqual({ assigneeId: kari.userId, version: c.version + 1 });
  });

  it("a caseworker may not assign, and a lead of another unit does not see the case", async () => {
    const c = await newCase(unitA.slug);
    await expect(assignCase(kari, { caseId: c.id, assigneeId: knut.userId })).rejects.toMatchObject({ code: "forbidden" });
    const leadB = await makeUser("unit_lead", [unitB.id]);
    await expect(assignCase(leadB, { caseId: c.id, assigneeId: knut.userId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists as assignees only active colleagues of the lead's units", async () => {
    const ids = (await listAssignees(lene)).map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([kari.userId, knut.userId, lene.userId]));
    expect(ids).not.toContain(berit.userId);
  });
});

describe("bulk assign", () => {
  it("assigns every selected case in one go", async () => {
    const [c1, c2] = [await newCase(unitA.slug), await newCase(unitA.slug)];
    expect(await assignCases(lene, { cases: rows(c1, c2), assigneeId: knut.userId })).toEqual({ assigned: 2, unchanged: 0, stale: [] });
    expect((await state(c1.id)).assigneeId).toBe(knut.userId);
    expect((await state(c2.id)).assigneeId).toBe(knut.userId);
  });

  it("is all-or-nothing: one case the lead may not see and none is assigned", async () => {
    const [c1, c2, foreign] = [await newCase(unitA.slug), await newCase(unitA.slug), await newCase(unitB.slug)];
    await expect(assignCases(lene, { cases: rows(c1, c2, foreign), assigneeId: kari.userId })).rejects.toMatchObject({
      code: "not_found",
    });
    for (const c of [c1, c2, foreign]) {
      expect(await state(c.id)).toEqual({ assigneeId: null, version: c.version });
      expect(await assignedEvents(c.id)).toHaveLength(0);
    }
  });

  it("is all-or-nothing when one case is closed", async () => {
    const [c1, closed] = [await newCase(unitA.slug), await newCase(unitA.slug)];
    await db().case.update({ where: { id: closed.id }, data: { status: "refused", closedAt: new Date() } });
    await expect(assignCases(lene, { cases: rows(c1, closed), assigneeId: kari.userId })).rejects.toMatchObject({
      code: "case_closed",
      details: { reference: closed.reference },
    });
    expect((await state(c1.id)).assigneeId).toBeNull();
  });

  it("leaves a case claimed meanwhile alone, reports it as stale and still assigns the others", async () => {
    const [c1, c2, c3] = [await newCase(unitA.slug), await newCase(unitA.slug), await newCase(unitA.slug)];
    // The lead's queue showed c1..c3 unassigned; Kari claims c2 before the lead presses "assign".
    await claimCase(kari, { caseId: c2.id, expectedVersion: c2.version });
    expect(await assignCases(lene, { cases: rows(c1, c2, c3), assigneeId: knut.userId })).toEqual({
      assigned: 2,
      unchanged: 0,
      stale: [c2.reference],
    });
    expect((await state(c1.id)).assigneeId).toBe(knut.userId);
    expect((await state(c3.id)).assigneeId).toBe(knut.userId);
    // Kari's claim was not overwritten: one "case.assigned" event, hers.
    expect(await state(c2.id)).toEqual({ assigneeId: kari.userId, version: c2.version + 1 });
    expect((await assignedEvents(c2.id)).map((e) => e.actorId)).toEqual([kari.userId]);
  });

  it("claims racing with the bulk assign: each case ends with exactly one winner", async () => {
    const cases = await Promise.all([1, 2, 3, 4, 5, 6].map(() => newCase(unitA.slug)));
    const [bulk, ...claims] = await Promise.allSettled([
      assignCases(lene, { cases: rows(...cases), assigneeId: knut.userId }),
      ...cases.filter((_, i) => i % 2 === 0).map((c) => claimCase(kari, { caseId: c.id, expectedVersion: c.version })),
    ]);
    const stale = bulk.status === "fulfilled" ? bulk.value.stale : [];
    for (const c of cases) {
      const now = await state(c.id);
      const events = await assignedEvents(c.id);
      // Never overwritten: one assignment per case, and the stale list names exactly the cases the bulk lost.
      expect(events).toHaveLength(now.assigneeId === null ? 0 : 1);
      expect(stale.includes(c.reference)).toBe(now.assigneeId !== knut.userId);
    }
    expect(bulk.status).toBe("fulfilled");
    expect(claims.length).toBe(3);
  });

  it("refuses an empty selection", async () => {
    await expect(assignCases(lene, { cases: [], assigneeId: kari.userId })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
