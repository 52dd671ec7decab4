// Use case: close a case whose requester never answered the question that paused it (issue 13,
// item 2). The caseworker who may decide the case does it (policy action case.decide), only after
// the municipality's period and the warning (lib/domain/unanswered.ts; the worker sends the
// warning: lib/jobs/unanswered-warnings.ts). One transaction: the state machine's
// close_unanswered (status not_processed, the pause closed, audit event case.closed_unanswered),
// and the letter with the reasons and the Art. 12(4) complaint information as a secure message
// (a paper copy for answers by post, a "new message" e-mail with only the reference and a link).
import { db, type Db, type Tx } from "@/lib/db/client";
import { isoDateToDb } from "@/lib/db/dates";
import { osloDateOf } from "@/lib/domain/calendar";
import { isOneOf } from "@/i18n/translator";
import { ASK_REQUESTER_KINDS, type AskRequesterKind } from "@/lib/domain/case-state-machine";
import { DomainError } from "@/lib/domain/errors";
import { isClosed } from "@/lib/domain/case-status";
import type { Actor } from "@/lib/domain/policy";
import { daysWaited, unansweredState, type UnansweredState } from "@/lib/domain/unanswered";
import { municipalityForCase } from "@/lib/admin/profile-contact";
import { renderNotProcessedLetterText } from "@/lib/letters/not-processed-letter";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { messageRequesterInTx } from "./ask-requester";
import { transitionCaseInTx } from "./case-transition";
import { CASE_WORK_ACTIONS, requireCaseAction } from "./case-access";
import { UNANSWERED_WARNING_KIND, unansweredPeriodOf } from "./unanswered-period";
import { now as clockNow } from "@/lib/clock";

export type UnansweredInfo = {
  askedOn: string;
  askKind: AskRequesterKind;
  daysWaited: number;
  periodDays: number;
  warnedAt: Date | null;
  state: UnansweredState;
};

/** Where a waiting case stands (null when it is not waiting for the requester). */
export async function unansweredInfo(client: Db | Tx, c: { id: string; municipalityId: string; status: string }, now: Date): Promise<UnansweredInfo | null> {
  if (c.status !== "awaiting_requester") return null;
  const pause = await client.casePause.findFirst({ where: { caseId: c.id, endedAt: null }, orderBy: { startedAt: "desc" }, select: { startedAt: true, kind: true } });
  if (!pause) return null;
  const askedOn = osloDateOf(pause.startedAt);
  const [period, warning] = await Promise.all([
    unansweredPeriodOf(client, c.municipalityId),
    client.caseReminder.findUnique({
      where: { caseId_kind_dueDate: { caseId: c.id, kind: UNANSWERED_WARNING_KIND, dueDate: isoDateToDb(askedOn) } },
      select: { sentAt: true },
    }),
  ]);
  const today = osloDateOf(now);
  const warnedAt = warning?.sentAt ?? null;
  return {
    askedOn,
    askKind: isOneOf(ASK_REQUESTER_KINDS, pause.kind) ? pause.kind : "clarification",
    daysWaited: daysWaited(askedOn, today),
    periodDays: period.days,
    warnedAt,
    state: unansweredState({ askedOn, periodDays: period.days, warnedOn: warnedAt ? osloDateOf(warnedAt) : null, today }),
  };
}

export async function closeUnansweredCase(actor: Actor, input: { reference: string; expectedVersion: number; now?: Date }): Promise<{ version: number }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.decide);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) throw new DomainError("validation_failed", { field: "version" });
  const now = input.now ?? clockNow();
  const result = await db().$transaction(async (tx) => {
    const info = await unansweredInfo(tx, found, now);
    if (!info) throw new DomainError(isClosed(found.status) ? "case_closed" : "invalid_transition", { status: found.status, command: "close_unanswered" });
    const transition = await transitionCaseInTx(tx, {
      caseId: found.id,
      command: { type: "close_unanswered", periodDays: info.periodDays, warnedAt: info.warnedAt },
      actor: { type: "staff", id: actor.userId },
      expectedVersion: input.expectedVersion,
      now,
    });
    const row = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { receivedAt: true } });
    const text = renderNotProcessedLetterText({
      locale: found.locale,
      municipality: await municipalityForCase(tx, found),
      reference: found.reference,
      requesterName: found.requester.name,
      receivedDate: osloDateOf(row.receivedAt),
      askedOn: info.askedOn,
      askKind: info.askKind,
      warnedOn: osloDateOf(info.warnedAt!),
      closedOn: osloDateOf(now),
      concerns: { onBehalfOf: found.onBehalfOf, subjectName: found.subjectName },
    });
    const sent = await messageRequesterInTx(tx, actor, found, text, now);
    return { version: transition.version, mailed: sent.mailed };
  });
  if (result.mailed) kickOutbox();
  return { version: result.version };
}

