// The national id a citizen proved with ID-porten, masked for showing ("010190*****"). The request
// form uses it instead of a typed number: for someone signed in with ID-porten, their own number is
// the session's pid (submit-request.ts stores the pid, whatever was typed).
import { db } from "@/lib/db/client";
import { decryptField } from "@/lib/crypto/field-encryption";
import { maskNationalId } from "@/lib/domain/national-id";
import { logger } from "@/lib/log";

/** Masked pid of an ID-porten identity; null for e-mail-code identities or an unreadable number. */
export async function maskedIdPortenNationalId(identityId: string | null | undefined): Promise<string | null> {
  if (!identityId) return null;
  const identity = await db().citizenIdentity.findUnique({ where: { id: identityId }, select: { method: true, pidEncrypted: true } });
  if (identity?.method !== "idporten" || !identity.pidEncrypted) return null;
  try {
    return maskNationalId(decryptField(identity.pidEncrypted));
  } catch (error) {
    logger.warn("citizen.pid_unreadable", { error: (error as Error).name });
    return null;
  }
}
