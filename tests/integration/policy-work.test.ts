// Need-to-know and optimistic locking in the caseworker workspace, against the real database:
// - an admin taking a unit, a role or the account away unassigns the user from the open cases it
//   gave them (one "case.unassigned" event per case, same transaction);
// - the response letter is sent once per case version (a second tab gets a conflict);
// - a unit lead moves a case to another unit (triage): audit event, special-category units mark
//   the case, the assignee who cannot see it in the new unit is unassigned, stale pages refused;
// - the case page's assignment panel offers what the services accept.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { submitRequest } from "@/lib/cases/submit-request";
import { assignCase } from "@/lib/cases/assign-case";
import { decideCase } from "@/lib/cases/decide-case";
import { prepareAnswer } from "./builders";
import { sendResponseLetter } from "@/lib/cases/send-response-letter";
import { changeCaseUnit } from "@/lib/cases/change-unit";
import { getCaseAssignment } from "@/lib/cases/case-assignment";
import { lastChangedBy, staffGetCase, staffGetCaseWork } from "@/lib/cases/staff-case-view";
import { getResponseLetterPage } from "@/lib/letters/response-draft";
import { updateStaffUser } from "@/lib/admin/update-staff-user";
import { setStaffUserActive } from "@/lib/admin/set-staff-user-active";
import { isDomainError } from "@/lib/domain/errors";
import type { Actor, Role } from "@/lib/domain/policy";
import { attachAnswerFile, validRequest } from "./helpers";

type Staff = Extract<Actor, { kind: "staff" }>;
const suffix = randomUUID().slice(0, 8);
type Unit = { id: string; slug: string };
let unitA: Unit;
let unitB: Unit;
let unitS: Unit; // special category (e.g. health)
let admin: Staff;

async function makeUnit(name: string, specialCategory = false): Promise<Unit> {
  const slug = `pw-${name}-${suffix}`;
  const unit = await db().unit.create({ data: { municipalityId: "bergen", slug, name: `Policy ${name}`, specialCategory }, select: { id: true } });
  return { id: unit.id, slug };
}

async function makeUser(roles: Role[], unitIds: string[], name = roles.join("+")): Promise<Staff> {
  const user = await db().user.create({
    data: {
      email: `pw-${randomUUID()}@example.test`,
      name: `Policy ${name}`,
      roles,
      municipalityId: "bergen",
      units: { create: unitIds.map((unitId) => ({ unitId })) },
    },
    select: { id: true },
  });
  return { kind: "staff", userId: user.id, roles, unitIds };
}

async function newCase(unit: Unit | null, assigneeId: string | null = null) {
  const { reference } = await submitRequest(validRequest({ unit: unit?.slug ?? "" }), { locale: "nb" });
  if (assigneeId) await db().case.update({ where: { reference }, data: { assigneeId } });
  return db().case.findUniqueOrThrow({ where: { reference }, select: { id: true, reference: true, version: true } });
}

const state = (id: string) =>
  db().case.findUniqueOrThrow({ where: { id }, select: { assigneeId: true, unitId: true, version: true, specialCategory: true } });
const events = (caseId: string, type: string) => db().caseEvent.findMany({ where: { caseId, type }, orderBy: { id: "asc" } });

beforeAll(async () => {
  unitA = await makeUnit("a");
  unitB = await makeUnit("b");
  unitS = await makeUnit("s", true);
  admin = await makeUser(["admin"], []);
});

afterAll(async () => {
  await disconnectDb();
});

