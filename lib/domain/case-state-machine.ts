/**
 * The case life cycle as a pure reducer: `applyCommand(snapshot, command, now)`
 * either returns the next snapshot, an audit event and the stored due date, or
 * throws a `DomainError`. No I/O, no clock: `now` is always passed in.
 *
 *   received ──start──▶ in_progress ◀──requester_answered── awaiting_requester
 *      │                    │    ▲                                  ▲
 *      │                    │    └────────────ask_requester─────────┤
 *      └──────────────────────────────────────ask_requester─────────┘
 *   received / in_progress ──decide──▶ completed | partially_completed | refused
 *   any open status ──withdraw──▶ withdrawn
 *   any open status ──extend──▶ (same status, extended = true)
 *   any closed status ──reopen──▶ in_progress (unit lead or DPO, with ground and reason)
 *
 * Due dates (legal-rules.md §1):
 * - The **stored** due date (`dueDate` in the result, and in the events) counts
 *   only closed pauses. While the case waits for the requester the real deadline
 *   keeps moving one day per day; it is fixed when the pause closes
 *   (`requester_answered` or `withdraw`). Use `effectiveDueDate` to show the live date.
 * - The **extension guard** counts an open pause up to `now`: a case that has
 *   been waiting for the requester has had its clock stopped, so the one-month
 *   limit for notifying an extension has moved with it.
 * - A pause ends on the Oslo date the answer **arrived** (legal-rules.md §1 rule 6):
 *   `requester_answered` may carry `answeredOn` (an answer by phone or post recorded
 *   later); it must lie between the pause's start date and today.
 * - A request whose requester's identity is already established needs no identity pause
 *   (rule 6): after an ID-porten login, or checked in person at the counter against ID
 *   (issue 13, item 3). `ask_requester` with kind "identity" is refused for those levels.
 * - A **reopened** case (issue 13, item 1) is handled anew: its deadline counts one month from the
 *   instant of reopening (`reopenedAt`, pauses before it no longer count, a new extension may be
 *   notified within that month), unless an order (Datatilsynet, a court) set the date: then
 *   `orderedDueDate` is the due date and cannot be extended.
 */

import { computeDeadline } from "@/lib/domain/deadline";
import { compareIsoDates, isValidIsoDate, osloDateOf, osloEndOfDay, type IsoDate } from "@/lib/domain/calendar";
import { DomainError } from "@/lib/domain/errors";
import { isClosed, type CaseStatus, type DecisionOutcome, type IdentityLevel } from "@/lib/domain/case-status";
import { isLegalBasisId, isLegalBasisValidFor, type Right } from "@/lib/domain/rights";
import { isValidUnansweredCloseDays, unansweredState } from "@/lib/domain/unanswered";

export type CasePause = { from: Date; to: Date | null };

export type CaseSnapshot = {
  status: CaseStatus;
  extended: boolean;
  receivedAt: Date;
  pauses: CasePause[];
  rights: Right[];
  closedAt: Date | null;
  /**
   * How strongly the requester proved who they were when the request was made (Case.identityLevel).
   * Left out = unknown: treated as not strong (an identity pause is allowed).
   */
  identityLevel?: IdentityLevel;
  /**
   * How many answer files (copies of the data, exports) the case holds now. Left out = none: a
   * granted access or portability request cannot be decided without one (see `validateDecision`).
   */
  answerFiles?: number;
  /** When the case was last reopened (Case.reopenedAt); left out / null = never. The deadline counts from here. */
  reopenedAt?: Date | null;
  /** A due date set by an order when the case was reopened ('YYYY-MM-DD'); replaces the computed one. */
  orderedDueDate?: IsoDate | null;
};

/** Why a closed case is opened again (recorded for the DPO's statistics). */
export const REOPEN_GROUNDS = ["complaint", "authority_order", "incomplete_answer", "other"] as const;
export type ReopenGround = (typeof REOPEN_GROUNDS)[number];

/** Minimum length (after trimming) of the reasons for reopening a case. */
export const REOPEN_REASON_MIN_LENGTH = 10;

