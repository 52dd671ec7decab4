// Job: deadline reminders and escalations (issue 5). One run looks at the open cases that could be
// due for something, asks the pure planner (lib/domain/reminders.ts) which reminders are due today
// (Oslo), and sends each (case, kind, dueDate) exactly once: the `case_reminder` row and the mails
// go into the outbox in ONE transaction, and the row's unique key (case, kind, dueDate) makes a
// second worker (or a second run the same day) skip what is already done. Safe to run as often and
// from as many processes as you like; lib/jobs/job-runner.ts schedules it. Open complaints to the DPO
// get the same treatment against their own deadline.
import { db, type Tx } from "@/lib/db/client";
import { dbDateToIso, isoDateToDb } from "@/lib/db/dates";
import { publicUrl } from "@/lib/config/env";
import { addDays, osloDateOf } from "@/lib/domain/calendar";
import { OPEN_STATUSES } from "@/lib/domain/case-status";
import {
  dueComplaintReminder,
  dueReminders,
  EXTENSION_NOTICE_DAYS,
  ESCALATION_KINDS,
  type ComplaintReminderKind,
  type DueReminder,
} from "@/lib/domain/reminders";
import { enqueueMail, preparedOutboxRow } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import type { MailTemplate } from "@/lib/mail/templates";
import { logger } from "@/lib/log";
import { now as clockNow } from "@/lib/clock";
import { warnUnansweredRequesters } from "./unanswered-warnings";

export type ReminderRunResult = {
  /** Open cases looked at. */
  cases: number;
  /** Reminders this run recorded (and mailed). */
  sent: number;
  /** Reminders already recorded by an earlier run or another worker. */
  alreadySent: number;
  /** Reminders due but with nobody to write to (no active recipient): not recorded, retried next run. */
  noRecipient: number;
  /** Mails put in the outbox. */
  mails: number;
  /** Requesters warned that their unanswered case will close (lib/jobs/unanswered-warnings.ts). */
  requestersWarned?: number;
};

/** Staff have no language setting yet: reminders are written in bokmål. */
const STAFF_LOCALE = "nb";

export function reminderTemplate(kind: DueReminder["kind"]): MailTemplate {
  return ESCALATION_KINDS.includes(kind) ? "escalation" : "deadline_reminder";
}

export function staffCaseLink(reference: string): string {
  return `${publicUrl()}/staff/cases/${reference}`;
}

/**
 * How many candidate cases one step looks at. Memory and the length of each step's transaction stay
 * bounded however many cases are open (50,000 open cases in the 1M-case benchmark).
 */
const CANDIDATE_BATCH = 500;

/** The next batch of open cases (by id, after `afterId`) that can be due for a reminder today, recipients joined in. */
async function loadCandidates(today: string, afterId: string | null, take: number) {
  return db().case.findMany({
    where: {
      ...(afterId ? { id: { gt: afterId } } : {}),
      status: { in: [...OPEN_STATUSES] },
      OR: [
        { dueDate: { lte: isoDateToDb(addDays(today, 7)) } },
        { assigneeId: null },
        { complex: true, extended: false, oneMonthDueDate: { lte: isoDateToDb(addDays(today, EXTENSION_NOTICE_DAYS)) } },
      ],
    },
    select: {
      id: true,
      reference: true,
      municipalityId: true,
      status: true,
      dueDate: true,
      oneMonthDueDate: true,
      extended: true,
      complex: true,
      receivedAt: true,
      assignee: { select: { id: true, email: true, active: true } },
      // What earlier runs recorded: skipped without a transaction (the unique key still decides races).
      reminders: { select: { kind: true, dueDate: true } },
      unit: {
        select: {
          members: {
            where: { user: { active: true, roles: { has: "unit_lead" } } },
            select: { user: { select: { id: true, email: true } } },
          },
        },
      },
    },
    orderBy: { id: "asc" },
    take,
  });
}

type Candidate = Awaited<ReturnType<typeof loadCandidates>>[number];

type PlannedReminder = {
  caseId: string;
  reference: string;
  kind: DueReminder["kind"];
  dueDate: string;
  recipientId: string | null;
  to: string[];
};

