import { describe, expect, it } from "vitest";
import {
  allowedCommands,
  answerInstant,
  applyCommand,
  askRequesterKindsFor,
  identityPauseAllowed,
  effectiveDueDate,
  extensionDeadline,
  storedDueDate,
  validateDecision as validateDecisionWith,
  deriveDecisionOutcome,
  outcomesFor,
  outcomeNeedsAnswerFile,
  CASE_COMMAND_TYPES,
  type CaseCommand,
  type CaseCommandType,
  type CaseSnapshot,
  type DecisionIssue,
} from "@/lib/domain/case-state-machine";
import { CASE_STATUSES, IDENTITY_LEVELS, type CaseStatus } from "@/lib/domain/case-status";
import { osloEndOfDay } from "@/lib/domain/calendar";
import { computeDeadline } from "@/lib/domain/deadline";
import { isDomainError, type DomainErrorCode } from "@/lib/domain/errors";
import type { Right } from "@/lib/domain/rights";

// Received Thursday 5 March 2026 (Oslo). One month -> Sunday 5 April (Easter Sunday),
// Monday 6 April is Easter Monday, so the one-month due date is Tuesday 7 April 2026.
// Three months -> Friday 5 June 2026.
const RECEIVED_AT = new Date("2026-03-05T10:00:00Z");
const ONE_MONTH_DUE = "2026-04-07";
const EXTENDED_DUE = "2026-06-05";
const NOW = new Date("2026-03-20T09:00:00Z");
const PAUSE_FROM = new Date("2026-03-10T09:00:00Z");

/** The checks with the answer file on the case (the rule about files has its own tests below). */
const validateDecision = (...[rights, command]: Parameters<typeof validateDecisionWith>) => validateDecisionWith(rights, command, { answerFiles: 1 });

function snapshot(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    status: "received",
    extended: false,
    receivedAt: RECEIVED_AT,
    pauses: [],
    rights: ["access"],
    closedAt: null,
    // The answer file (the copy of the data) is on the case: a granted access request may be decided.
    answerFiles: 1,
    ...overrides,
  };
}

/** A consistent snapshot in the given status. */
function inStatus(status: CaseStatus): CaseSnapshot {
  switch (status) {
    case "received":
    case "in_progress":
      return snapshot({ status });
    case "awaiting_requester":
      return snapshot({ status, pauses: [{ from: PAUSE_FROM, to: null }] });
    default:
      return snapshot({ status, closedAt: new Date("2026-03-15T12:00:00Z") });
  }
}

const VALID_COMMANDS: Record<CaseCommandType, CaseCommand> = {
  start: { type: "start" },
  ask_requester: { type: "ask_requester", kind: "identity" },
  requester_answered: { type: "requester_answered" },
  extend: { type: "extend", reason: "Mange saker i flere tjenester må hentes fram." },
  decide: {
    type: "decide",
    outcome: "completed",
    perRight: [{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }],
  },
  withdraw: { type: "withdraw" },
  // Asked 10 March, not warned: never closable yet (lib/domain/unanswered.ts; tests/unit/unanswered.test.ts).
  close_unanswered: { type: "close_unanswered", periodDays: 30, warnedAt: null },
  reopen: { type: "reopen", ground: "complaint", reason: "Klage til personvernombudet: svaret var ufullstendig." },
};

function errorCodeOf(fn: () => unknown): DomainErrorCode | "no error" | "not a domain error" {
  try {
    fn();
    return "no error";
  } catch (e) {
    return isDomainError(e) ? e.code : "not a domain error";
  }
}

