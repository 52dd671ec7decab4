// Use case: the data protection officer answers a complaint. Only someone with "complaint.handle"
// (the DPO); anyone else is told the complaint does not exist. The DPO may not send ordinary case
// messages (the policy's "case.message" is the unit's), but the answer to a complaint reaches the
// requester as a secure message on the case, through this service only.
//
// One transaction: the complaint marked answered (only if still open, so two answers cannot both
// win), the secure message, the audit event ("complaint.answered", ids only) and a
// "complaint_answered" e-mail (reference and link only) to the requester if they have an e-mail.
// A requester who chose answers by post also gets the answer as a letter in the print queue (same
// transaction, lib/letters/message-letter.ts).
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { myCaseLink } from "@/lib/cases/staff-send-message";
import { MESSAGE_TARGET_SELECT } from "@/lib/cases/ask-requester";
import { complaintAnswerSchema } from "./complaint-schema";
import { queuePaperCopyInTx } from "@/lib/letters/message-letter";
import { now as clockNow } from "@/lib/clock";
import { isUuid } from "@/lib/domain/uuid";


export async function answerComplaint(
  actor: Actor,
  input: { complaintId: string; answer: string; now?: Date },
): Promise<{ messageId: string; mailed: boolean }> {
  if (actor.kind !== "staff" || !can(actor, "complaint.handle") || !isUuid(input.complaintId)) {
    throw new DomainError("not_found");
  }
  const parsed = complaintAnswerSchema.safeParse(input.answer);
  if (!parsed.success) throw new DomainError("validation_failed", { field: "answer", message: parsed.error.issues[0]?.message });
  const complaint = await db().dpoComplaint.findUnique({
    where: { id: input.complaintId },
    select: {
      id: true,
      status: true,
      case: { select: MESSAGE_TARGET_SELECT },
    },
  });
  if (!complaint) throw new DomainError("not_found");
  if (complaint.status !== "open") throw new DomainError("invalid_transition", { reason: "complaint_already_answered" });

  const now = input.now ?? clockNow();
  const c = complaint.case;
  const to = c.requester.email ?? c.requester.identity?.email ?? null;
  const result = await db().$transaction(async (tx) => {
    const { count } = await tx.dpoComplaint.updateMany({
      where: { id: complaint.id, status: "open" },
      data: { status: "answered", answer: parsed.data, answeredAt: now, answeredById: actor.userId },
    });
    if (count !== 1) throw new DomainError("invalid_transition", { reason: "complaint_already_answered" });
    const message = await tx.message.create({
      data: { caseId: c.id, kind: "to_requester", authorId: actor.userId, body: parsed.data, createdAt: now },
      select: { id: true },
    });
    await tx.caseEvent.create({
      data: {
        caseId: c.id,
        at: now,
        actorType: "staff",
        actorId: actor.userId,
        type: "complaint.answered",
        after: { complaintId: complaint.id, answerMessageId: message.id },
      },
    });
    // A requester who answers by post gets the DPO's answer as a letter too.
    await queuePaperCopyInTx(tx, c, { body: parsed.data, staffUserId: actor.userId, now });
    if (to) {
      await enqueueMail(tx, {
        to,
        template: "complaint_answered",
        locale: c.locale,
        params: { reference: c.reference, link: myCaseLink(c.reference) },
        caseId: c.id,
      });
    }
    return { messageId: message.id, mailed: to !== null };
  });
  if (result.mailed) kickOutbox();
  return result;
}