export const ASK_REQUESTER_KINDS = ["identity", "clarification"] as const;
export type AskRequesterKind = (typeof ASK_REQUESTER_KINDS)[number];

/** Identity levels of a request made after an ID-porten login (MinID, BankID...): no identity pause needed. */
export const STRONG_IDENTITY_LEVELS = ["idporten_substantial", "idporten_high"] as const satisfies readonly IdentityLevel[];

/**
 * Identity levels at which the requester's identity is established: an ID-porten login, or ID
 * checked in person by staff when the request was registered at the counter.
 */
export const IDENTITY_ESTABLISHED_LEVELS = [...STRONG_IDENTITY_LEVELS, "verified_in_person"] as const satisfies readonly IdentityLevel[];

/**
 * Rule 6: an identity pause only where there is reasonable doubt about who asked (Art. 12(6)):
 * never after an ID-porten login or an in-person check.
 */
export function identityPauseAllowed(identityLevel: IdentityLevel | undefined): boolean {
  return identityLevel === undefined || !(IDENTITY_ESTABLISHED_LEVELS as readonly string[]).includes(identityLevel);
}

/** What the caseworker may ask the requester for, given the case's identity level. */
export function askRequesterKindsFor(identityLevel: IdentityLevel | undefined): AskRequesterKind[] {
  return ASK_REQUESTER_KINDS.filter((kind) => kind !== "identity" || identityPauseAllowed(identityLevel));
}

/**
 * Per-right outcomes. `no_data`: the municipality holds no data about the requester (access) or
 * none that they provided (portability): the request is answered in full, with nothing to copy.
 */
export const RIGHT_OUTCOMES = ["granted", "partially_granted", "refused", "no_data"] as const;
export type RightOutcome = (typeof RIGHT_OUTCOMES)[number];

/** The rights whose answer is a copy of the data (Art. 15(3), Art. 20(1)). */
export const COPY_RIGHTS = ["access", "portability"] as const satisfies readonly Right[];

function isCopyRight(right: Right): boolean {
  return (COPY_RIGHTS as readonly Right[]).includes(right);
}

/** The outcomes a decision on `right` may have, in the order the decision form offers them. */
export function outcomesFor(right: Right): RightOutcome[] {
  return isCopyRight(right) ? ["granted", "partially_granted", "no_data", "refused"] : ["granted", "partially_granted", "refused"];
}

/**
 * Whether deciding `right` with `outcome` hands over a copy of the data, so the case must hold an
 * answer file first: a granted (or partly granted) access or portability request whose letter says
 * "you get a copy of what we found".
 */
export function outcomeNeedsAnswerFile(right: Right, outcome: RightOutcome): boolean {
  return isCopyRight(right) && (outcome === "granted" || outcome === "partially_granted");
}

export type RightDecision = {
  right: Right;
  outcome: RightOutcome;
  legalBasisIds: string[];
  reasons: string;
};

export type CaseCommand =
  | { type: "start" }
  | { type: "ask_requester"; kind: AskRequesterKind }
  | {
      type: "requester_answered";
      /**
       * The Oslo date the answer arrived ('YYYY-MM-DD'), when it is recorded later (phone, letter).
       * Left out = now. Not before the Oslo date the pause started, not after today.
       */
      answeredOn?: IsoDate;
    }
  | { type: "extend"; reason: string }
  | { type: "decide"; outcome: DecisionOutcome; perRight: RightDecision[] }
  | { type: "withdraw" }
  | {
      /**
       * Close a case whose requester never answered the question (status not_processed). Only after
       * the municipality's period and a warning (lib/domain/unanswered.ts); the service loads both.
       */
      type: "close_unanswered";
      periodDays: number;
      /** When the requester was warned about this pause (the warning's event), or null. */
      warnedAt: Date | null;
    }
  | {
      type: "reopen";
      ground: ReopenGround;
      reason: string;
      /** A due date an order set ('YYYY-MM-DD', not before today); left out = one month from now. */
      orderedDueDate?: IsoDate;
    };

export type CaseCommandType = CaseCommand["type"];