// Expected result of every command in every status: the new status, or the error code.
type Expected = CaseStatus | DomainErrorCode;
const TRANSITIONS: Record<CaseStatus, Record<CaseCommandType, Expected>> = {
  received: {
    start: "in_progress",
    ask_requester: "awaiting_requester",
    requester_answered: "invalid_transition",
    extend: "received",
    decide: "completed",
    withdraw: "withdrawn",
    close_unanswered: "invalid_transition",
    reopen: "invalid_transition",
  },
  in_progress: {
    start: "invalid_transition",
    ask_requester: "awaiting_requester",
    requester_answered: "invalid_transition",
    extend: "in_progress",
    decide: "completed",
    withdraw: "withdrawn",
    close_unanswered: "invalid_transition",
    reopen: "invalid_transition",
  },
  awaiting_requester: {
    start: "invalid_transition",
    ask_requester: "invalid_transition",
    requester_answered: "in_progress",
    extend: "awaiting_requester",
    decide: "invalid_transition",
    withdraw: "withdrawn",
    close_unanswered: "unanswered_not_closable",
    reopen: "invalid_transition",
  },
  completed: {
    start: "case_closed",
    ask_requester: "case_closed",
    requester_answered: "case_closed",
    extend: "case_closed",
    decide: "case_closed",
    withdraw: "case_closed",
    close_unanswered: "case_closed",
    reopen: "in_progress",
  },
  partially_completed: {
    start: "case_closed",
    ask_requester: "case_closed",
    requester_answered: "case_closed",
    extend: "case_closed",
    decide: "case_closed",
    withdraw: "case_closed",
    close_unanswered: "case_closed",
    reopen: "in_progress",
  },
  refused: {
    start: "case_closed",
    ask_requester: "case_closed",
    requester_answered: "case_closed",
    extend: "case_closed",
    decide: "case_closed",
    withdraw: "case_closed",
    close_unanswered: "case_closed",
    reopen: "in_progress",
  },
  withdrawn: {
    start: "case_closed",
    ask_requester: "case_closed",
    requester_answered: "case_closed",
    extend: "case_closed",
    decide: "case_closed",
    withdraw: "case_closed",
    close_unanswered: "case_closed",
    reopen: "in_progress",
  },
  not_processed: {
    start: "case_closed",
    ask_requester: "case_closed",
    requester_answered: "case_closed",
    extend: "case_closed",
    decide: "case_closed",
    withdraw: "case_closed",
    close_unanswered: "case_closed",
    reopen: "in_progress",
  },
};

describe("transition table (every status x every command)", () => {
  const cases = CASE_STATUSES.flatMap((status) =>
    CASE_COMMAND_TYPES.map((command) => ({ status, command, expected: TRANSITIONS[status][command] })),
  );

  it("covers all statuses and commands", () => {
    expect(cases).toHaveLength(CASE_STATUSES.length * CASE_COMMAND_TYPES.length);
  });

  it.each(cases)("$status + $command -> $expected", ({ status, command, expected }) => {
    const before = inStatus(status);
    const run = () => applyCommand(before, VALID_COMMANDS[command], NOW);
    if ((CASE_STATUSES as readonly string[]).includes(expected)) {
      expect(run().snapshot.status).toBe(expected);
    } else {
      expect(errorCodeOf(run)).toBe(expected);
    }
  });

  it("allowedCommands lists exactly the case-work commands that succeed (reopen is offered by permission)", () => {
    for (const status of CASE_STATUSES) {
      const expected = CASE_COMMAND_TYPES.filter(
        (c) => c !== "reopen" && (CASE_STATUSES as readonly string[]).includes(TRANSITIONS[status][c]),
      );
      expect(allowedCommands(inStatus(status), NOW), status).toEqual(expected);
    }
  });

  it("does not mutate the input snapshot", () => {
    const before = inStatus("awaiting_requester");
    const copy = structuredClone(before);
    applyCommand(before, { type: "requester_answered" }, NOW);
    applyCommand(before, { type: "withdraw" }, NOW);
    expect(before).toEqual(copy);
  });

  it("rejects a malformed command or an invalid now", () => {
    expect(errorCodeOf(() => applyCommand(snapshot(), { type: "nope" } as unknown as CaseCommand, NOW))).toBe(
      "validation_failed",
    );
    expect(errorCodeOf(() => applyCommand(snapshot(), { type: "start" }, new Date("x")))).toBe("validation_failed");
    expect(
      errorCodeOf(() =>
        applyCommand(snapshot(), { type: "ask_requester", kind: "passport" } as unknown as CaseCommand, NOW),
      ),
    ).toBe("validation_failed");
  });
});

