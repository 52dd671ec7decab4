// Use case: a staff member shows the full national id (fødselsnummer / D-nummer) of the requester or
// of the person the request is about, on the staff case page. Need-to-know: everyone who may see the
// case (policy "case.view": its caseworkers, the unit lead, the DPO) may read it, and every reading is
// logged. One transaction: read the ciphertext + append the audit event "case.national_id_viewed"
// (who and whose number, never the number). Not visible -> not_found (404). Nothing is changed on the
// case, so its version stays (a reading does not make other people's open forms stale).
import { db } from "@/lib/db/client";
import { decryptField } from "@/lib/crypto/field-encryption";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import { NATIONAL_ID_SELECT, nationalIdCiphertext, type NationalIdOf } from "./staff-request-details";
import { staffCaseRef } from "./case-access";
import { now as clockNow } from "@/lib/clock";

export const NATIONAL_ID_OF = ["requester", "subject"] as const satisfies readonly NationalIdOf[];

export function isNationalIdOf(value: unknown): value is NationalIdOf {
  return typeof value === "string" && (NATIONAL_ID_OF as readonly string[]).includes(value);
}

/**
 * The full number, or null when the case holds none for `of` (then nothing is logged).
 * Throws not_found when the actor may not see the case.
 */
export async function revealNationalId(
  actor: Actor,
  input: { reference: string; of: NationalIdOf; now?: Date },
): Promise<string | null> {
  if (!isNationalIdOf(input.of)) throw new DomainError("validation_failed", { field: "of" });
  const found = await staffCaseRef(actor, input.reference);
  if (!found || actor.kind !== "staff" || !can(actor, "case.view", found.ref)) throw new DomainError("not_found");
  const now = input.now ?? clockNow();
  return db().$transaction(async (tx) => {
    const c = await tx.case.findUniqueOrThrow({ where: { id: found.id }, select: NATIONAL_ID_SELECT });
    const stored = nationalIdCiphertext(c, input.of);
    if (!stored) return null;
    // Decrypt before logging: an unreadable number (lost key) throws and logs no viewing.
    const number = decryptField(stored.ciphertext);
    await tx.caseEvent.create({
      data: {
        caseId: found.id,
        at: now,
        actorType: "staff",
        actorId: actor.userId,
        type: "case.national_id_viewed",
        after: { nationalIdOf: input.of, source: stored.source },
      },
    });
    return number;
  });
}
