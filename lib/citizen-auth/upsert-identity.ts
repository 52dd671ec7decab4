// Use case: record a citizen who has just proven who they are, and return who they are to the session.
// ID-porten identities are found by an HMAC of the fødselsnummer (pid_hash); the number itself is
// stored only encrypted. E-mail-code identities are found by the (lower-cased) address.
// In the same transaction, requesters that have proven to be this person are linked to the identity
// (link-requesters.ts), so requests registered by staff show up on "Mine saker".
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { encryptField, lookupHash, needsReencryption } from "@/lib/crypto/field-encryption";
import { isValidNationalId } from "@/lib/domain/national-id";
import { DomainError } from "@/lib/domain/errors";
import { linkRequestersByEmail, linkRequestersByNationalId } from "./link-requesters";
import type { CitizenLevel, CitizenSession } from "./types";
import { now as clockNow } from "@/lib/clock";

export type SignedInIdentity = Pick<CitizenSession, "identityId" | "method" | "level">;

export const ACR_TO_LEVEL: Readonly<Record<string, "idporten_substantial" | "idporten_high">> = {
  "idporten-loa-substantial": "idporten_substantial",
  "idporten-loa-high": "idporten_high",
};

/** The session level for an ID-porten `acr`, or null if it is not one we accept. */
export function levelForAcr(acr: unknown): "idporten_substantial" | "idporten_high" | null {
  return typeof acr === "string" && Object.hasOwn(ACR_TO_LEVEL, acr) ? ACR_TO_LEVEL[acr]! : null;
}

export function allowSyntheticNationalIdsFromEnv(): boolean {
  return process.env.ALLOW_SYNTHETIC_NATIONAL_IDS === "1";
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Two first sign-ins of the same person at once: the loser of the insert race retries as an update. */
async function withUniqueRetry<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isUniqueViolation(error)) return fn();
    throw error;
  }
}

/** After an ID-porten login: `pid` (fødselsnummer or D-nummer) and `acr` from the id_token. */
export async function upsertIdPortenIdentity(input: { pid: string; acr: string; now?: Date }): Promise<SignedInIdentity> {
  const level = levelForAcr(input.acr);
  if (!level) throw new DomainError("validation_failed", { field: "acr" });
  if (!isValidNationalId(input.pid, { allowSynthetic: allowSyntheticNationalIdsFromEnv() })) {
    throw new DomainError("validation_failed", { field: "pid" });
  }
  // Business time (the link events on the cases): the portal's clock, as every other case event.
  const now = input.now ?? clockNow();
  const pidHash = lookupHash(input.pid);
  const identity = await withUniqueRetry(() =>
    db().$transaction(async (tx) => {
      const existing = await tx.citizenIdentity.findUnique({ where: { pidHash }, select: { id: true, pidEncrypted: true } });
      const row = existing
        ? await tx.citizenIdentity.update({
            where: { id: existing.id },
            data: {
              level,
              lastLoginAt: now,
              // Old key or missing: store it again with the current key.
              ...(!existing.pidEncrypted || needsReencryption(existing.pidEncrypted) ? { pidEncrypted: encryptField(input.pid) } : {}),
            },
            select: { id: true },
          })
        : await tx.citizenIdentity.create({
            data: { method: "idporten", pidHash, pidEncrypted: encryptField(input.pid), level, lastLoginAt: now },
            select: { id: true },
          });
      await linkRequestersByNationalId(tx, { identityId: row.id, pidHash, now });
      return row;
    }),
  );
  return { identityId: identity.id, method: "idporten", level };
}

/** After a correct e-mail code: the verified, lower-cased address. */
export async function upsertEmailIdentity(input: { email: string; now?: Date }): Promise<SignedInIdentity> {
  // Business time (the link events on the cases): the portal's clock, as every other case event.
  const now = input.now ?? clockNow();
  const level: CitizenLevel = "email_code";
  const identity = await withUniqueRetry(() =>
    db().$transaction(async (tx) => {
      const row = await tx.citizenIdentity.upsert({
        where: { email: input.email },
        create: { method: "email_code", email: input.email, level, lastLoginAt: now },
        update: { lastLoginAt: now },
        select: { id: true, method: true },
      });
      // Only an e-mail-code identity proves control of the address (an ID-porten identity's address
      // came from elsewhere).
      if (row.method === "email_code") await linkRequestersByEmail(tx, { identityId: row.id, email: input.email, now });
      return row;
    }),
  );
  return { identityId: identity.id, method: "email_code", level };
}
