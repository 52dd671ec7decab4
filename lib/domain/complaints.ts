/**
 * Complaints to the data protection officer ("klage til personvernombudet", GDPR art. 38(4)):
 * the pure rules. No database, no framework.
 *
 * - A complaint's text is 10 to 4000 characters after trimming.
 * - A case has at most one open complaint at a time; once it is answered, a new one may be filed.
 * - Its due date follows the same one-month rule as a request (art. 12(3), see deadline.ts): the law
 *   sets no deadline for the DPO, but the citizen should be answered as fast as the request itself was
 *   to be answered, and one rule is easier to explain than two.
 */
import { daysBetween, osloDateOf, type IsoDate } from "./calendar";
import { computeDeadline } from "./deadline";

export const COMPLAINT_BODY_MIN = 10;
export const COMPLAINT_BODY_MAX = 4000;

export const COMPLAINT_STATUSES = ["open", "answered"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export type ComplaintBodyProblem = "empty" | "tooShort" | "tooLong";

/** What is wrong with a complaint text (after trimming), or null when it can be filed. */
export function complaintBodyProblem(raw: string): ComplaintBodyProblem | null {
  const text = raw.trim();
  if (text.length === 0) return "empty";
  if (text.length < COMPLAINT_BODY_MIN) return "tooShort";
  if (text.length > COMPLAINT_BODY_MAX) return "tooLong";
  return null;
}

/** True when a new complaint may be filed on a case whose complaints have these statuses. */
export function mayFileComplaint(existing: readonly { status: ComplaintStatus }[]): boolean {
  return !existing.some((c) => c.status === "open");
}

/** The complaint's due date (Oslo calendar date): the same one-month rule as a request's. */
export function complaintDueDate(receivedAt: Date): IsoDate {
  return computeDeadline({ receivedAt }).dueDate;
}

/** Calendar days from today to the due date: 0 on the due date, negative once overdue. */
export function complaintDaysLeft(dueDate: IsoDate, now: Date): number {
  return daysBetween(osloDateOf(now), dueDate);
}

/** An open complaint is overdue once the Oslo date of `now` is after its due date; an answered one never. */
export function isComplaintOverdue(c: { status: ComplaintStatus; dueDate: IsoDate }, now: Date): boolean {
  return c.status === "open" && complaintDaysLeft(c.dueDate, now) < 0;
}

/**
 * The order the DPO works in: open complaints first, earliest due date first; then answered ones,
 * most recently answered first. Ties by id, so the order is stable.
 */
export function compareComplaints(
  a: { id: string; status: ComplaintStatus; dueDate: IsoDate; answeredAt: Date | null },
  b: { id: string; status: ComplaintStatus; dueDate: IsoDate; answeredAt: Date | null },
): number {
  if (a.status !== b.status) return a.status === "open" ? -1 : 1;
  if (a.status === "open") {
    if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  } else {
    const at = a.answeredAt?.getTime() ?? 0;
    const bt = b.answeredAt?.getTime() ?? 0;
    if (at !== bt) return bt - at;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
