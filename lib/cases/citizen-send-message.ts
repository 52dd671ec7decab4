// Use case: the citizen sends a secure message on their own case. One transaction: the message,
// its audit event and, when the case was waiting for the requester, the "requester_answered"
// transition (closes the pause, status back to in_progress, due date moved by the pause days).
// On a closed case within the follow-up period (lib/domain/follow-up.ts) the message marks the case
// for follow-up instead; after the period the case takes no messages (case_closed).
import { db } from "@/lib/db/client";
import { enforceRateLimit } from "@/lib/abuse";
import { DomainError } from "@/lib/domain/errors";
import { assertCitizenMayMessage, findOwnedCase } from "./citizen-get-case";
import type { CitizenLevel } from "@/lib/citizen-auth/types";
import { assertRequesterMayWrite, kickFollowUpMail, markFollowUpInTx } from "./follow-up";
import { resumeOnRequesterAnswerInTx } from "./requester-answered";
import { messageBodySchema } from "./message-schema";
import { now as clockNow } from "@/lib/clock";

export async function citizenSendMessage(input: {
  identityId: string;
  /** How strongly this sign-in proved who they are (special-category cases need ID-porten high). */
  level?: CitizenLevel;
  reference: string;
  body: string;
  now?: Date;
}): Promise<{ messageId: string; answered: boolean; followUp: boolean }> {
  const parsed = messageBodySchema.safeParse(input.body);
  if (!parsed.success) throw new DomainError("validation_failed", { field: "body", message: parsed.error.issues[0]?.message });
  const now = input.now ?? clockNow();
  const existing = await findOwnedCase(db(), input.identityId, input.reference);
  if (!existing) throw new DomainError("not_found");
  assertCitizenMayMessage(existing, input.level);
  assertRequesterMayWrite(existing, now);
  await enforceRateLimit("message_identity", input.identityId);

  let mailed = false;
  const result = await db().$transaction(async (tx) => {
    const owned = await findOwnedCase(tx, input.identityId, input.reference);
    if (!owned) throw new DomainError("not_found");
    assertCitizenMayMessage(owned, input.level);
    assertRequesterMayWrite(owned, now);
    const message = await tx.message.create({
      data: { caseId: owned.id, kind: "from_requester", authorId: owned.requesterId, body: parsed.data, createdAt: now },
      select: { id: true },
    });
    await tx.caseEvent.create({
      data: {
        caseId: owned.id,
        at: now,
        actorType: "citizen",
        actorId: owned.requesterId,
        type: "message.from_requester",
        after: { messageId: message.id },
      },
    });
    const answered = await resumeOnRequesterAnswerInTx(tx, owned, now);
    mailed = await markFollowUpInTx(tx, owned.id, now);
    return { messageId: message.id, answered, followUp: owned.closedAt !== null };
  });
  kickFollowUpMail(mailed);
  return result;
}
