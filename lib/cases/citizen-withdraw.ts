// Use case: the citizen withdraws their own request. The "withdraw" command closes the case
// (status withdrawn, closedAt, any open pause closed) with its audit event, in one transaction.
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { can } from "@/lib/domain/policy";
import { findOwnedCase } from "./citizen-get-case";
import { transitionCaseInTx } from "./case-transition";

export async function citizenWithdraw(input: { identityId: string; reference: string; now?: Date }): Promise<void> {
  await db().$transaction(async (tx) => {
    const owned = await findOwnedCase(tx, input.identityId, input.reference);
    if (!owned) throw new DomainError("not_found");
    const actor = { kind: "citizen" as const, requesterId: owned.requesterId };
    if (!can(actor, "case.withdraw", { unitId: null, requesterId: owned.requesterId, assigneeId: null })) {
      throw new DomainError("not_found");
    }
    await transitionCaseInTx(tx, {
      caseId: owned.id,
      command: { type: "withdraw" },
      actor: { type: "citizen", id: owned.requesterId },
      expectedVersion: owned.version,
      now: input.now,
    });
  });
}
