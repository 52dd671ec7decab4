// Use case: the caseworker records (or takes back) that the case's data was not shared with anyone,
// so GDPR Art. 19 has nobody to tell. The response letter then says so instead of claiming or
// promising notices (lib/domain/letters.ts recipientNoticesOf; a notice task, once there is one,
// wins over the record). Same policy as the notice tasks (case.task), on open and closed cases alike
// (the letter usually comes after the decision), not once the case is anonymised.
// One transaction: version bump + no_recipients_at (when, or null) + audit event
// "case.no_recipients_set" / "case.no_recipients_cleared". Recording what is already recorded
// changes nothing and writes nothing.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { versionField } from "./ask-requester";
import { bumpCaseVersionInTx } from "./case-transition";
import { CASE_WORK_ACTIONS, requireCaseAction } from "./case-access";
import { now as clockNow } from "@/lib/clock";

export const noRecipientsSchema = z.object({ noRecipients: z.boolean(), version: versionField });

export async function recordNoRecipients(
  actor: Actor,
  input: { reference: string; noRecipients: boolean; expectedVersion: number; now?: Date },
): Promise<{ version: number; changed: boolean }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.tasks);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = noRecipientsSchema.safeParse({ noRecipients: input.noRecipients, version: input.expectedVersion });
  if (!parsed.success) throw new DomainError("validation_failed", { field: "noRecipients" });
  const { noRecipients, version: expectedVersion } = parsed.data;
  const now = input.now ?? clockNow();
  return db().$transaction(async (tx) => {
    const current = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: { status: true, anonymisedAt: true, noRecipientsAt: true, version: true } });
    if (current.anonymisedAt) throw new DomainError("case_closed", { status: current.status, anonymised: true });
    if ((current.noRecipientsAt !== null) === noRecipients) return { version: current.version, changed: false };
    const version = await bumpCaseVersionInTx(tx, found.id, expectedVersion, { noRecipientsAt: noRecipients ? now : null });
    await tx.caseEvent.create({
      data: {
        caseId: found.id,
        at: now,
        actorType: "staff",
        actorId: actor.userId,
        type: noRecipients ? "case.no_recipients_set" : "case.no_recipients_cleared",
        after: { noRecipients },
      },
    });
    return { version, changed: true };
  });
}