describe("need-to-know: admin changes unassign the user", () => {
  it("removing a unit unassigns the user from that unit's open cases only, with an audit event each", async () => {
    const u = await makeUser(["caseworker"], [unitA.id, unitB.id]);
    const other = await makeUser(["caseworker"], [unitA.id]);
    const openA = await newCase(unitA, u.userId);
    const closedA = await newCase(unitA, u.userId);
    await db().case.update({ where: { id: closedA.id }, data: { status: "completed", closedAt: new Date() } });
    const openB = await newCase(unitB, u.userId);
    const othersA = await newCase(unitA, other.userId);
    const now = new Date("2026-03-02T10:00:00Z");

    expect(await updateStaffUser(admin, u.userId, { name: "Policy moved", roles: ["caseworker"], unitIds: [unitB.id] }, { now })).toEqual({
      unassignedCases: 1,
    });

    expect(await state(openA.id)).toMatchObject({ assigneeId: null, version: openA.version + 1 });
    const [event] = await events(openA.id, "case.unassigned");
    expect(event).toMatchObject({
      actorType: "staff",
      actorId: admin.userId,
      at: now,
      before: { assigneeId: u.userId },
      after: { assigneeId: null, reason: "unit_membership_removed" },
    });
    // Untouched: the closed case (a record of who worked it), the other unit's case, a colleague's case.
    expect((await state(closedA.id)).assigneeId).toBe(u.userId);
    expect((await state(openB.id)).assigneeId).toBe(u.userId);
    expect((await state(othersA.id)).assigneeId).toBe(other.userId);
    for (const c of [closedA, openB, othersA]) expect(await events(c.id, "case.unassigned")).toHaveLength(0);
    // And the case is gone for them: the assignment no longer lets them in.
    const after: Staff = { ...u, unitIds: [unitB.id] };
    expect(await staffGetCase(after, openA.reference)).toBeNull();
  });

  it("deactivating unassigns the user from every open case", async () => {
    const u = await makeUser(["caseworker"], [unitA.id, unitB.id]);
    const [a, b] = [await newCase(unitA, u.userId), await newCase(unitB, u.userId)];
    expect(await setStaffUserActive(admin, u.userId, false)).toMatchObject({ unassignedCases: 2 });
    for (const c of [a, b]) {
      expect((await state(c.id)).assigneeId).toBeNull();
      expect((await events(c.id, "case.unassigned"))[0]?.after).toEqual({ assigneeId: null, reason: "user_deactivated" });
    }
    // Reactivating gives nothing back.
    expect(await setStaffUserActive(admin, u.userId, true)).toMatchObject({ unassignedCases: 0 });
    expect((await state(a.id)).assigneeId).toBeNull();
  });

  it("removing a role unassigns only what that role gave (a unit lead's \"vet ikke\" case)", async () => {
    const v = await makeUser(["caseworker", "unit_lead"], [unitA.id]);
    const noUnit = await newCase(null, v.userId);
    const inA = await newCase(unitA, v.userId);
    await updateStaffUser(admin, v.userId, { name: "Policy no lead", roles: ["caseworker"], unitIds: [unitA.id] });
    expect((await state(noUnit.id)).assigneeId).toBeNull();
    expect((await events(noUnit.id, "case.unassigned"))[0]?.after).toEqual({ assigneeId: null, reason: "role_removed" });
    expect((await state(inA.id)).assigneeId).toBe(v.userId);
  });

  it("is one transaction: a refused change unassigns nothing", async () => {
    const u = await makeUser(["caseworker"], [unitA.id]);
    const c = await newCase(unitA, u.userId);
    await expect(updateStaffUser(admin, u.userId, { name: "X", roles: ["caseworker"], unitIds: [randomUUID()] })).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect(await state(c.id)).toMatchObject({ assigneeId: u.userId, version: c.version });
    expect(await events(c.id, "case.unassigned")).toHaveLength(0);
  });
});

