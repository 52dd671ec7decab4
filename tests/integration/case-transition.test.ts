import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { transitionCase } from "@/lib/cases/case-transition";
import { isDomainError } from "@/lib/domain/errors";
import { buildCase } from "./builders";

afterAll(async () => {
  await disconnectDb();
});

/** A web case without a unit, through the real creation path (builders.ts). */
function createCase(receivedAt: Date) {
  return buildCase({ receivedAt, unit: null, requester: { name: "Overgang Testesen" } });
}

async function snapshotOf(caseId: string) {
  const c = await db().case.findUniqueOrThrow({
    where: { id: caseId },
    select: { status: true, version: true, dueDate: true, closedAt: true, pauses: true, events: { select: { type: true }, orderBy: { id: "asc" } } },
  });
  return { ...c, dueDate: dbDateToIso(c.dueDate) };
}

describe("transitionCase", () => {
  it("persists status, pause, due dates and the audit event, and bumps the version", async () => {
    const c = await createCase(new Date("2026-03-05T10:00:00Z"));
    const asked = await transitionCase({
      caseId: c.id,
      command: { type: "ask_requester", kind: "clarification" },
      actor: { type: "staff", id: null },
      expectedVersion: c.version,
      now: new Date("2026-03-10T09:00:00Z"),
    });
    expect(asked.version).toBe(c.version + 1);
    let s = await snapshotOf(c.id);
    expect(s.status).toBe("awaiting_requester");
    expect(s.version).toBe(c.version + 1);
    expect(s.pauses).toHaveLength(1);
    expect(s.pauses[0]!.kind).toBe("clarification");
    expect(s.pauses[0]!.endedAt).toBeNull();
    expect(s.events.map((e) => e.type)).toEqual(["case.received", "case.requester_asked"]);

    await transitionCase({
      caseId: c.id,
      command: { type: "requester_answered" },
      actor: { type: "citizen", id: null },
      now: new Date("2026-03-17T12:00:00Z"),
    });
    s = await snapshotOf(c.id);
    expect(s.status).toBe("in_progress");
    expect(s.pauses[0]!.endedAt?.toISOString()).toBe("2026-03-17T12:00:00.000Z");
    // 5 April (+7 pause days) = 12 April, a Sunday -> Monday 13 April.
    expect(s.dueDate).toBe("2026-04-13");
    const row = await db().case.findUniqueOrThrow({ where: { id: c.id }, select: { oneMonthDueDate: true } });
    expect(dbDateToIso(row.oneMonthDueDate)).toBe("2026-04-13");
  });

  it("optimistic locking: a second transition with the same stale version fails and changes nothing", async () => {
    const c = await createCase(new Date("2026-03-05T10:00:00Z"));
    await transitionCase({ caseId: c.id, command: { type: "start" }, actor: { type: "staff", id: null }, expectedVersion: c.version });
    const afterFirst = await snapshotOf(c.id);

    const error = await transitionCase({
      caseId: c.id,
      command: { type: "withdraw" },
      actor: { type: "citizen", id: null },
      expectedVersion: c.version,
    }).catch((e: unknown) => e);
    expect(isDomainError(error, "conflict_stale_version")).toBe(true);
    expect(await snapshotOf(c.id)).toEqual(afterFirst);
    expect(afterFirst.status).toBe("in_progress");
    expect(afterFirst.events.map((e) => e.type)).toEqual(["case.received", "case.started"]);
  });

  it("two concurrent transitions on the same version: exactly one wins", async () => {
    const c = await createCase(new Date("2026-03-05T10:00:00Z"));
    const results = await Promise.allSettled([
      transitionCase({ caseId: c.id, command: { type: "start" }, actor: { type: "staff", id: null }, expectedVersion: c.version }),
      transitionCase({ caseId: c.id, command: { type: "withdraw" }, actor: { type: "citizen", id: null }, expectedVersion: c.version }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(isDomainError(rejected[0]!.reason, "conflict_stale_version")).toBe(true);
    const s = await snapshotOf(c.id);
    expect(s.version).toBe(c.version + 1);
    expect(s.events.map((e) => e.type)).toEqual(["case.received", fulfilled[0] === results[0] ? "case.started" : "case.withdrawn"]);
  });

  it("an invalid command rolls back: nothing is written", async () => {
    const c = await createCase(new Date("2026-03-05T10:00:00Z"));
    const before = await snapshotOf(c.id);
    const error = await transitionCase({ caseId: c.id, command: { type: "requester_answered" }, actor: { type: "citizen", id: null } }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(error, "invalid_transition")).toBe(true);
    expect(await snapshotOf(c.id)).toEqual(before);
  });

  it("withdraw closes the case with closedAt and closes an open pause", async () => {
    const c = await createCase(new Date("2026-03-05T10:00:00Z"));
    await transitionCase({ caseId: c.id, command: { type: "ask_requester", kind: "identity" }, actor: { type: "staff", id: null }, now: new Date("2026-03-10T09:00:00Z") });
    await transitionCase({ caseId: c.id, command: { type: "withdraw" }, actor: { type: "citizen", id: null }, now: new Date("2026-03-12T09:00:00Z") });
    const s = await snapshotOf(c.id);
    expect(s.status).toBe("withdrawn");
    expect(s.closedAt?.toISOString()).toBe("2026-03-12T09:00:00.000Z");
    expect(s.pauses[0]!.endedAt?.toISOString()).toBe("2026-03-12T09:00:00.000Z");
  });
});
