import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db, disconnectDb } from "@/lib/db/client";
import { dbDateToIso, isoDateToDb } from "@/lib/db/dates";
import { nextCaseReference } from "@/lib/cases/case-reference";
import { transitionCase } from "@/lib/cases/case-transition";
import { computeDeadline } from "@/lib/domain/deadline";
import { isDomainError } from "@/lib/domain/errors";

afterAll(async () => {
  await disconnectDb();
});

// Cases are written directly (not through the request form, which another change is rebuilding).
async function createCase(receivedAt: Date) {
  const { dueDate } = computeDeadline({ receivedAt });
  return db().$transaction(async (tx) => {
    const requester = await tx.requester.create({ data: { name: "Overgang Testesen", email: `t-${randomUUID()}@example.test` } });
    const { year, seq, reference } = await nextCaseReference(tx, receivedAt.getUTCFullYear());
    return tx.case.create({
      data: {
        reference,
        referenceYear: year,
        referenceSeq: seq,
        municipalityId: "bergen",
        requesterId: requester.id,
        rights: ["access"],
        channel: "web",
        receivedAt,
        oneMonthDueDate: isoDateToDb(dueDate),
        dueDate: isoDateToDb(dueDate),
        receiptToken: randomUUID(),
      },
      select: { id: true, version: true },
    });
  });
}

async function snapshotOf(caseId: string) {
  const c = await db().case.findUniqueOrThrow({
    where: { id: caseId },
    select: { status: true, version: true, dueDate: true, closedAt: true, pauses: true, events: { select: { type: true } } },
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
    expect(s.events.map((e) => e.type)).toEqual(["case.requester_asked"]);

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
    expect(afterFirst.events.map((e) => e.type)).toEqual(["case.started"]);
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
    expect(s.events).toHaveLength(1);
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