describe("closing", () => {
  it("decide and withdraw set closedAt; other commands leave it null", () => {
    expect(applyCommand(inStatus("in_progress"), VALID_COMMANDS.decide, NOW).snapshot.closedAt).toEqual(NOW);
    expect(applyCommand(inStatus("received"), VALID_COMMANDS.withdraw, NOW).snapshot.closedAt).toEqual(NOW);
    expect(applyCommand(inStatus("received"), VALID_COMMANDS.start, NOW).snapshot.closedAt).toBeNull();
  });

  it("case_closed takes precedence over every other check", () => {
    const closed = snapshot({ status: "refused", extended: true, closedAt: NOW });
    expect(errorCodeOf(() => applyCommand(closed, { type: "extend", reason: "" }, NOW))).toBe("case_closed");
    expect(allowedCommands(closed, NOW)).toEqual([]);
  });
});

describe("pauses and the due date", () => {
  it("a new case is due on 7 April 2026 (Easter), 5 June 2026 when extended", () => {
    expect(storedDueDate(snapshot())).toBe(ONE_MONTH_DUE);
    expect(storedDueDate(snapshot({ extended: true }))).toBe(EXTENDED_DUE);
  });

  it("ask_requester opens a pause at now; the stored due date does not move yet", () => {
    const r = applyCommand(inStatus("in_progress"), { type: "ask_requester", kind: "clarification" }, PAUSE_FROM);
    expect(r.snapshot.status).toBe("awaiting_requester");
    expect(r.snapshot.pauses).toEqual([{ from: PAUSE_FROM, to: null }]);
    expect(r.dueDate).toBe(ONE_MONTH_DUE);
    expect(r.event).toEqual({
      type: "case.requester_asked",
      before: { status: "in_progress", extended: false, dueDate: ONE_MONTH_DUE, paused: false },
      after: {
        status: "awaiting_requester",
        extended: false,
        dueDate: ONE_MONTH_DUE,
        paused: true,
        pauseFrom: PAUSE_FROM.toISOString(),
        pauseKind: "clarification",
      },
    });
  });

  it("the live due date counts the open pause up to now", () => {
    const waiting = inStatus("awaiting_requester"); // paused since 10 March
    expect(effectiveDueDate(waiting, new Date("2026-03-13T09:00:00Z"))).toBe("2026-04-08"); // 5 Apr + 3 days
    expect(storedDueDate(waiting)).toBe(ONE_MONTH_DUE);
  });

  it("requester_answered closes the pause and moves the due date by the paused calendar days", () => {
    const answeredAt = new Date("2026-03-13T09:00:00Z");
    const r = applyCommand(inStatus("awaiting_requester"), { type: "requester_answered" }, answeredAt);
    expect(r.snapshot.status).toBe("in_progress");
    expect(r.snapshot.pauses).toEqual([{ from: PAUSE_FROM, to: answeredAt }]);
    // 5 April + 3 days = Wednesday 8 April 2026, a working day.
    expect(r.dueDate).toBe("2026-04-08");
    expect(r.event.type).toBe("case.requester_answered");
    expect(r.event.before).toMatchObject({ status: "awaiting_requester", dueDate: ONE_MONTH_DUE, paused: true });
    expect(r.event.after).toMatchObject({
      status: "in_progress",
      dueDate: "2026-04-08",
      paused: false,
      pauseFrom: PAUSE_FROM.toISOString(),
      pauseTo: answeredAt.toISOString(),
    });
  });

  it("an answer on the same Oslo day adds no days", () => {
    const r = applyCommand(inStatus("awaiting_requester"), { type: "requester_answered" }, new Date("2026-03-10T20:00:00Z"));
    expect(r.dueDate).toBe(ONE_MONTH_DUE);
  });

  it("several pauses add up and the extended date moves too", () => {
    const s1 = applyCommand(inStatus("in_progress"), { type: "ask_requester", kind: "identity" }, PAUSE_FROM);
    const s2 = applyCommand(s1.snapshot, { type: "requester_answered" }, new Date("2026-03-12T09:00:00Z")); // 2 days
    const s3 = applyCommand(s2.snapshot, { type: "ask_requester", kind: "clarification" }, new Date("2026-03-16T09:00:00Z"));
    const s4 = applyCommand(s3.snapshot, { type: "requester_answered" }, new Date("2026-03-17T09:00:00Z")); // 1 day
    expect(s4.snapshot.pauses).toHaveLength(2);
    expect(s4.dueDate).toBe("2026-04-08"); // 5 Apr + 3 = 8 Apr
    const ext = applyCommand(s4.snapshot, VALID_COMMANDS.extend, new Date("2026-03-20T09:00:00Z"));
    expect(ext.dueDate).toBe("2026-06-08"); // 5 Jun + 3 = Mon 8 June
  });

  it("withdraw closes an open pause", () => {
    const at = new Date("2026-03-12T09:00:00Z");
    const r = applyCommand(inStatus("awaiting_requester"), { type: "withdraw" }, at);
    expect(r.snapshot.status).toBe("withdrawn");
    expect(r.snapshot.pauses).toEqual([{ from: PAUSE_FROM, to: at }]);
    expect(r.event.after).toMatchObject({
      status: "withdrawn",
      paused: false,
      pauseTo: at.toISOString(),
      closedAt: at.toISOString(),
    });
  });
});

