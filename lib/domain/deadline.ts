/**
 * GDPR Art. 12(3) due dates, computed per shared/domain/legal-rules.md §1
 * (Regulation 1182/71 Art. 3; same result as domstolloven §§148-149).
 *
 * 1. Receipt date = calendar date of `receivedAt` in Europe/Oslo.
 * 2. Raw due date = receipt date + 1 calendar month (3 when extended), clamped
 *    to the month's last day. The extended date is computed from the receipt
 *    date, never from the already-moved one-month date.
 * 3. Pause days (calendar days between the Oslo dates of each pause's start
 *    and end) are added to the raw due date.
 * 4. The result is moved forward past Saturdays, Sundays and Norwegian public
 *    holidays. The deadline ends at 23:59:59 Oslo time on that day.
 */

import {
  addCalendarMonths,
  addDays,
  assertValidInstant,
  daysBetween,
  osloDateOf,
  weekdayOf,
  type IsoDate,
} from "@/lib/domain/calendar";
import { holidaysOn, isNonWorkingDay, type HolidayName } from "@/lib/domain/holidays";

export interface DeadlinePause {
  from: Date;
  to: Date;
}

export interface DeadlineInput {
  /** Instant of receipt. */
  receivedAt: Date;
  /** Art. 12(3) extension granted. */
  extended?: boolean;
  /** Periods waiting for the requester. */
  pauses?: DeadlinePause[];
}

/** A day skipped when moving the due date forward, with why it was skipped. */
export interface SkippedDay {
  date: IsoDate;
  weekend: "saturday" | "sunday" | null;
  holidays: HolidayName[];
}

export interface DeadlineExplanation {
  /** Oslo calendar date of receipt. */
  receiptDate: IsoDate;
  extended: boolean;
  /** 1 or 3. */
  months: 1 | 3;
  /** receiptDate + months (clamped), before pauses and moves. */
  rawDueDate: IsoDate;
  /** Total pause days added. */
  pauseDays: number;
  /** rawDueDate + pauseDays, before the weekend/holiday move. */
  pausedDueDate: IsoDate;
  /** Last day on time (Oslo calendar date). */
  dueDate: IsoDate;
  /** Days skipped between pausedDueDate and dueDate (empty if not moved). */
  movedBecause: SkippedDay[];
}

function validateInput(input: DeadlineInput): void {
  if (input === null || typeof input !== "object") {
    throw new RangeError("Deadline input must be an object");
  }
  assertValidInstant(input.receivedAt, "receivedAt");
  if (input.pauses !== undefined) {
    if (!Array.isArray(input.pauses)) throw new RangeError("pauses must be an array");
    input.pauses.forEach((p, i) => {
      if (p === null || typeof p !== "object") throw new RangeError(`pauses[${i}] is not an object`);
      assertValidInstant(p.from, `pauses[${i}].from`);
      assertValidInstant(p.to, `pauses[${i}].to`);
      if (p.to.getTime() < p.from.getTime()) {
        throw new RangeError(`pauses[${i}] ends before it starts`);
      }
    });
  }
}

/** Calendar days between the Oslo dates of a pause's start and end. */
export function pauseDaysOf(pause: DeadlinePause): number {
  assertValidInstant(pause.from, "pause.from");
  assertValidInstant(pause.to, "pause.to");
  if (pause.to.getTime() < pause.from.getTime()) throw new RangeError("Pause ends before it starts");
  return daysBetween(osloDateOf(pause.from), osloDateOf(pause.to));
}

/** Full computation with the intermediate steps, for showing caseworkers why a date is what it is. */
export function explainDeadline(input: DeadlineInput): DeadlineExplanation {
  validateInput(input);
  const extended = input.extended === true;
  const months: 1 | 3 = extended ? 3 : 1;
  const receiptDate = osloDateOf(input.receivedAt);
  const rawDueDate = addCalendarMonths(receiptDate, months);
  const pauseDays = (input.pauses ?? []).reduce((sum, p) => sum + pauseDaysOf(p), 0);
  const pausedDueDate = addDays(rawDueDate, pauseDays);

  const movedBecause: SkippedDay[] = [];
  let dueDate = pausedDueDate;
  while (isNonWorkingDay(dueDate)) {
    const wd = weekdayOf(dueDate);
    movedBecause.push({
      date: dueDate,
      weekend: wd === 6 ? "saturday" : wd === 0 ? "sunday" : null,
      holidays: holidaysOn(dueDate),
    });
    dueDate = addDays(dueDate, 1);
  }

  return { receiptDate, extended, months, rawDueDate, pauseDays, pausedDueDate, dueDate, movedBecause };
}

/** The due date ('YYYY-MM-DD', Oslo calendar date): the last day on time. */
export function computeDeadline(input: {
  receivedAt: Date;
  extended?: boolean;
  pauses?: { from: Date; to: Date }[];
}): { dueDate: string } {
  return { dueDate: explainDeadline(input).dueDate };
}

/**
 * The one-month due date (without extension). An extension must be notified
 * to the requester on or before this date.
 */
export function oneMonthDueDate(input: { receivedAt: Date; pauses?: { from: Date; to: Date }[] }): IsoDate {
  const { receivedAt, pauses } = input;
  return computeDeadline(pauses === undefined ? { receivedAt } : { receivedAt, pauses }).dueDate;
}

/** Calendar days from today to the due date: 0 on the due date, negative once overdue. */
export function daysLeft(dueDate: IsoDate, today: IsoDate): number {
  return daysBetween(today, dueDate);
}

/** Overdue once the Oslo calendar date of `now` is after the due date. */
export function isOverdue(dueDate: IsoDate, now: Date): boolean {
  assertValidInstant(now, "now");
  return daysBetween(dueDate, osloDateOf(now)) > 0;
}
