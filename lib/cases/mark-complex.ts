// Use case: mark a case complex (or not). A reminder, not a deadline change: the caseworker must
// still decide on an extension (extend-deadline.ts) on or before the one-month due date.
// One transaction: version bump + the flag + audit event "case.complex_set" / "case.complex_cleared".
import { z } from "zod";
import { isClosed } from "@/lib/domain/case-status";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { versionField } from "./ask-requester";
import { setCaseFlag } from "./set-case-flag";
import { CASE_WORK_ACTIONS, requireCaseAction } from "./case-access";
import { now as clockNow } from "@/lib/clock";

export const complexSchema = z.object({ complex: z.boolean(), version: versionField });

export async function markComplex(
  actor: Actor,
  input: { reference: string; complex: boolean; expectedVersion: number; now?: Date },
): Promise<{ version: number; changed: boolean }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.complex);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = complexSchema.safeParse({ complex: input.complex, version: input.expectedVersion });
  if (!parsed.success) throw new DomainError("validation_failed", { field: "complex" });
  if (isClosed(found.status)) throw new DomainError("case_closed");
  const now = input.now ?? clockNow();
  return setCaseFlag({
    caseId: found.id,
    actorId: actor.userId,
    flag: "complex",
    value: parsed.data.complex,
    expectedVersion: parsed.data.version,
    now,
    eventType: (complex) => (complex ? "case.complex_set" : "case.complex_cleared"),
    skipWhenUnchanged: false,
  });
}