describe("extend", () => {
  // Oslo is on CEST (UTC+2) in April 2026.
  const DUE_DAY_2359_OSLO = new Date("2026-04-07T21:59:00Z");
  const NEXT_DAY_0000_OSLO = new Date("2026-04-07T22:00:00Z");
  const reason = "Saken gjelder mange tjenester og mye arkivmateriale.";

  it("is allowed on the one-month due date itself at 23:59 Oslo time", () => {
    const r = applyCommand(inStatus("in_progress"), { type: "extend", reason }, DUE_DAY_2359_OSLO);
    expect(r.snapshot.extended).toBe(true);
    expect(r.snapshot.status).toBe("in_progress");
    expect(r.dueDate).toBe(EXTENDED_DUE);
    expect(allowedCommands(inStatus("in_progress"), DUE_DAY_2359_OSLO)).toContain("extend");
  });

  it("is refused at 00:00 Oslo time the next day", () => {
    expect(errorCodeOf(() => applyCommand(inStatus("in_progress"), { type: "extend", reason }, NEXT_DAY_0000_OSLO))).toBe(
      "extension_too_late",
    );
    expect(allowedCommands(inStatus("in_progress"), NEXT_DAY_0000_OSLO)).not.toContain("extend");
  });

  it("reports the one-month due date when too late", () => {
    try {
      applyCommand(inStatus("received"), { type: "extend", reason }, NEXT_DAY_0000_OSLO);
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e, "extension_too_late")).toBe(true);
      if (isDomainError(e)) expect(e.details).toEqual({ oneMonthDueDate: ONE_MONTH_DUE, today: "2026-04-08" });
    }
  });

  it("counts an open pause up to now for the one-month limit", () => {
    const waiting = inStatus("awaiting_requester"); // paused since 10 March
    const at = new Date("2026-04-08T10:00:00Z"); // would be too late without the pause
    // 5 April + 29 paused days = Monday 4 May 2026.
    expect(extensionDeadline(waiting, at)).toBe("2026-05-04");
    const r = applyCommand(waiting, { type: "extend", reason }, at);
    expect(r.snapshot.extended).toBe(true);
    expect(r.snapshot.status).toBe("awaiting_requester");
    // The stored date counts closed pauses only: 5 June until the requester answers.
    expect(r.dueDate).toBe(EXTENDED_DUE);
  });

  it("counts closed pauses for the one-month limit", () => {
    const s = snapshot({ status: "in_progress", pauses: [{ from: PAUSE_FROM, to: new Date("2026-03-13T09:00:00Z") }] });
    expect(extensionDeadline(s, NOW)).toBe("2026-04-08");
    expect(applyCommand(s, { type: "extend", reason }, new Date("2026-04-08T21:59:00Z")).snapshot.extended).toBe(true);
    expect(errorCodeOf(() => applyCommand(s, { type: "extend", reason }, new Date("2026-04-08T22:00:00Z")))).toBe(
      "extension_too_late",
    );
  });

  it("is granted only once", () => {
    const s = snapshot({ status: "in_progress", extended: true });
    expect(errorCodeOf(() => applyCommand(s, { type: "extend", reason }, NOW))).toBe("extension_already_granted");
    expect(allowedCommands(s, NOW)).not.toContain("extend");
  });

  it.each(["", "          ", "  for kort  ", "123456789"])("requires a reason of at least 10 characters (%j)", (r) => {
    expect(errorCodeOf(() => applyCommand(inStatus("in_progress"), { type: "extend", reason: r }, NOW))).toBe(
      "extension_reason_required",
    );
  });

  it("accepts exactly 10 characters after trimming and records the trimmed reason", () => {
    const r = applyCommand(inStatus("in_progress"), { type: "extend", reason: "  1234567890  " }, NOW);
    expect(r.event).toEqual({
      type: "case.extended",
      before: { status: "in_progress", extended: false, dueDate: ONE_MONTH_DUE, paused: false },
      after: {
        status: "in_progress",
        extended: true,
        dueDate: EXTENDED_DUE,
        paused: false,
        reason: "1234567890",
        oneMonthDueDate: ONE_MONTH_DUE,
      },
    });
  });
});

