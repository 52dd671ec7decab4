// Use case: a staff member marks a follow-up (the requester wrote after closing) as handled without
// writing back, e.g. after a phone call. The same policy as answering (case.message); the mark is
// cleared with an audit event in one transaction.
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import { clearFollowUpInTx } from "./follow-up";
import { staffCaseRef } from "./case-access";
import { now as clockNow } from "@/lib/clock";

/**
 * "Marker som fulgt opp": a staff member who may message the requester closes the follow-up without
 * writing (answered by phone, nothing to answer). Not visible -> not_found; no follow-up -> validation_failed.
 */
export async function markFollowUpHandled(actor: Actor, input: { reference: string; now?: Date }): Promise<void> {
  const visible = await staffCaseRef(actor, input.reference);
  if (!visible || actor.kind !== "staff") throw new DomainError("not_found");
  if (!can(actor, "case.message", visible.ref)) throw new DomainError("forbidden");
  const now = input.now ?? clockNow();
  const done = await db().$transaction((tx) => clearFollowUpInTx(tx, visible.id, actor, now, "handled"));
  if (!done) throw new DomainError("validation_failed", { field: "followUp", reason: "none" });
}

