// A case that waits for the requester (identity information or a clarification) cannot be decided:
// without the answer the municipality cannot identify the person (Art. 11(2), 12(2)) or tell what
// is asked. After the municipality's period (counted in calendar days from the Oslo date the
// question was sent) the case may be closed as "not processed", with a letter that carries the
// Art. 12(4) complaint information. The requester is warned first: the warning goes out
// WARNING_LEAD_DAYS before the period ends, and the case can be closed no sooner than
// MIN_DAYS_AFTER_WARNING after the warning, even if the warning went out late (a worker was down).
// The period and the two margins are our choice (the GDPR sets none): README, "Legal rules encoded".
import { addDays, compareIsoDates, daysBetween, type IsoDate } from "@/lib/domain/calendar";

/** The shipped period; each municipality can set its own (admin page), within the bounds below. */
export const DEFAULT_UNANSWERED_CLOSE_DAYS = 30;
/** Shorter gives no fair chance to answer; longer keeps dead cases in the queue (a DB CHECK too). */
export const UNANSWERED_CLOSE_DAYS_MIN = 14;
export const UNANSWERED_CLOSE_DAYS_MAX = 365;
/** The warning goes out this many days before the period ends. */
export const WARNING_LEAD_DAYS = 7;
/** At least this many days between the warning and the closing. */
export const MIN_DAYS_AFTER_WARNING = 7;

export function isValidUnansweredCloseDays(days: unknown): days is number {
  return typeof days === "number" && Number.isInteger(days) && days >= UNANSWERED_CLOSE_DAYS_MIN && days <= UNANSWERED_CLOSE_DAYS_MAX;
}

/** The Oslo date the warning is due: WARNING_LEAD_DAYS before the period ends. */
export function unansweredWarningDate(askedOn: IsoDate, periodDays: number): IsoDate {
  return addDays(askedOn, periodDays - WARNING_LEAD_DAYS);
}

/** The first Oslo date the case may be closed: the period is over and the warning is old enough. Null before a warning. */
export function unansweredClosableOn(askedOn: IsoDate, periodDays: number, warnedOn: IsoDate | null): IsoDate | null {
  if (warnedOn === null) return null;
  const periodEnd = addDays(askedOn, periodDays);
  const afterWarning = addDays(warnedOn, MIN_DAYS_AFTER_WARNING);
  return compareIsoDates(periodEnd, afterWarning) >= 0 ? periodEnd : afterWarning;
}

export type UnansweredState =
  /** Still within the period, no warning due yet. */
  | { kind: "waiting"; warningOn: IsoDate; closableOn: IsoDate }
  /** The warning is due (today or earlier) but has not gone out yet. */
  | { kind: "warning_due"; warningOn: IsoDate }
  /** Warned; closable on `closableOn` (which may be today or earlier: then `closable`). */
  | { kind: "warned"; warnedOn: IsoDate; closableOn: IsoDate }
  | { kind: "closable"; warnedOn: IsoDate; closableOn: IsoDate };

/** Where a waiting case stands today, for the case page and the state machine. */
export function unansweredState(input: { askedOn: IsoDate; periodDays: number; warnedOn: IsoDate | null; today: IsoDate }): UnansweredState {
  const { askedOn, periodDays, warnedOn, today } = input;
  const warningOn = unansweredWarningDate(askedOn, periodDays);
  // A warning recorded before this question was asked belongs to an earlier pause.
  const warned = warnedOn !== null && compareIsoDates(warnedOn, askedOn) >= 0 ? warnedOn : null;
  if (warned === null) {
    if (compareIsoDates(today, warningOn) >= 0) return { kind: "warning_due", warningOn };
    return { kind: "waiting", warningOn, closableOn: unansweredClosableOn(askedOn, periodDays, warningOn)! };
  }
  const closableOn = unansweredClosableOn(askedOn, periodDays, warned)!;
  return compareIsoDates(today, closableOn) >= 0 ? { kind: "closable", warnedOn: warned, closableOn } : { kind: "warned", warnedOn: warned, closableOn };
}

/** Days the question has waited (0 on the day it was asked). */
export function daysWaited(askedOn: IsoDate, today: IsoDate): number {
  return Math.max(0, daysBetween(askedOn, today));
}