describe("decide", () => {
  const twoRights = (status: CaseStatus = "in_progress") =>
    snapshot({ status, rights: ["access", "erasure"] satisfies Right[] });

  function issuesOf(fn: () => unknown): DecisionIssue[] {
    try {
      fn();
    } catch (e) {
      if (isDomainError(e, "decision_required_fields")) return (e.details?.issues ?? []) as DecisionIssue[];
      throw e;
    }
    throw new Error("expected decision_required_fields");
  }

  it("partial decision: access granted, erasure refused on the archive duty", () => {
    const r = applyCommand(
      twoRights(),
      {
        type: "decide",
        outcome: "partially_completed",
        perRight: [
          { right: "access", outcome: "granted", legalBasisIds: [], reasons: "" },
          { right: "erasure", outcome: "refused", legalBasisIds: ["gdpr-17-3-b"], reasons: "Arkivplikt." },
        ],
      },
      NOW,
    );
    expect(r.snapshot.status).toBe("partially_completed");
    expect(r.event.type).toBe("case.decided");
    expect(r.event.after).toEqual({
      status: "partially_completed",
      extended: false,
      dueDate: ONE_MONTH_DUE,
      paused: false,
      outcome: "partially_completed",
      perRight: [
        { right: "access", outcome: "granted", legalBasisIds: [] },
        { right: "erasure", outcome: "refused", legalBasisIds: ["gdpr-17-3-b"] },
      ],
      closedAt: NOW.toISOString(),
    });
    // The free-text reasons are not copied into the audit event.
    expect(JSON.stringify(r.event)).not.toContain("Arkivplikt");
  });

  it("refusal of every right gives status refused; any right may cite 12(5)", () => {
    const r = applyCommand(
      twoRights("received"),
      {
        type: "decide",
        outcome: "refused",
        perRight: [
          { right: "access", outcome: "refused", legalBasisIds: ["gdpr-12-5"], reasons: "Åpenbart grunnløs." },
          { right: "erasure", outcome: "refused", legalBasisIds: ["gdpr-12-5", "gdpr-17-3-d"], reasons: "Samme." },
        ],
      },
      NOW,
    );
    expect(r.snapshot.status).toBe("refused");
  });

  it("requires an entry for every right of the case", () => {
    expect(
      issuesOf(() =>
        applyCommand(
          twoRights(),
          { type: "decide", outcome: "completed", perRight: [{ right: "access", outcome: "granted", legalBasisIds: [], reasons: "" }] },
          NOW,
        ),
      ),
    ).toEqual([{ right: "erasure", field: "perRight", problem: "missing" }]);
  });

  it("requires a legal basis valid for the right and reasons for refused and partial entries", () => {
    const issues = issuesOf(() =>
      applyCommand(
        twoRights(),
        {
          type: "decide",
          outcome: "refused",
          perRight: [
            { right: "access", outcome: "partially_granted", legalBasisIds: [], reasons: "   " },
            // personopplysningsloven § 16 is an access exception, not an erasure exemption.
            { right: "erasure", outcome: "refused", legalBasisIds: ["popplyl-16-d"], reasons: "Grunn." },
          ],
        },
        NOW,
      ),
    );
    expect(issues).toEqual([
      { right: "access", field: "legalBasisIds", problem: "missing" },
      { right: "access", field: "reasons", problem: "missing" },
      { right: "erasure", field: "legalBasisIds", problem: "invalid" },
    ]);
  });

  it("rejects unknown legal basis ids even on granted entries", () => {
    expect(
      validateDecision(["access"], {
        outcome: "completed",
        perRight: [{ right: "access", outcome: "granted", legalBasisIds: ["gdpr-99"], reasons: "" }],
      }),
    ).toEqual([{ right: "access", field: "legalBasisIds", problem: "invalid" }]);
  });

  it("rejects duplicate and unexpected entries", () => {
    expect(
      validateDecision(["access"], {
        outcome: "completed",
        perRight: [
          { right: "access", outcome: "granted", legalBasisIds: [], reasons: "" },
          { right: "access", outcome: "granted", legalBasisIds: [], reasons: "" },
          { right: "portability", outcome: "granted", legalBasisIds: [], reasons: "" },
        ],
      }),
    ).toEqual([
      { right: "access", field: "perRight", problem: "duplicate" },
      { right: "portability", field: "perRight", problem: "unexpected" },
    ]);
  });

  it("requires the case outcome to match the per-right outcomes", () => {
    const perRight = [
      { right: "access" as const, outcome: "granted" as const, legalBasisIds: [], reasons: "" },
      { right: "erasure" as const, outcome: "refused" as const, legalBasisIds: ["gdpr-17-3-b"], reasons: "Arkiv." },
    ];
    expect(validateDecision(["access", "erasure"], { outcome: "completed", perRight })).toEqual([
      { right: null, field: "outcome", problem: "inconsistent" },
    ]);
    expect(validateDecision(["access", "erasure"], { outcome: "partially_completed", perRight })).toEqual([]);
  });

  it("derives the outcome", () => {
    expect(deriveDecisionOutcome([{ outcome: "granted" }, { outcome: "granted" }])).toBe("completed");
    expect(deriveDecisionOutcome([{ outcome: "refused" }, { outcome: "refused" }])).toBe("refused");
    expect(deriveDecisionOutcome([{ outcome: "granted" }, { outcome: "refused" }])).toBe("partially_completed");
    expect(deriveDecisionOutcome([{ outcome: "partially_granted" }])).toBe("partially_completed");
  });

  it("is refused while awaiting the requester, even when valid", () => {
    expect(errorCodeOf(() => applyCommand(inStatus("awaiting_requester"), VALID_COMMANDS.decide, NOW))).toBe(
      "invalid_transition",
    );
  });
});

