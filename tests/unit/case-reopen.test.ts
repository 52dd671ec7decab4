// Reopening a closed case (issue 13, item 1): the new deadline counts one month from the instant of
// reopening (with the usual weekend / holiday roll-forward), unless an order set the date.
import { describe, expect, it } from "vitest";
import {
  applyCommand,
  effectiveDueDate,
  extensionDeadline,
  storedOneMonthDueDate,
  type CaseSnapshot,
} from "@/lib/domain/case-state-machine";
import { isDomainError } from "@/lib/domain/errors";

const RECEIVED = new Date("2025-11-03T10:00:00Z");

function closed(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    status: "refused",
    extended: true,
    receivedAt: RECEIVED,
    pauses: [{ from: new Date("2025-11-10T10:00:00Z"), to: new Date("2025-11-20T10:00:00Z") }],
    rights: ["access"],
    closedAt: new Date("2025-12-15T10:00:00Z"),
    identityLevel: "idporten_substantial",
    ...overrides,
  };
}

const REASON = "Klage fra innbyggeren: svaret manglet opplysninger fra skolesystemet.";

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return "no error";
  } catch (e) {
    return isDomainError(e) ? `${e.code}:${String((e.details as { field?: string; reason?: string } | undefined)?.field ?? "")}` : "other";
  }
}

describe("reopen: the new due date", () => {
  it.each([
    // reopened at (UTC)          due date   note
    ["2026-03-20T09:00:00Z", "2026-04-20", "a plain Monday one month on"],
    ["2026-01-31T12:00:00Z", "2026-03-02", "31 Jan -> 28 Feb (Saturday) -> Monday 2 March"],
    ["2026-03-31T22:30:00Z", "2026-05-04", "00:30 on 1 April in Oslo -> 1 May (holiday, Friday) -> Monday 4 May"],
    ["2026-12-06T10:00:00Z", "2027-01-06", "today's date"],
  ])("reopened %s -> due %s (%s)", (at, due) => {
    const result = applyCommand(closed(), { type: "reopen", ground: "complaint", reason: REASON }, new Date(at));
    expect(result.snapshot.status).toBe("in_progress");
    expect(result.snapshot.closedAt).toBeNull();
    expect(result.snapshot.reopenedAt?.toISOString()).toBe(new Date(at).toISOString());
    expect(result.dueDate).toBe(due);
    // The earlier extension and pause belonged to the first handling.
    expect(result.snapshot.extended).toBe(false);
    expect(storedOneMonthDueDate(result.snapshot)).toBe(due);
  });

  it("counts only pauses of the new handling, and lets a new extension be notified within its month", () => {
    const reopened = applyCommand(closed(), { type: "reopen", ground: "incomplete_answer", reason: REASON }, new Date("2026-03-20T09:00:00Z"));
    const asked = applyCommand(reopened.snapshot, { type: "ask_requester", kind: "clarification" }, new Date("2026-03-23T09:00:00Z"));
    const answered = applyCommand(asked.snapshot, { type: "requester_answered" }, new Date("2026-03-26T09:00:00Z"));
    // Three days paused (23 -> 26 March): 20 April + 3 = 23 April.
    expect(answered.dueDate).toBe("2026-04-23");
    expect(extensionDeadline(answered.snapshot, new Date("2026-04-01T09:00:00Z"))).toBe("2026-04-23");
    const extended = applyCommand(answered.snapshot, { type: "extend", reason: "Mange systemer må gjennomgås på nytt." }, new Date("2026-04-01T09:00:00Z"));
    expect(extended.snapshot.extended).toBe(true);
    expect(extended.dueDate).toBe("2026-06-23");
  });

  it("uses the ordered date when an order set one, and refuses an extension beyond it", () => {
    const now = new Date("2026-03-20T09:00:00Z");
    const result = applyCommand(closed(), { type: "reopen", ground: "authority_order", reason: REASON, orderedDueDate: "2026-04-03" }, now);
    expect(result.dueDate).toBe("2026-04-03");
    expect(result.event.after).toMatchObject({ ground: "authority_order", orderedDueDate: "2026-04-03", reopenedFrom: "refused", status: "in_progress" });
    const asked = applyCommand(result.snapshot, { type: "ask_requester", kind: "clarification" }, now);
    expect(effectiveDueDate(asked.snapshot, new Date("2026-03-30T09:00:00Z"))).toBe("2026-04-03");
    expect(codeOf(() => applyCommand(result.snapshot, { type: "extend", reason: "Mange systemer må gjennomgås." }, now))).toBe("invalid_transition:");
  });

  it("accepts an ordered date of today, refuses yesterday and malformed dates", () => {
    const now = new Date("2026-03-20T09:00:00Z");
    expect(applyCommand(closed(), { type: "reopen", ground: "authority_order", reason: REASON, orderedDueDate: "2026-03-20" }, now).dueDate).toBe("2026-03-20");
    expect(codeOf(() => applyCommand(closed(), { type: "reopen", ground: "authority_order", reason: REASON, orderedDueDate: "2026-03-19" }, now))).toBe(
      "validation_failed:orderedDueDate",
    );
    expect(codeOf(() => applyCommand(closed(), { type: "reopen", ground: "authority_order", reason: REASON, orderedDueDate: "2026-02-30" }, now))).toBe(
      "validation_failed:orderedDueDate",
    );
  });
});

describe("reopen: guards", () => {
  const now = new Date("2026-03-20T09:00:00Z");

  it("needs a reason of at least ten characters and a known ground", () => {
    expect(codeOf(() => applyCommand(closed(), { type: "reopen", ground: "complaint", reason: "  kort   " }, now))).toBe("validation_failed:reason");
    expect(codeOf(() => applyCommand(closed(), { type: "reopen", ground: "whim" as never, reason: REASON }, now))).toBe("validation_failed:ground");
  });

  it.each(["completed", "partially_completed", "refused", "withdrawn"] as const)("reopens a %s case", (status) => {
    expect(applyCommand(closed({ status }), { type: "reopen", ground: "other", reason: REASON }, now).event).toMatchObject({
      type: "case.reopened",
      before: { status },
      after: { status: "in_progress", reopenedFrom: status },
    });
  });

  it.each(["received", "in_progress"] as const)("refuses to reopen an open (%s) case", (status) => {
    expect(codeOf(() => applyCommand(closed({ status, closedAt: null }), { type: "reopen", ground: "other", reason: REASON }, now))).toBe(
      "invalid_transition:",
    );
  });

  it("a reopened case can be decided and closed again", () => {
    const reopened = applyCommand(closed(), { type: "reopen", ground: "complaint", reason: REASON }, now);
    const decided = applyCommand(
      reopened.snapshot,
      { type: "decide", outcome: "completed", perRight: [{ right: "access", outcome: "no_data", legalBasisIds: [], reasons: "" }] },
      new Date("2026-04-01T09:00:00Z"),
    );
    expect(decided.snapshot.status).toBe("completed");
    expect(decided.snapshot.closedAt?.toISOString()).toBe("2026-04-01T09:00:00.000Z");
    expect(decided.dueDate).toBe("2026-04-20");
  });
});