async function loadDpoEmails(): Promise<Map<string, string[]>> {
  const dpos = await db().user.findMany({
    where: { active: true, roles: { has: "dpo" }, municipalityId: { not: null } },
    select: { email: true, municipalityId: true },
    orderBy: { email: "asc" },
  });
  const byMunicipality = new Map<string, string[]>();
  for (const d of dpos) {
    const list = byMunicipality.get(d.municipalityId!) ?? [];
    list.push(d.email);
    byMunicipality.set(d.municipalityId!, list);
  }
  return byMunicipality;
}

/** Records the reminder and queues its mails; false when another run already recorded it. */
async function sendOnce(
  tx: Tx,
  input: {
    caseId: string;
    reference: string;
    reminder: { kind: DueReminder["kind"] | ComplaintReminderKind; dueDate: string };
    recipientId: string | null;
    to: string[];
    template: MailTemplate;
    link: string;
  },
): Promise<boolean> {
  // ON CONFLICT DO NOTHING: a concurrent insert waits for the other transaction, then counts 0.
  const { count } = await tx.caseReminder.createMany({
    data: [{ caseId: input.caseId, kind: input.reminder.kind, dueDate: isoDateToDb(input.reminder.dueDate), recipientId: input.recipientId }],
    skipDuplicates: true,
  });
  if (count === 0) return false;
  for (const to of input.to) {
    await enqueueMail(tx, {
      to,
      template: input.template,
      locale: STAFF_LOCALE,
      params: { reference: input.reference, link: input.link },
      caseId: input.caseId,
    });
  }
  return true;
}

/**
 * Open complaints to the DPO near or past their own deadline: the DPO(s) of the municipality are
 * reminded once per complaint, kind and due date (the same once-only row as case reminders).
 */
async function remindComplaints(today: string, dpoEmails: Map<string, string[]>, result: ReminderRunResult) {
  const complaints = await db().dpoComplaint.findMany({
    where: { status: "open", dueDate: { lte: isoDateToDb(addDays(today, 2)) } },
    select: { id: true, caseId: true, dueDate: true, case: { select: { reference: true, municipalityId: true, reminders: { select: { kind: true, dueDate: true } } } } },
    orderBy: { id: "asc" },
  });
  for (const complaint of complaints) {
    const reminder = dueComplaintReminder({ status: "open", dueDate: dbDateToIso(complaint.dueDate) }, today);
    if (!reminder) continue;
    if (complaint.case.reminders.some((r) => r.kind === reminder.kind && dbDateToIso(r.dueDate) === reminder.dueDate)) {
      result.alreadySent++;
      continue;
    }
    const to = dpoEmails.get(complaint.case.municipalityId) ?? [];
    if (to.length === 0) {
      result.noRecipient++;
      logger.warn("reminder.no_recipient", { caseId: complaint.caseId, kind: reminder.kind });
      continue;
    }
    const sent = await db().$transaction((tx) =>
      sendOnce(tx, {
        caseId: complaint.caseId,
        reference: complaint.case.reference,
        reminder,
        recipientId: null,
        to,
        template: "complaint_reminder",
        link: `${publicUrl()}/staff/complaints/${complaint.id}`,
      }),
    );
    if (sent) {
      result.sent++;
      result.mails += to.length;
      logger.info("reminder.sent", { caseId: complaint.caseId, kind: reminder.kind, dueDate: reminder.dueDate, mails: to.length });
    } else {
      result.alreadySent++;
    }
  }
}

