// Follow-up on a closed case (lib/domain/follow-up.ts): the requester writes (a message or a file)
// after the decision, within the municipality's follow-up period. The case stays closed; it is
// marked for follow-up in the same transaction as the message or file, and the caseworker who had
// it (or the unit's mailbox) gets an e-mail with the reference and a link only. Staff clear the mark
// by answering or by marking it handled (audit event either way).
import type { Tx } from "@/lib/db/client";
import { municipalityProfile } from "@/lib/config/municipalities";
import { publicUrl } from "@/lib/config/env";
import { isClosed, type CaseStatus } from "@/lib/domain/case-status";
import { DomainError } from "@/lib/domain/errors";
import { followUpLastDay, requesterMayWrite, staffMayWrite } from "@/lib/domain/follow-up";
import type { IsoDate } from "@/lib/domain/calendar";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";

export type FollowUpCase = { id: string; status: CaseStatus; closedAt: Date | null; municipalityId: string; followUpAt?: Date | null };

function followUpDaysOf(c: Pick<FollowUpCase, "municipalityId">): number {
  return municipalityProfile(c.municipalityId).followUpDays;
}

/** The last day the requester may write on the closed case, or null while it is open. */
export function followUpUntil(c: Pick<FollowUpCase, "status" | "closedAt" | "municipalityId">): IsoDate | null {
  if (!isClosed(c.status) || c.closedAt === null) return null;
  return followUpLastDay(c.closedAt, followUpDaysOf(c));
}

export function requesterMayWriteNow(c: FollowUpCase, now: Date): boolean {
  return requesterMayWrite({ status: c.status, closedAt: c.closedAt }, now, followUpDaysOf(c));
}

/** Throws case_closed when the requester may no longer write on the case (closed and past the period). */
export function assertRequesterMayWrite(c: FollowUpCase, now: Date): void {
  if (!requesterMayWriteNow(c, now)) throw new DomainError("case_closed");
}

export function staffMayWriteNow(c: FollowUpCase, now: Date): boolean {
  return staffMayWrite({ status: c.status, closedAt: c.closedAt, followUpAt: c.followUpAt ?? null }, now, followUpDaysOf(c));
}

/**
 * In the transaction that stores the requester's message or file on a CLOSED case: marks the case
 * for follow-up (the first unanswered time stays) and e-mails staff once per follow-up. Returns
 * whether a mail was queued. Does nothing for an open case.
 */
export async function markFollowUpInTx(tx: Tx, caseId: string, now: Date): Promise<boolean> {
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true,
      reference: true,
      status: true,
      followUpAt: true,
      requesterId: true,
      assignee: { select: { email: true, active: true } },
      unit: { select: { email: true } },
      decisions: { select: { decidedById: true }, orderBy: { decidedAt: "desc" }, take: 1 },
    },
  });
  if (!isClosed(c.status) || c.followUpAt !== null) return false;
  await tx.case.update({ where: { id: c.id }, data: { followUpAt: now } });
  await tx.caseEvent.create({
    data: { caseId: c.id, at: now, actorType: "citizen", actorId: c.requesterId, type: "case.follow_up_received", after: { followUpAt: now.toISOString() } },
  });
  // Whoever had the case: its assignee, else the caseworker who decided it, else the unit's mailbox.
  const decider = c.decisions[0] ? await tx.user.findUnique({ where: { id: c.decisions[0].decidedById }, select: { email: true, active: true } }) : null;
  const to = c.assignee?.active ? c.assignee.email : decider?.active ? decider.email : (c.unit?.email ?? null);
  if (!to) return false;
  await enqueueMail(tx, { to, template: "follow_up", locale: "nb", params: { reference: c.reference, link: `${publicUrl()}/staff/cases/${c.reference}` }, caseId: c.id });
  return true;
}

/** In a staff member's transaction that answers the requester: the follow-up is done. */
export async function clearFollowUpInTx(tx: Tx, caseId: string, actor: { userId: string }, now: Date, how: "answered" | "handled"): Promise<boolean> {
  const cleared = await tx.case.updateMany({ where: { id: caseId, followUpAt: { not: null } }, data: { followUpAt: null } });
  if (cleared.count === 0) return false;
  await tx.caseEvent.create({ data: { caseId, at: now, actorType: "staff", actorId: actor.userId, type: "case.follow_up_done", after: { how } } });
  return true;
}

/** After a follow-up mail was queued: deliver it soon. */
export function kickFollowUpMail(queued: boolean): void {
  if (queued) kickOutbox();
}
