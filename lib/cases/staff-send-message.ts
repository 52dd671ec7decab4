// Use case: a caseworker sends a secure message to the requester. One transaction: the message,
// its audit event and a "new_message" e-mail in the outbox that says only "you have a new message
// in PV-..." with a link to the case page (never the message itself). On a closed case: during the
// follow-up period or while a follow-up waits; the answer ends the follow-up.
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/config/env";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import { enqueueMail } from "@/lib/mail/outbox";
import { kickOutbox } from "@/lib/mail/outbox-worker";
import { messageBodySchema } from "./message-schema";
import { staffCaseRef } from "./case-access";
import { clearFollowUpInTx, staffMayWriteNow } from "./follow-up";
import { now as clockNow } from "@/lib/clock";

export function myCaseLink(reference: string): string {
  return `${publicUrl()}/my-cases/${reference}`;
}

export async function staffSendMessage(
  actor: Actor,
  input: { reference: string; body: string; now?: Date },
): Promise<{ messageId: string; mailed: boolean }> {
  const visible = await staffCaseRef(actor, input.reference);
  if (!visible || actor.kind !== "staff") throw new DomainError("not_found");
  if (!can(actor, "case.message", visible.ref)) throw new DomainError("forbidden");
  const parsed = messageBodySchema.safeParse(input.body);
  if (!parsed.success) throw new DomainError("validation_failed", { field: "body", message: parsed.error.issues[0]?.message });
  const now = input.now ?? clockNow();
  // A closed case takes an answer during its follow-up period, or while a follow-up waits for one.
  if (!staffMayWriteNow(visible, now)) throw new DomainError("case_closed");

  const to = visible.requester.email ?? visible.requester.identity?.email ?? null;
  const result = await db().$transaction(async (tx) => {
    const message = await tx.message.create({
      data: { caseId: visible.id, kind: "to_requester", authorId: actor.userId, body: parsed.data, createdAt: now },
      select: { id: true },
    });
    await tx.caseEvent.create({
      data: {
        caseId: visible.id,
        at: now,
        actorType: "staff",
        actorId: actor.userId,
        type: "message.to_requester",
        after: { messageId: message.id },
      },
    });
    await clearFollowUpInTx(tx, visible.id, actor, now, "answered");
    if (to) {
      await enqueueMail(tx, {
        to,
        template: "new_message",
        locale: visible.locale,
        params: { reference: visible.reference, link: myCaseLink(visible.reference) },
        caseId: visible.id,
      });
    }
    return { messageId: message.id, mailed: to !== null };
  });
  if (result.mailed) kickOutbox();
  return result;
}