export const CASE_COMMAND_TYPES = [
  "start",
  "ask_requester",
  "requester_answered",
  "extend",
  "decide",
  "withdraw",
  "close_unanswered",
  "reopen",
] as const satisfies readonly CaseCommandType[];

/** Event types, one per command. */
export const CASE_EVENT_TYPES = {
  start: "case.started",
  ask_requester: "case.requester_asked",
  requester_answered: "case.requester_answered",
  extend: "case.extended",
  decide: "case.decided",
  withdraw: "case.withdrawn",
  close_unanswered: "case.closed_unanswered",
  reopen: "case.reopened",
} as const satisfies Record<CaseCommandType, string>;

export type CaseEventType = (typeof CASE_EVENT_TYPES)[CaseCommandType];

export type CaseEvent = {
  type: CaseEventType;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

export type ApplyResult = {
  snapshot: CaseSnapshot;
  event: CaseEvent;
  /** Stored due date ('YYYY-MM-DD', Oslo): extension flag applied, closed pauses only. */
  dueDate: string;
};

/** Minimum length (after trimming) of the reasons for an extension (Art. 12(3): "together with the reasons"). */
export const EXTENSION_REASON_MIN_LENGTH = 10;

/** Statuses each command may be applied in (for open cases). */
export const COMMAND_FROM: Readonly<Record<CaseCommandType, readonly CaseStatus[]>> = {
  start: ["received"],
  ask_requester: ["received", "in_progress"],
  requester_answered: ["awaiting_requester"],
  extend: ["received", "in_progress", "awaiting_requester"],
  decide: ["received", "in_progress"],
  withdraw: ["received", "in_progress", "awaiting_requester"],
  close_unanswered: ["awaiting_requester"],
  reopen: ["completed", "partially_completed", "refused", "withdrawn", "not_processed"],
};

// ---------------------------------------------------------------------------
// Due dates

function closedPauses(pauses: readonly CasePause[]): { from: Date; to: Date }[] {
  const out: { from: Date; to: Date }[] = [];
  for (const p of pauses) if (p.to !== null) out.push({ from: p.from, to: p.to });
  return out;
}

function pausesUpTo(pauses: readonly CasePause[], now: Date): { from: Date; to: Date }[] {
  // An open pause that (oddly) starts after `now` counts as zero days.
  return pauses.map((p) => ({ from: p.from, to: p.to ?? (now.getTime() < p.from.getTime() ? p.from : now) }));
}

/** Where the clock starts: receipt, or the last reopening. */
export function clockStart(snapshot: CaseSnapshot): Date {
  return snapshot.reopenedAt ?? snapshot.receivedAt;
}

/** The pauses of the current handling: those that started before a reopening no longer count. */
function currentPauses(snapshot: CaseSnapshot): CasePause[] {
  const start = clockStart(snapshot).getTime();
  return snapshot.pauses.filter((p) => p.from.getTime() >= start);
}

/** The stored due date: an ordered date, else extension applied, only closed pauses counted. */
export function storedDueDate(snapshot: CaseSnapshot): string {
  if (snapshot.orderedDueDate) return snapshot.orderedDueDate;
  return computeDeadline({
    receivedAt: clockStart(snapshot),
    extended: snapshot.extended,
    pauses: closedPauses(currentPauses(snapshot)),
  }).dueDate;
}

/** The live due date: an open pause counted up to `now` (an ordered date does not move). */
export function effectiveDueDate(snapshot: CaseSnapshot, now: Date): string {
  if (snapshot.orderedDueDate) return snapshot.orderedDueDate;
  return computeDeadline({
    receivedAt: clockStart(snapshot),
    extended: snapshot.extended,
    pauses: pausesUpTo(currentPauses(snapshot), now),
  }).dueDate;
}

/**
 * The last day an extension may be notified: the one-month due date (never
 * extended), with an open pause counted up to `now`.
 */
export function extensionDeadline(snapshot: CaseSnapshot, now: Date): string {
  return computeDeadline({ receivedAt: clockStart(snapshot), pauses: pausesUpTo(currentPauses(snapshot), now) }).dueDate;
}

/** The one-month date of the current handling (closed pauses only), as stored on the case row. */
export function storedOneMonthDueDate(snapshot: CaseSnapshot): string {
  return computeDeadline({ receivedAt: clockStart(snapshot), pauses: closedPauses(currentPauses(snapshot)) }).dueDate;
}

function openPauseIndex(pauses: readonly CasePause[]): number {
  return pauses.findIndex((p) => p.to === null);
}

function closeOpenPause(pauses: readonly CasePause[], now: Date): CasePause[] {
  return pauses.map((p) => (p.to === null ? { from: p.from, to: now } : { ...p }));
}

/**
 * The instant a pause ends when the answer arrived on `answeredOn`: now if that is today, otherwise
 * the end of that Oslo day (never before the pause's start, as the date is not before its start
 * date). Only the Oslo date counts for the due date (legal-rules.md §1 rule 6).
 */
export function answerInstant(pause: CasePause, answeredOn: IsoDate | undefined, now: Date): Date {
  if (answeredOn === undefined) return now;
  if (typeof answeredOn !== "string" || !isValidIsoDate(answeredOn)) {
    throw new DomainError("validation_failed", { field: "answeredOn", reason: "invalid" });
  }
  const pauseStart = osloDateOf(pause.from);
  const today = osloDateOf(now);
  if (compareIsoDates(answeredOn, pauseStart) < 0) {
    throw new DomainError("validation_failed", { field: "answeredOn", reason: "before_pause_start", pauseStart });
  }
  if (compareIsoDates(answeredOn, today) > 0) {
    throw new DomainError("validation_failed", { field: "answeredOn", reason: "in_future", today });
  }
  if (answeredOn === today) return now;
  const end = osloEndOfDay(answeredOn);
  return end.getTime() < pause.from.getTime() ? pause.from : end;
}

// ---------------------------------------------------------------------------
// Guards

function assertOpen(snapshot: CaseSnapshot, command: CaseCommandType): void {
  if (isClosed(snapshot.status)) {
    throw new DomainError("case_closed", { status: snapshot.status, command });
  }
}

function assertFrom(snapshot: CaseSnapshot, command: CaseCommandType): void {
  if (command === "reopen") {
    if (!isClosed(snapshot.status)) throw new DomainError("invalid_transition", { status: snapshot.status, command });
    return;
  }
  assertOpen(snapshot, command);
  if (!COMMAND_FROM[command].includes(snapshot.status)) {
    throw new DomainError("invalid_transition", { status: snapshot.status, command });
  }
}

function checkExtension(snapshot: CaseSnapshot, now: Date): void {
  if (snapshot.extended) throw new DomainError("extension_already_granted");
  // The order that set the date binds: no Art. 12(3) extension beyond it.
  if (snapshot.orderedDueDate) throw new DomainError("invalid_transition", { status: snapshot.status, command: "extend", reason: "ordered_due_date" });
  const lastDay = extensionDeadline(snapshot, now);
  const today = osloDateOf(now);
  if (compareIsoDates(today, lastDay) > 0) {
    throw new DomainError("extension_too_late", { oneMonthDueDate: lastDay, today });
  }
}

/** The problems each field of a decision can have (`answerFile`: a copy of the data is promised, but the case holds no answer file). */
type DecisionIssueProblems = {
  perRight: "missing" | "duplicate" | "unexpected";
  outcome: "invalid" | "inconsistent";
  legalBasisIds: "missing" | "invalid";
  reasons: "missing";
  answerFile: "missing";
};

export type DecisionIssue = {
  [F in keyof DecisionIssueProblems]: {
    /** null for issues about the decision as a whole. */
    right: Right | null;
    field: F;
    problem: DecisionIssueProblems[F];
  };
}[keyof DecisionIssueProblems];

/** "legalBasisIds.missing": the field and its problem (the message key under caseWork.decide.issues). */
export type DecisionIssueId = { [F in keyof DecisionIssueProblems]: `${F}.${DecisionIssueProblems[F]}` }[keyof DecisionIssueProblems];

export function decisionIssueId(issue: DecisionIssue): DecisionIssueId {
  return `${issue.field}.${issue.problem}` as DecisionIssueId;
}

/** The case outcome implied by the per-right outcomes ("no data" answers a request in full). */
export function deriveDecisionOutcome(perRight: readonly Pick<RightDecision, "outcome">[]): DecisionOutcome {
  if (perRight.length > 0 && perRight.every((d) => d.outcome === "granted" || d.outcome === "no_data")) return "completed";
  if (perRight.length > 0 && perRight.every((d) => d.outcome === "refused")) return "refused";
  return "partially_completed";
}

/** Outcomes that need a legal basis and reasons (Art. 12(4)): not taking (full) action. */
function needsBasis(outcome: RightOutcome): boolean {
  return outcome === "refused" || outcome === "partially_granted";
}

/**
 * Checks a decision against the case's rights. Every right of the case needs
 * exactly one entry with an outcome valid for that right (`outcomesFor`); refused
 * and partially granted entries need at least one legal basis valid for that
 * right and non-empty reasons (Art. 12(4)); any cited legal basis must exist and
 * apply to the right; a granted access or portability right needs an answer file
 * on the case (`answerFiles`, else choose "no data"); the overall outcome must
 * match the per-right outcomes. Returns every issue found (empty = valid).
 */
export function validateDecision(
  rights: readonly Right[],
  command: Pick<Extract<CaseCommand, { type: "decide" }>, "outcome" | "perRight">,
  facts: { answerFiles?: number } = {},
): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  const perRight = Array.isArray(command.perRight) ? command.perRight : [];
  const seen = new Set<Right>();
  for (const entry of perRight) {
    if (!rights.includes(entry.right)) {
      issues.push({ right: entry.right, field: "perRight", problem: "unexpected" });
      continue;
    }
    if (seen.has(entry.right)) {
      issues.push({ right: entry.right, field: "perRight", problem: "duplicate" });
      continue;
    }
    seen.add(entry.right);
    if (!outcomesFor(entry.right).includes(entry.outcome)) {
      issues.push({ right: entry.right, field: "outcome", problem: "invalid" });
      continue;
    }
    const ids = Array.isArray(entry.legalBasisIds) ? entry.legalBasisIds : [];
    if (ids.some((id) => !isLegalBasisId(id) || !isLegalBasisValidFor(id, entry.right))) {
      issues.push({ right: entry.right, field: "legalBasisIds", problem: "invalid" });
    } else if (needsBasis(entry.outcome) && ids.length === 0) {
      issues.push({ right: entry.right, field: "legalBasisIds", problem: "missing" });
    }
    if (needsBasis(entry.outcome) && (typeof entry.reasons !== "string" || entry.reasons.trim() === "")) {
      issues.push({ right: entry.right, field: "reasons", problem: "missing" });
    }
    if (outcomeNeedsAnswerFile(entry.right, entry.outcome) && !((facts.answerFiles ?? 0) > 0)) {
      issues.push({ right: entry.right, field: "answerFile", problem: "missing" });
    }
  }
  for (const right of rights) {
    if (!seen.has(right)) issues.push({ right, field: "perRight", problem: "missing" });
  }
  if (issues.length === 0 && command.outcome !== deriveDecisionOutcome(perRight)) {
    issues.push({ right: null, field: "outcome", problem: "inconsistent" });
  }
  return issues;
}

