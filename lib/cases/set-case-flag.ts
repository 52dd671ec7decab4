// The one "set a flag on the case" step of mark-complex.ts and set-special-category.ts: in one
// transaction, the flag with a version bump (optimistic locking) and its audit event.
import { db } from "@/lib/db/client";
import { bumpCaseVersionInTx } from "./case-transition";

export type CaseFlag = "complex" | "specialCategory";

export async function setCaseFlag(input: {
  caseId: string;
  actorId: string;
  flag: CaseFlag;
  value: boolean;
  expectedVersion: number;
  now: Date;
  /** The audit event's type for the new value. */
  eventType: (value: boolean) => string;
  /** Setting the value the case already has changes nothing and writes nothing (no version bump). */
  skipWhenUnchanged: boolean;
}): Promise<{ version: number; changed: boolean }> {
  const { caseId, flag, value } = input;
  return db().$transaction(async (tx) => {
    const current = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { complex: true, specialCategory: true, version: true } });
    if (input.skipWhenUnchanged && current[flag] === value) return { version: current.version, changed: false };
    const version = await bumpCaseVersionInTx(tx, caseId, input.expectedVersion, { [flag]: value });
    await tx.caseEvent.create({
      data: {
        caseId,
        at: input.now,
        actorType: "staff",
        actorId: input.actorId,
        type: input.eventType(value),
        // The special-category mark records what it was before (it protects the citizen); complex
        // has always recorded only the new value.
        ...(flag === "specialCategory" ? { before: { [flag]: current[flag] } } : {}),
        after: { [flag]: value },
      },
    });
    return { version, changed: true };
  });
}
