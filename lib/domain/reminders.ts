/**
 * Deadline reminders: which reminders a case is due for on a given Oslo date. Pure, no I/O.
 *
 * - "due_7": 7 days or less (but more than 2) before the due date in force.
 * - "due_2": 2 days or less before the due date, up to and including the due date itself.
 * - "overdue": the due date has passed (escalation).
 * - "unassigned_3wd": nobody is assigned and at least 3 working days have passed since the Oslo
 *   date of receipt (escalation). Weekends and Norwegian public holidays do not count.
 * - "extension_notice": the case is marked complex, has not been extended, and the one-month date
 *   (the last day to decide on an extension, Art. 12(3)) is 5 days away or less.
 *
 * Recipients: due_7, due_2 and extension_notice go to the assignee, or to the unit leads when nobody
 * is assigned (to the DPO when there is no lead either); overdue and unassigned_3wd escalate to the
 * unit leads and the DPO.
 *
 * Each reminder names the date it is about (`dueDate`): the one-month date for the extension notice,
 * otherwise the due date in force. A job sends each (case, kind, dueDate) once; an extension or a
 * pause gives a new date and so new reminders.
 */
import { addDays, daysBetween, type IsoDate } from "@/lib/domain/calendar";
import { isClosed, type CaseStatus } from "@/lib/domain/case-status";
import { nextWorkingDayOnOrAfter } from "@/lib/domain/holidays";

export const REMINDER_KINDS = ["due_7", "due_2", "overdue", "unassigned_3wd", "extension_notice"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Escalations go to the unit leads and the DPO; the other reminders to the person doing the work. */
export const ESCALATION_KINDS: readonly ReminderKind[] = ["overdue", "unassigned_3wd"];

export const UNASSIGNED_ESCALATION_WORKING_DAYS = 3;
export const EXTENSION_NOTICE_DAYS = 5;

export type ReminderCase = {
  status: CaseStatus;
  /** Due date in force (extension and closed pauses included), Oslo date. */
  dueDate: IsoDate;
  /** The one-month date (closed pauses included), Oslo date. */
  oneMonthDueDate: IsoDate;
  extended: boolean;
  complex: boolean;
  assigneeId: string | null;
  /** Unit leads of the case's unit (empty when the case has no unit or the unit has no lead). */
  unitLeadIds: readonly string[];
  /** Oslo date of receipt. */
  receivedAt: IsoDate;
};

export type ReminderRecipients = {
  /** Staff users to write to (deduplicated). */
  userIds: string[];
  /** Also write to the municipality's data protection officer(s). */
  dpo: boolean;
};

export type DueReminder = {
  kind: ReminderKind;
  /** The date the reminder is about; part of the once-only key (case, kind, dueDate). */
  dueDate: IsoDate;
  recipients: ReminderRecipients;
};

/**
 * Working days after `from` up to and including `to` (0 when `to` <= `from`). The day of receipt
 * itself does not count: received Monday -> Thursday is 3 working days later. Counting stops at
 * `cap` (old cases need not walk their whole history).
 */
export function workingDaysSince(from: IsoDate, to: IsoDate, cap = Number.POSITIVE_INFINITY): number {
  let count = 0;
  let d = nextWorkingDayOnOrAfter(addDays(from, 1));
  while (d <= to && count < cap) {
    count++;
    d = nextWorkingDayOnOrAfter(addDays(d, 1));
  }
  return count;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export function dueReminders(c: ReminderCase, today: IsoDate): DueReminder[] {
  if (isClosed(c.status)) return [];
  const out: DueReminder[] = [];
  // The assignee, else the unit leads; a case without a unit (or a lead) falls to the DPO.
  const workerIds = c.assigneeId ? [c.assigneeId] : unique(c.unitLeadIds);
  const worker: ReminderRecipients = { userIds: workerIds, dpo: workerIds.length === 0 };
  const escalation: ReminderRecipients = { userIds: unique(c.unitLeadIds), dpo: true };

  // While the case waits for the requester its real deadline moves one day per day (the pause is
  // added when it ends): nothing is due or overdue then, as on the dashboard and in the queue.
  const paused = c.status === "awaiting_requester";
  const daysLeft = paused ? Number.POSITIVE_INFINITY : daysBetween(today, c.dueDate);
  if (daysLeft < 0) out.push({ kind: "overdue", dueDate: c.dueDate, recipients: escalation });
  else if (daysLeft <= 2) out.push({ kind: "due_2", dueDate: c.dueDate, recipients: worker });
  else if (daysLeft <= 7) out.push({ kind: "due_7", dueDate: c.dueDate, recipients: worker });

  if (!c.assigneeId && workingDaysSince(c.receivedAt, today, UNASSIGNED_ESCALATION_WORKING_DAYS) >= UNASSIGNED_ESCALATION_WORKING_DAYS) {
    out.push({ kind: "unassigned_3wd", dueDate: c.dueDate, recipients: { userIds: unique(c.unitLeadIds), dpo: true } });
  }

  if (c.complex && !c.extended && !paused) {
    const toOneMonth = daysBetween(today, c.oneMonthDueDate);
    if (toOneMonth >= 0 && toOneMonth <= EXTENSION_NOTICE_DAYS) {
      out.push({ kind: "extension_notice", dueDate: c.oneMonthDueDate, recipients: { ...worker, userIds: [...worker.userIds] } });
    }
  }
  return out;
}

/**
 * Complaints to the DPO have their own deadline (one month, see lib/domain/complaints.ts); the DPO
 * is reminded 2 days before it (up to and including the day) and once more when it has passed.
 */
export const COMPLAINT_REMINDER_KINDS = ["complaint_due_2", "complaint_overdue"] as const;
export type ComplaintReminderKind = (typeof COMPLAINT_REMINDER_KINDS)[number];

export function dueComplaintReminder(
  complaint: { status: "open" | "answered"; dueDate: IsoDate },
  today: IsoDate,
): { kind: ComplaintReminderKind; dueDate: IsoDate } | null {
  if (complaint.status !== "open") return null;
  const daysLeft = daysBetween(today, complaint.dueDate);
  if (daysLeft < 0) return { kind: "complaint_overdue", dueDate: complaint.dueDate };
  if (daysLeft <= 2) return { kind: "complaint_due_2", dueDate: complaint.dueDate };
  return null;
}