// ---------------------------------------------------------------------------
// Reducer

function iso(d: Date | null): string | null {
  return d === null ? null : d.toISOString();
}

/** Non-personal summary of a snapshot for audit events. */
function summary(snapshot: CaseSnapshot, dueDate: string): Record<string, unknown> {
  const open = snapshot.pauses.find((p) => p.to === null);
  return {
    status: snapshot.status,
    extended: snapshot.extended,
    dueDate,
    paused: open !== undefined,
    ...(open ? { pauseFrom: iso(open.from) } : {}),
  };
}

/**
 * Applies `command` at instant `now`. Throws `DomainError`:
 * - `case_closed` for any command on a closed case;
 * - `invalid_transition` when the command is not allowed in the current status;
 * - `extension_already_granted`, `extension_reason_required`, `extension_too_late` (extend);
 * - `decision_required_fields` with `details.issues: DecisionIssue[]` (decide);
 * - `identity_pause_not_needed` for an identity question on a request made after an ID-porten login;
 * - `validation_failed` with `details.field = "answeredOn"` (`reason`: invalid, before_pause_start,
 *   in_future) for an answer date outside the pause;
 * - `unanswered_not_closable` (close_unanswered) before the period is over or the requester was
 *   warned, with `details.state` (lib/domain/unanswered.ts) and `closableOn` when known;
 * - `validation_failed` for a malformed command.
 */
