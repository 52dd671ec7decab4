// Use case: the caseworker records (or takes back) that the case's data was not shared with anyone,
// so GDPR Art. 19 has nobody to tell. The response letter then says so instead of claiming or
// promising notices (lib/domain/letters.ts recipientNoticesOf; a notice task, once there is one,
// wins over the record). Same policy as the notice tasks (case.task), on open and closed cases alike
// (the letter usually comes after the decision), not once the case is anonymised.
// One transaction: version bump + the flag + audit event "case.no_recipients_set" / "..._cleared".
import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { versionField } from "./ask-requester";
import { setCaseFlag } from "./set-case-flag";
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
  const current = await db().case.findUniqueOrThrow({ where: { id: found.id }, select: { anonymisedAt: true } });
  if (current.anonymisedAt) throw new DomainError("case_closed", { status: found.status, anonymised: true });
  return setCaseFlag({
    caseId: found.id,
    actorId: actor.userId,
    flag: "noRecipients",
    value: parsed.data.noRecipients,
    expectedVersion: parsed.data.version,
    now: input.now ?? clockNow(),
    eventType: (value) => (value ? "case.no_recipients_set" : "case.no_recipients_cleared"),
    skipWhenUnchanged: true,
  });
}