function errorOf(fn: () => unknown): { code: string; details: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, details: { ...(e.details ?? {}) } };
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("the pause ends on the date the answer arrived (rule 6)", () => {
  // Received Monday 12 January 2026 (Oslo): raw due date Thursday 12 February 2026, a working day.
  // Paused on Tuesday 20 January at 11:00 Oslo; the caseworker records the answer on Sunday 25 January.
  const received = new Date("2026-01-12T09:00:00Z");
  const pausedAt = new Date("2026-01-20T10:00:00Z");
  const recordedAt = new Date("2026-01-25T10:00:00Z");
  const waiting = snapshot({ receivedAt: received, status: "awaiting_requester", pauses: [{ from: pausedAt, to: null }] });
  const resume = (answeredOn?: string, now = recordedAt) => applyCommand(waiting, { type: "requester_answered", answeredOn }, now);

  it("an answer on the day of the question adds no days", () => {
    const r = resume("2026-01-20");
    expect(r.dueDate).toBe("2026-02-12");
    expect(r.snapshot.status).toBe("in_progress");
    expect(r.snapshot.pauses).toEqual([{ from: pausedAt, to: osloEndOfDay("2026-01-20") }]);
    expect(r.event.after).toMatchObject({ pauseTo: osloEndOfDay("2026-01-20").toISOString(), answeredOn: "2026-01-20", dueDate: "2026-02-12" });
  });

  it("an answer one day later adds one day; two days later lands on a Saturday and moves to Monday", () => {
    expect(resume("2026-01-21").dueDate).toBe("2026-02-13");
    expect(resume("2026-01-22").dueDate).toBe("2026-02-16");
  });

  it("gives exactly computeDeadline's date, and the same as an answer in the portal on that day", () => {
    for (const day of ["2026-01-20", "2026-01-21", "2026-01-22", "2026-01-24", "2026-01-25"]) {
      const viaStaff = resume(day).dueDate;
      const end = day === "2026-01-25" ? recordedAt : osloEndOfDay(day);
      expect(viaStaff, day).toBe(computeDeadline({ receivedAt: received, pauses: [{ from: pausedAt, to: end }] }).dueDate);
      // The citizen's message at noon Oslo time that day (no answeredOn: the pause ends at now).
      const noon = new Date(`${day}T11:00:00Z`);
      expect(viaStaff, day).toBe(applyCommand(waiting, { type: "requester_answered" }, noon).dueDate);
    }
  });

  it("today is the default and ends the pause at now", () => {
    expect(resume(undefined).snapshot.pauses[0]!.to).toEqual(recordedAt);
    expect(resume("2026-01-25").snapshot.pauses[0]!.to).toEqual(recordedAt);
    expect(resume("2026-01-25").dueDate).toBe(resume(undefined).dueDate);
    expect(resume(undefined).dueDate).toBe("2026-02-17"); // 12 Feb + 5 days
  });

  it("refuses a date before the pause started (Oslo date, not UTC)", () => {
    const e = errorOf(() => resume("2026-01-19"));
    expect(e).toEqual({ code: "validation_failed", details: { field: "answeredOn", reason: "before_pause_start", pauseStart: "2026-01-20" } });
    // Paused at 00:30 Oslo on 20 January (still 19 January in UTC): the 19th is before, the 20th is fine.
    const early = snapshot({ receivedAt: received, status: "awaiting_requester", pauses: [{ from: new Date("2026-01-19T23:30:00Z"), to: null }] });
    expect(errorOf(() => applyCommand(early, { type: "requester_answered", answeredOn: "2026-01-19" }, recordedAt)).details.reason).toBe(
      "before_pause_start",
    );
    expect(applyCommand(early, { type: "requester_answered", answeredOn: "2026-01-20" }, recordedAt).dueDate).toBe("2026-02-12");
  });

  it("refuses a date in the future (after today in Oslo)", () => {
    expect(errorOf(() => resume("2026-01-26"))).toEqual({
      code: "validation_failed",
      details: { field: "answeredOn", reason: "in_future", today: "2026-01-25" },
    });
    // 23:30 UTC on 25 January is already 26 January in Oslo: the 26th is today, not the future.
    expect(resume("2026-01-26", new Date("2026-01-25T23:30:00Z")).dueDate).toBe("2026-02-18");
  });

  it("refuses a malformed date", () => {
    for (const bad of ["2026-02-30", "25.01.2026", "", "2026-1-5"]) {
      expect(errorOf(() => resume(bad)).details, bad).toMatchObject({ field: "answeredOn", reason: "invalid" });
    }
  });

  it("answerInstant never ends a pause before it started", () => {
    const late = { from: new Date("2026-01-20T22:30:00Z"), to: null }; // 23:30 Oslo on the 20th
    expect(answerInstant(late, "2026-01-20", recordedAt).getTime()).toBeGreaterThanOrEqual(late.from.getTime());
  });
});

