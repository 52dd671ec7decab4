/**
 * Letters by post (issue 13, item 4): a notice or an answer to a requester who answers by post has
 * only been given when it reaches them, so it must be printed and posted early enough to arrive by
 * the legal date. Posten delivers ordinary letters within a few working days (since 2020 letters
 * are carried every other day); we assume POSTAL_WORKING_DAYS working days, an assumption the
 * README states. Pure: no clock, Oslo calendar dates only.
 */
import { addDays, compareIsoDates, type IsoDate } from "@/lib/domain/calendar";
import { isNonWorkingDay } from "@/lib/domain/holidays";

/** Working days (Monday to Friday, not a Norwegian public holiday) a letter may take to arrive. */
export const POSTAL_WORKING_DAYS = 4;

/**
 * The last working day a letter can be posted and still arrive by `deadline`: `workingDays` working
 * days before it (a letter posted on that day arrives on the deadline at the latest).
 */
export function latestPostingDate(deadline: IsoDate, workingDays: number = POSTAL_WORKING_DAYS): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError("workingDays must be a non-negative integer");
  let day = deadline;
  let left = workingDays;
  while (left > 0) {
    day = addDays(day, -1);
    if (!isNonWorkingDay(day)) left--;
  }
  // Posting itself happens on a working day.
  while (isNonWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/**
 * The date a queued paper letter must reach the requester by, or null when no legal date hangs on
 * it (a receipt). An extension notice must arrive within the first month (Art. 12(3)), so on an
 * extended case a message written on or before the one-month date is held to that date: the
 * earliest date the letter might serve. The answer, and any other letter, the due date in force.
 */
export function paperLetterDeadline(input: {
  kind: "receipt" | "response" | "message";
  createdOn: IsoDate;
  dueDate: IsoDate;
  oneMonthDueDate: IsoDate;
  extended: boolean;
}): IsoDate | null {
  if (input.kind === "receipt") return null;
  if (input.kind === "message" && input.extended && compareIsoDates(input.createdOn, input.oneMonthDueDate) <= 0) return input.oneMonthDueDate;
  return input.dueDate;
}

/** Whether a letter posted (printed) on `postedOn` is too late for `deadline`. */
export function postedTooLate(postedOn: IsoDate, deadline: IsoDate, workingDays: number = POSTAL_WORKING_DAYS): boolean {
  return compareIsoDates(postedOn, latestPostingDate(deadline, workingDays)) > 0;
}
