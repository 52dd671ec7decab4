// Job: the daily digest. Each working-day morning (Oslo), every active staff member with open cases
// assigned to them gets one mail with three counts (open, overdue, due within 7 days) and a link to
// their queue: no references, no names. Exactly once per person and Oslo date: the `staff_digest`
// row and the mail go into the outbox in ONE transaction, and the row's primary key makes a second
// worker or a second run the same day skip the person.
import { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/client";
import { isoDateToDb } from "@/lib/db/dates";
import { publicUrl } from "@/lib/config/env";
import { addDays, osloDateOf } from "@/lib/domain/calendar";
import { OPEN_STATUSES } from "@/lib/domain/case-status";
import { isNonWorkingDay } from "@/lib/domain/holidays";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { logger } from "@/lib/log";
import { now as clockNow } from "@/lib/clock";

/** The digest's "due soon" window, the same as the dashboard's and the first reminder's. */
export const DIGEST_DUE_SOON_DAYS = 7;

export type DigestRunResult = {
  /** False on weekends and Norwegian public holidays: nobody is at work to read it. */
  workingDay: boolean;
  /** Staff members with open cases. */
  recipients: number;
  /** Digests this run recorded and mailed. */
  sent: number;
  /** Digests already sent today by an earlier run or another worker. */
  alreadySent: number;
};

type DigestRow = { user_id: string; email: string; open: number; overdue: number; due_soon: number };

export async function runDailyDigest({ now = clockNow() }: { now?: Date } = {}): Promise<DigestRunResult> {
  const today = osloDateOf(now);
  if (isNonWorkingDay(today)) return { workingDay: false, recipients: 0, sent: 0, alreadySent: 0 };

  // One grouped query for everybody. A paused case's clock is stopped, so it is neither overdue nor
  // due soon while it waits for the requester (as on the dashboard).
  const rows = await db().$queryRaw<DigestRow[]>`
    SELECT u.id AS user_id, u.email,
           count(*)::int AS open,
           count(*) FILTER (WHERE c.status <> 'awaiting_requester' AND c.due_date < ${isoDateToDb(today)})::int AS overdue,
           count(*) FILTER (WHERE c.status <> 'awaiting_requester' AND c.due_date >= ${isoDateToDb(today)}
                              AND c.due_date <= ${isoDateToDb(addDays(today, DIGEST_DUE_SOON_DAYS))})::int AS due_soon
    FROM request_case c
    JOIN staff_user u ON u.id = c.assignee_id
    WHERE c.status::text IN (${Prisma.join([...OPEN_STATUSES])}) AND u.active
    GROUP BY u.id, u.email
    ORDER BY u.id`;

  const result: DigestRunResult = { workingDay: true, recipients: rows.length, sent: 0, alreadySent: 0 };
  const link = `${publicUrl()}/staff?view=mine`;
  for (const row of rows) {
    const sent = await db().$transaction(async (tx) => {
      // ON CONFLICT DO NOTHING: a concurrent insert waits for the other transaction, then counts 0.
      const { count } = await tx.staffDigest.createMany({
        data: [{ userId: row.user_id, digestDate: isoDateToDb(today) }],
        skipDuplicates: true,
      });
      if (count === 0) return false;
      // Staff have no language setting yet: the digest is written in bokmål, like the reminders.
      await enqueueMail(tx, {
        to: row.email,
        template: "daily_digest",
        locale: "nb",
        params: { link, open: row.open, overdue: row.overdue, dueSoon: row.due_soon },
      });
      return true;
    });
    if (sent) result.sent++;
    else result.alreadySent++;
  }
  if (result.sent > 0) {
    logger.info("digest.sent", { date: today, sent: result.sent });
    kickOutbox();
  }
  return result;
}