export function applyCommand(snapshot: CaseSnapshot, command: CaseCommand, now: Date): ApplyResult {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new DomainError("validation_failed", { field: "now" });
  }
  if (!command || typeof command !== "object" || !(CASE_COMMAND_TYPES as readonly string[]).includes(command.type)) {
    throw new DomainError("validation_failed", { field: "command" });
  }
  assertFrom(snapshot, command.type);

  const beforeDue = storedDueDate(snapshot);
  const before = summary(snapshot, beforeDue);
  let next: CaseSnapshot;
  let extra: Record<string, unknown> = {};

  switch (command.type) {
    case "start":
      next = { ...snapshot, status: "in_progress" };
      break;

    case "ask_requester": {
      if (!(ASK_REQUESTER_KINDS as readonly string[]).includes(command.kind)) {
        throw new DomainError("validation_failed", { field: "kind" });
      }
      if (command.kind === "identity" && !identityPauseAllowed(snapshot.identityLevel)) {
        throw new DomainError("identity_pause_not_needed", { identityLevel: snapshot.identityLevel });
      }
      if (openPauseIndex(snapshot.pauses) !== -1) {
        // Cannot happen from received/in_progress with consistent data; refuse rather than nest pauses.
        throw new DomainError("invalid_transition", { status: snapshot.status, command: command.type });
      }
      next = { ...snapshot, status: "awaiting_requester", pauses: [...snapshot.pauses, { from: now, to: null }] };
      extra = { pauseKind: command.kind };
      break;
    }

    case "requester_answered": {
      const idx = openPauseIndex(snapshot.pauses);
      const open = snapshot.pauses[idx];
      const to = open ? answerInstant(open, command.answeredOn, now) : now;
      next = { ...snapshot, status: "in_progress", pauses: closeOpenPause(snapshot.pauses, to) };
      extra = open ? { pauseFrom: iso(open.from), pauseTo: iso(to), ...(command.answeredOn !== undefined ? { answeredOn: command.answeredOn } : {}) } : {};
      break;
    }

    case "extend": {
      if (snapshot.extended) throw new DomainError("extension_already_granted");
      const reason = typeof command.reason === "string" ? command.reason.trim() : "";
      if (reason.length < EXTENSION_REASON_MIN_LENGTH) {
        throw new DomainError("extension_reason_required", { minLength: EXTENSION_REASON_MIN_LENGTH });
      }
      checkExtension(snapshot, now);
      next = { ...snapshot, extended: true };
      extra = { reason, oneMonthDueDate: extensionDeadline(snapshot, now) };
      break;
    }

    case "decide": {
      if (!(["completed", "partially_completed", "refused"] as const).includes(command.outcome)) {
        throw new DomainError("decision_required_fields", {
          issues: [{ right: null, field: "outcome", problem: "invalid" } satisfies DecisionIssue],
        });
      }
      const issues = validateDecision(snapshot.rights, command, { answerFiles: snapshot.answerFiles });
      if (issues.length > 0) throw new DomainError("decision_required_fields", { issues });
      next = { ...snapshot, status: command.outcome, closedAt: now };
      extra = {
        outcome: command.outcome,
        // Outcome ids and legal bases only: the reasons belong to the decision record, not the audit event.
        perRight: command.perRight.map((d) => ({ right: d.right, outcome: d.outcome, legalBasisIds: [...d.legalBasisIds] })),
      };
      break;
    }

    case "reopen": {
      if (!(REOPEN_GROUNDS as readonly string[]).includes(command.ground)) {
        throw new DomainError("validation_failed", { field: "ground" });
      }
      const reason = typeof command.reason === "string" ? command.reason.trim() : "";
      if (reason.length < REOPEN_REASON_MIN_LENGTH) {
        throw new DomainError("validation_failed", { field: "reason", reason: "too_short", minLength: REOPEN_REASON_MIN_LENGTH });
      }
      const ordered = command.orderedDueDate;
      if (ordered !== undefined) {
        if (typeof ordered !== "string" || !isValidIsoDate(ordered)) {
          throw new DomainError("validation_failed", { field: "orderedDueDate", reason: "invalid" });
        }
        const today = osloDateOf(now);
        if (compareIsoDates(ordered, today) < 0) {
          throw new DomainError("validation_failed", { field: "orderedDueDate", reason: "in_past", today });
        }
      }
      next = {
        ...snapshot,
        status: "in_progress",
        closedAt: null,
        extended: false,
        reopenedAt: now,
        orderedDueDate: ordered ?? null,
        answerFiles: snapshot.answerFiles,
      };
      // The reasons stay on the case row (they may name people); the event carries the ground.
      extra = {
        ground: command.ground,
        reopenedFrom: snapshot.status,
        previousClosedAt: iso(snapshot.closedAt),
        ...(ordered !== undefined ? { orderedDueDate: ordered } : {}),
      };
      break;
    }

    case "close_unanswered": {
      if (!isValidUnansweredCloseDays(command.periodDays)) throw new DomainError("validation_failed", { field: "periodDays" });
      if (command.warnedAt !== null && !(command.warnedAt instanceof Date && !Number.isNaN(command.warnedAt.getTime()))) {
        throw new DomainError("validation_failed", { field: "warnedAt" });
      }
      const open = snapshot.pauses.find((p) => p.to === null);
      if (!open) throw new DomainError("invalid_transition", { status: snapshot.status, command: command.type });
      const askedOn = osloDateOf(open.from);
      const state = unansweredState({
        askedOn,
        periodDays: command.periodDays,
        warnedOn: command.warnedAt ? osloDateOf(command.warnedAt) : null,
        today: osloDateOf(now),
      });
      if (state.kind !== "closable") {
        throw new DomainError("unanswered_not_closable", { state: state.kind, ...("closableOn" in state ? { closableOn: state.closableOn } : {}) });
      }
      next = { ...snapshot, status: "not_processed", pauses: closeOpenPause(snapshot.pauses, now), closedAt: now };
      extra = { pauseFrom: iso(open.from), pauseTo: iso(now), askedOn, warnedOn: state.warnedOn, periodDays: command.periodDays };
      break;
    }

    case "withdraw": {
      const open = snapshot.pauses.find((p) => p.to === null);
      next = { ...snapshot, status: "withdrawn", pauses: closeOpenPause(snapshot.pauses, now), closedAt: now };
      extra = open ? { pauseFrom: iso(open.from), pauseTo: iso(now) } : {};
      break;
    }
  }

  const dueDate = storedDueDate(next);
  const after: Record<string, unknown> = { ...summary(next, dueDate), ...extra };
  if (next.closedAt !== snapshot.closedAt) after.closedAt = iso(next.closedAt);
  return { snapshot: next, event: { type: CASE_EVENT_TYPES[command.type], before, after }, dueDate };
}

/**
 * Commands that can be applied now, for showing only valid actions. `extend` is
 * listed only if not yet extended and still within the one-month limit (the
 * reason is checked when applied); `decide` if the status allows it (content is
 * checked when applied). Empty for closed cases.
 */
export function allowedCommands(snapshot: CaseSnapshot, now: Date): CaseCommandType[] {
  // Reopening is not case work: the case page offers it by permission (unit lead, DPO).
  if (isClosed(snapshot.status)) return [];
  return CASE_COMMAND_TYPES.filter((type) => {
    if (!COMMAND_FROM[type].includes(snapshot.status)) return false;
    if (type === "reopen") return false;
    // Offered by the case page only once the period and the warning allow it (it knows both).
    if (type === "close_unanswered") return false;
    if (type === "extend") {
      try {
        checkExtension(snapshot, now);
      } catch {
        return false;
      }
    }
    return true;
  });
}