/** What is due for one case today and not yet recorded, with its mail addresses. */
function plannedReminders(c: Candidate, today: string, dpoEmails: Map<string, string[]>, result: ReminderRunResult): PlannedReminder[] {
  // A deactivated assignee cannot act on the case: treat it as unassigned.
  const assignee = c.assignee?.active ? c.assignee : null;
  const leads = c.unit?.members.map((m) => m.user) ?? [];
  const emailById = new Map<string, string>(leads.map((u) => [u.id, u.email]));
  if (assignee) emailById.set(assignee.id, assignee.email);

  const due = dueReminders(
    {
      status: c.status,
      dueDate: dbDateToIso(c.dueDate),
      oneMonthDueDate: dbDateToIso(c.oneMonthDueDate),
      extended: c.extended,
      complex: c.complex,
      assigneeId: assignee?.id ?? null,
      unitLeadIds: leads.map((u) => u.id),
      receivedAt: osloDateOf(c.receivedAt),
    },
    today,
  );

  const recorded = new Set(c.reminders.map((r) => `${r.kind}@${dbDateToIso(r.dueDate)}`));
  const planned: PlannedReminder[] = [];
  for (const reminder of due) {
    if (recorded.has(`${reminder.kind}@${reminder.dueDate}`)) {
      result.alreadySent++;
      continue;
    }
    const to = new Set<string>();
    for (const id of reminder.recipients.userIds) {
      const email = emailById.get(id);
      if (email) to.add(email);
    }
    if (reminder.recipients.dpo) for (const email of dpoEmails.get(c.municipalityId) ?? []) to.add(email);
    if (to.size === 0) {
      result.noRecipient++;
      logger.warn("reminder.no_recipient", { caseId: c.id, kind: reminder.kind });
      continue;
    }
    planned.push({
      caseId: c.id,
      reference: c.reference,
      kind: reminder.kind,
      dueDate: reminder.dueDate,
      recipientId: reminder.recipients.userIds[0] ?? null,
      to: [...to],
    });
  }
  return planned;
}

/**
 * Records a batch of reminders and queues their mails in ONE transaction. The unique key decides
 * races with another worker: only the rows this transaction inserted get mails. Rows go in in case
 * order, so two workers on the same batch wait for each other instead of deadlocking.
 */
async function sendBatch(planned: PlannedReminder[], result: ReminderRunResult): Promise<number> {
  const inserted = await db().$transaction(async (tx) => {
    const rows = await tx.caseReminder.createManyAndReturn({
      data: planned.map((p) => ({ caseId: p.caseId, kind: p.kind, dueDate: isoDateToDb(p.dueDate), recipientId: p.recipientId })),
      skipDuplicates: true,
      select: { caseId: true, kind: true, dueDate: true },
    });
    const insertedKeys = new Set(rows.map((r) => `${r.caseId}|${r.kind}|${dbDateToIso(r.dueDate)}`));
    const sent = planned.filter((p) => insertedKeys.has(`${p.caseId}|${p.kind}|${p.dueDate}`));
    const mails = sent.flatMap((p) =>
      p.to.map((to) => {
        const row = preparedOutboxRow({
          to,
          template: reminderTemplate(p.kind),
          locale: STAFF_LOCALE,
          params: { reference: p.reference, link: staffCaseLink(p.reference) },
        });
        return { id: row.id, messageId: row.messageId, toAddress: row.to, template: row.template, locale: row.locale, params: row.params, caseId: p.caseId };
      }),
    );
    if (mails.length > 0) await tx.mailOutbox.createMany({ data: mails });
    return sent;
  });
  result.alreadySent += planned.length - inserted.length;
  for (const p of inserted) {
    result.sent++;
    result.mails += p.to.length;
    logger.info("reminder.sent", { caseId: p.caseId, kind: p.kind, dueDate: p.dueDate, mails: p.to.length });
  }
  return inserted.length;
}

export async function runDeadlineReminders({
  now = clockNow(),
  batchSize = CANDIDATE_BATCH,
}: { now?: Date; /** Tests set a small one to cross batch boundaries. */ batchSize?: number } = {}): Promise<ReminderRunResult> {
  const today = osloDateOf(now);
  const dpoEmails = await loadDpoEmails();
  const result: ReminderRunResult = { cases: 0, sent: 0, alreadySent: 0, noRecipient: 0, mails: 0 };

  for (let afterId: string | null = null; ; ) {
    const cases = await loadCandidates(today, afterId, batchSize);
    if (cases.length === 0) break;
    result.cases += cases.length;
    afterId = cases[cases.length - 1]!.id;
    const planned = cases.flatMap((c) => plannedReminders(c, today, dpoEmails, result));
    // Deliver while the next batch is planned: a long catch-up run does not hold every mail back.
    if (planned.length > 0 && (await sendBatch(planned, result)) > 0) kickOutbox();
    if (cases.length < batchSize) break;
  }
  await remindComplaints(today, dpoEmails, result);
  // Requesters whose case will soon close unanswered: warned once per question (they get mail too).
  const warnings = await warnUnansweredRequesters({ now });
  result.requestersWarned = warnings.warned;
  if (result.mails > 0 || warnings.warned > 0) kickOutbox();
  return result;
}
