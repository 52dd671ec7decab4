// Use case: a caseworker marks a case as holding special-category data (GDPR Art. 9: health,
// ethnicity, religion, ...), or clears the mark. On a marked case the citizen must sign in with
// ID-porten at level high to read its messages, files and complaints (citizen-get-case.ts).
// Policy "case.special_category" (the case's caseworkers and unit lead; the DPO reads only). Closed
// cases may be marked too: the mark protects the citizen for as long as the case can be read.
// One transaction: version bump (optimistic locking) + the flag + audit event
// "case.special_category_set" with the flag before and after. Setting the value it already has
// changes nothing and writes nothing.
import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { versionField } from "./ask-requester";
import { setCaseFlag } from "./set-case-flag";
import { CASE_WORK_ACTIONS, requireCaseAction } from "./case-access";
import { now as clockNow } from "@/lib/clock";

export const specialCategorySchema = z.object({ specialCategory: z.boolean(), version: versionField });

export async function setSpecialCategory(
  actor: Actor,
  input: { reference: string; specialCategory: boolean; expectedVersion: number; now?: Date },
): Promise<{ version: number; changed: boolean }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.specialCategory);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = specialCategorySchema.safeParse({ specialCategory: input.specialCategory, version: input.expectedVersion });
  if (!parsed.success) throw new DomainError("validation_failed", { field: String(parsed.error.issues[0]?.path[0] ?? "specialCategory") });
  const now = input.now ?? clockNow();
  return setCaseFlag({
    caseId: found.id,
    actorId: actor.userId,
    flag: "specialCategory",
    value: parsed.data.specialCategory,
    expectedVersion: parsed.data.version,
    now,
    eventType: () => "case.special_category_set",
    skipWhenUnchanged: true,
  });
}
