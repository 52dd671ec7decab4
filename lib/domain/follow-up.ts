/**
 * Follow-up after a case is closed. The response letter tells the requester they can answer in
 * "Mine saker"; so for a period after closing (the municipality's `followUpDays`, 60 by default:
 * two months, ending a month before the case's files are deleted, lib/domain/retention.ts) the
 * requester may still send a message or a file on the
 * closed case. It does not reopen the case: it marks it for follow-up, which staff see in the
 * queue until they answer or mark it handled. Pure: dates in, dates out.
 */
import { addDays, compareIsoDates, osloDateOf, type IsoDate } from "./calendar";
import { isClosed, type CaseStatus } from "./case-status";

/**
 * The default period, in days after the Oslo closing date. Files are deleted 90 days after closing
 * (FILE_RETENTION_DAYS): ending at 60 leaves staff a month to read what came in last.
 */
export const DEFAULT_FOLLOW_UP_DAYS = 60;

/** The last Oslo date the requester may write on a case closed at `closedAt`. */
export function followUpLastDay(closedAt: Date, followUpDays: number = DEFAULT_FOLLOW_UP_DAYS): IsoDate {
  return addDays(osloDateOf(closedAt), followUpDays);
}

/**
 * Whether the requester may still write (message or file) on the case now: always while it is
 * open; after a decision, up to and including the last follow-up day; never after withdrawing.
 */
export function requesterMayWrite(c: { status: CaseStatus; closedAt: Date | null }, now: Date, followUpDays: number = DEFAULT_FOLLOW_UP_DAYS): boolean {
  if (!isClosed(c.status)) return true;
  // A withdrawn case got no answer to follow up: the requester ended it (a new request is the way back).
  if (c.status === "withdrawn" || c.closedAt === null) return false;
  return compareIsoDates(osloDateOf(now), followUpLastDay(c.closedAt, followUpDays)) <= 0;
}

/**
 * Whether staff may write to the requester on the case now: while it is open, during the follow-up
 * period, and while a follow-up the requester sent is still waiting for an answer.
 */
export function staffMayWrite(
  c: { status: CaseStatus; closedAt: Date | null; followUpAt: Date | null },
  now: Date,
  followUpDays: number = DEFAULT_FOLLOW_UP_DAYS,
): boolean {
  return requesterMayWrite(c, now, followUpDays) || c.followUpAt !== null;
}