describe("no identity pause after an ID-porten login or an in-person check (rule 6)", () => {
  const ask = (identityLevel: CaseSnapshot["identityLevel"], kind: "identity" | "clarification") =>
    applyCommand(snapshot({ status: "in_progress", identityLevel }), { type: "ask_requester", kind }, NOW);

  it("refuses an identity question for MinID, BankID and in-person levels with a typed error", () => {
    for (const level of ["idporten_substantial", "idporten_high", "verified_in_person"] as const) {
      expect(errorOf(() => ask(level, "identity")), level).toEqual({ code: "identity_pause_not_needed", details: { identityLevel: level } });
      expect(ask(level, "clarification").snapshot.status, level).toBe("awaiting_requester");
    }
  });

  it("allows it for weaker or unknown levels", () => {
    for (const level of ["none", "email_code", undefined] as const) {
      const r = ask(level, "identity");
      expect(r.snapshot.status, String(level)).toBe("awaiting_requester");
      expect(r.event.after.pauseKind).toBe("identity");
    }
  });

  it("askRequesterKindsFor offers the identity question only where it is allowed", () => {
    for (const level of IDENTITY_LEVELS) {
      const strong = level === "idporten_substantial" || level === "idporten_high" || level === "verified_in_person";
      expect(identityPauseAllowed(level), level).toBe(!strong);
      expect(askRequesterKindsFor(level), level).toEqual(strong ? ["clarification"] : ["identity", "clarification"]);
    }
  });
});