describe("the response letter is sent once per case version", () => {
  async function decided() {
    const worker = await makeUser(["caseworker"], [unitA.id], "Brevskriver");
    const c = await newCase(unitA);
    await attachAnswerFile(worker, c.reference);
    // A search that found data in a system with its register entry (Art. 15(1), (2)).
    await prepareAnswer(c.id, { register: true });
    const { version } = await decideCase(worker, {
      reference: c.reference,
      perRight: [{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }],
      expectedVersion: c.version,
    });
    const page = await getResponseLetterPage(worker, c.reference);
    return { worker, c, version, draft: page!.draft! };
  }
  const letters = (caseId: string) => db().letter.count({ where: { caseId, kind: "response" } });

  it("a second tab with the same page gets a conflict naming who sent it, and no second letter", async () => {
    const { worker, c, version, draft } = await decided();
    await sendResponseLetter(worker, { reference: c.reference, body: draft, delivery: "portal", expectedVersion: version });
    expect((await state(c.id)).version).toBe(version + 1);
    const second = await sendResponseLetter(worker, { reference: c.reference, body: draft, delivery: "post", expectedVersion: version }).catch((e: unknown) => e);
    expect(isDomainError(second, "conflict_stale_version")).toBe(true);
    expect(await letters(c.id)).toBe(1);
    expect(await lastChangedBy(worker, c.reference)).toEqual({ kind: "staff", name: "Policy Brevskriver" });
  });

  it("two sends at the same moment: exactly one letter, one message, one attachment", async () => {
    const { worker, c, version, draft } = await decided();
    const results = await Promise.allSettled(
      [0, 1].map(() => sendResponseLetter(worker, { reference: c.reference, body: draft, delivery: "portal", expectedVersion: version })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(isDomainError(rejected?.reason, "conflict_stale_version")).toBe(true);
    expect(await letters(c.id)).toBe(1);
    expect(await db().message.count({ where: { caseId: c.id, kind: "to_requester" } })).toBe(1);
    // The copy of the data uploaded before the decision, and one letter PDF.
    expect(await db().attachment.count({ where: { caseId: c.id } })).toBe(2);
    expect(await events(c.id, "letter.sent")).toHaveLength(1);
  });
});

describe("changing a case's unit", () => {
  it("gives a \"vet ikke\" case its unit, with an audit event and a version bump", async () => {
    const lead = await makeUser(["unit_lead"], [unitA.id]);
    const c = await newCase(null);
    const result = await changeCaseUnit(lead, { reference: c.reference, unitId: unitA.id, expectedVersion: c.version });
    expect(result).toEqual({ version: c.version + 1, unitId: unitA.id, specialCategorySet: false, unassigned: false, stillVisible: true });
    expect(await state(c.id)).toMatchObject({ unitId: unitA.id, version: c.version + 1, specialCategory: false });
    const [event] = await events(c.id, "case.unit_changed");
    expect(event).toMatchObject({ actorType: "staff", actorId: lead.userId, before: { unitId: null }, after: { unitId: unitA.id } });
  });

  it("a special-category unit marks the case; moving it out again never clears the mark", async () => {
    const lead = await makeUser(["unit_lead"], [unitA.id, unitS.id]);
    const c = await newCase(unitA);
    const first = await changeCaseUnit(lead, { reference: c.reference, unitId: unitS.id, expectedVersion: c.version });
    expect(first.specialCategorySet).toBe(true);
    expect(await state(c.id)).toMatchObject({ unitId: unitS.id, specialCategory: true });
    expect((await events(c.id, "case.unit_changed"))[0]?.after).toEqual({ unitId: unitS.id, specialCategory: true });
    const back = await changeCaseUnit(lead, { reference: c.reference, unitId: unitA.id, expectedVersion: first.version });
    expect(back.specialCategorySet).toBe(false);
    expect(await state(c.id)).toMatchObject({ unitId: unitA.id, specialCategory: true });
    // The timeline names the units the case moved to.
    const work = await staffGetCaseWork(lead, c.reference);
    const moves = work!.timeline.filter((e) => e.type === "case.unit_changed").map((e) => e.facts.unitName);
    expect(moves).toEqual(["Policy s", "Policy a"]);
  });

  it("unassigns an assignee who cannot see the case in the new unit, and keeps one who can", async () => {
    const lead = await makeUser(["unit_lead"], [unitA.id]);
    const onlyA = await makeUser(["caseworker"], [unitA.id]);
    const aAndB = await makeUser(["caseworker"], [unitA.id, unitB.id]);
    const lost = await newCase(unitA, onlyA.userId);
    const kept = await newCase(unitA, aAndB.userId);

    const r1 = await changeCaseUnit(lead, { reference: lost.reference, unitId: unitB.id, expectedVersion: lost.version });
    expect(r1).toMatchObject({ unassigned: true, stillVisible: false });
    expect(await state(lost.id)).toMatchObject({ unitId: unitB.id, assigneeId: null, version: lost.version + 1 });
    expect((await events(lost.id, "case.unassigned"))[0]).toMatchObject({
      actorId: lead.userId,
      before: { assigneeId: onlyA.userId },
      after: { assigneeId: null, reason: "unit_changed" },
    });
    const dpo = await makeUser(["dpo"], []);
    const timeline = (await staffGetCaseWork(dpo, lost.reference))!.timeline;
    expect(timeline.find((e) => e.type === "case.unassigned")?.facts.reason).toBe("unit_changed");
    // Neither the lead (not their unit) nor the former assignee sees it any more.
    expect(await staffGetCase(lead, lost.reference)).toBeNull();
    expect(await staffGetCase(onlyA, lost.reference)).toBeNull();

    const r2 = await changeCaseUnit(lead, { reference: kept.reference, unitId: unitB.id, expectedVersion: kept.version });
    expect(r2.unassigned).toBe(false);
    expect((await state(kept.id)).assigneeId).toBe(aAndB.userId);
    expect(await events(kept.id, "case.unassigned")).toHaveLength(0);
  });

  it("refuses a stale page, a caseworker, a lead who cannot see the case, the same unit, an unknown or inactive unit and closed cases", async () => {
    const lead = await makeUser(["unit_lead"], [unitA.id]);
    const leadB = await makeUser(["unit_lead"], [unitB.id]);
    const worker = await makeUser(["caseworker"], [unitA.id]);
    const inactive = await makeUnit("inactive");
    await db().unit.update({ where: { id: inactive.id }, data: { active: false } });
    const c = await newCase(unitA);
    const move = (actor: Staff, unitId: string, expectedVersion = c.version) =>
      changeCaseUnit(actor, { reference: c.reference, unitId, expectedVersion }).catch((e: unknown) => e);

    expect(isDomainError(await move(lead, unitB.id, c.version + 1), "conflict_stale_version")).toBe(true);
    expect(isDomainError(await move(worker, unitB.id), "forbidden")).toBe(true);
    expect(isDomainError(await move(leadB, unitB.id), "not_found")).toBe(true);
    expect(await move(lead, unitA.id)).toMatchObject({ code: "validation_failed", details: { field: "unitId", reason: "same" } });
    expect(await move(lead, randomUUID())).toMatchObject({ code: "validation_failed", details: { field: "unitId" } });
    expect(await move(lead, inactive.id)).toMatchObject({ code: "validation_failed", details: { field: "unitId" } });
    expect(await move(lead, "not-a-uuid")).toMatchObject({ code: "validation_failed", details: { field: "unitId" } });
    expect(await state(c.id)).toMatchObject({ unitId: unitA.id, version: c.version });
    expect(await events(c.id, "case.unit_changed")).toHaveLength(0);

    await db().case.update({ where: { id: c.id }, data: { status: "refused", closedAt: new Date() } });
    expect(isDomainError(await move(lead, unitB.id), "case_closed")).toBe(true);
  });
});

describe("the case page's assignment panel", () => {
  it("offers assigning and moving to unit leads only, with the choices the services accept", async () => {
    const lead = await makeUser(["unit_lead"], [unitA.id]);
    const worker = await makeUser(["caseworker"], [unitA.id], "Arbeider A");
    const workerB = await makeUser(["caseworker"], [unitB.id], "Arbeider B");
    const dpo = await makeUser(["dpo"], []);
    const c = await newCase(unitA);

    const view = await getCaseAssignment(lead, c.reference);
    expect(view).toMatchObject({ canAssign: true, canChangeUnit: true, unitId: unitA.id, version: c.version });
    const ids = view!.assignees.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([lead.userId, worker.userId]));
    expect(ids).not.toContain(workerB.userId);
    expect(view!.units.map((u) => u.id)).not.toContain(unitA.id);
    expect(view!.units.find((u) => u.id === unitS.id)).toMatchObject({ specialCategory: true });

    expect(await getCaseAssignment(worker, c.reference)).toMatchObject({ canAssign: false, canChangeUnit: false, assignees: [], units: [] });
    expect(await getCaseAssignment(dpo, c.reference)).toMatchObject({ canAssign: false, canChangeUnit: false });
    expect(await getCaseAssignment(workerB, c.reference)).toBeNull();

    // Assigning from the case page carries the version: a stale page is refused.
    await assignCase(lead, { caseId: c.id, assigneeId: worker.userId, expectedVersion: c.version });
    await expect(assignCase(lead, { caseId: c.id, assigneeId: lead.userId, expectedVersion: c.version })).rejects.toMatchObject({
      code: "conflict_stale_version",
    });
    expect((await state(c.id)).assigneeId).toBe(worker.userId);
  });
});
