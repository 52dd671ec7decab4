// Use case: a caseworker (or unit lead) takes an unassigned case of their unit. Same transaction
// shape as assigning (see assign-case.ts); a case someone else took first -> conflict_stale_version.
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { assignInTx, type AssignResult } from "./assign-case";
import { now as clockNow } from "@/lib/clock";

export async function claimCase(
  actor: Actor,
  input: { caseId: string; expectedVersion?: number; now?: Date },
): Promise<AssignResult> {
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const now = input.now ?? clockNow();
  return db().$transaction((tx) =>
    assignInTx(tx, actor, { caseId: input.caseId, assigneeId: actor.userId, expectedVersion: input.expectedVersion, action: "case.claim", now }),
  );
}