describe("decide: a copy of the data, or an explicit \"no data held\" (issue 9)", () => {
  const decide = (rights: Right[], perRight: { right: Right; outcome: "granted" | "partially_granted" | "refused" | "no_data"; legalBasisIds?: string[]; reasons?: string }[], answerFiles?: number) =>
    applyCommand(
      snapshot({ status: "in_progress", rights, answerFiles }),
      {
        type: "decide",
        outcome: deriveDecisionOutcome(perRight),
        perRight: perRight.map((d) => ({ legalBasisIds: [], reasons: "", ...d })),
      },
      NOW,
    );
  const issues = (fn: () => unknown) => {
    try {
      fn();
      return [];
    } catch (e) {
      if (isDomainError(e, "decision_required_fields")) return e.details?.issues as DecisionIssue[];
      throw e;
    }
  };

  it("offers \"no data held\" for access and portability only", () => {
    expect(outcomesFor("access")).toEqual(["granted", "partially_granted", "no_data", "refused"]);
    expect(outcomesFor("portability")).toEqual(["granted", "partially_granted", "no_data", "refused"]);
    for (const right of ["rectification", "erasure", "restriction", "objection"] as const) expect(outcomesFor(right)).not.toContain("no_data");
    expect(issues(() => decide(["rectification"], [{ right: "rectification", outcome: "no_data" }], 1))).toEqual([
      { right: "rectification", field: "outcome", problem: "invalid" },
    ]);
  });

  it.each([
    ["access", "granted"],
    ["access", "partially_granted"],
    ["portability", "granted"],
    ["portability", "partially_granted"],
  ] as const)("%s %s without an answer file is refused; with one it closes the case", (right, outcome) => {
    const basis = outcome === "partially_granted" ? { legalBasisIds: [right === "access" ? "gdpr-15-4" : "gdpr-20-3"], reasons: "Noe holdes tilbake." } : {};
    expect(outcomeNeedsAnswerFile(right, outcome)).toBe(true);
    expect(issues(() => decide([right], [{ right, outcome, ...basis }], 0))).toEqual([{ right, field: "answerFile", problem: "missing" }]);
    expect(issues(() => decide([right], [{ right, outcome, ...basis }], undefined))).toEqual([{ right, field: "answerFile", problem: "missing" }]);
    expect(decide([right], [{ right, outcome, ...basis }], 1).snapshot.status).toBe(outcome === "granted" ? "completed" : "partially_completed");
  });

  it("\"no data held\" needs no file and no legal basis, and answers the request in full", () => {
    const r = decide(["access"], [{ right: "access", outcome: "no_data" }], 0);
    expect(r.snapshot.status).toBe("completed");
    expect(r.event.after).toMatchObject({ outcome: "completed", perRight: [{ right: "access", outcome: "no_data", legalBasisIds: [] }] });
    expect(deriveDecisionOutcome([{ outcome: "no_data" }, { outcome: "granted" }])).toBe("completed");
    expect(deriveDecisionOutcome([{ outcome: "no_data" }, { outcome: "refused" }])).toBe("partially_completed");
  });

  it("a refusal or a right that copies nothing needs no file", () => {
    expect(issues(() => decide(["access"], [{ right: "access", outcome: "refused", legalBasisIds: ["gdpr-12-5"], reasons: "Grunnløs." }], 0))).toEqual([]);
    expect(issues(() => decide(["rectification"], [{ right: "rectification", outcome: "granted" }], 0))).toEqual([]);
    expect(outcomeNeedsAnswerFile("erasure", "granted")).toBe(false);
    expect(outcomeNeedsAnswerFile("access", "no_data")).toBe(false);
  });
});
