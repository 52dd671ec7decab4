// Use cases of the server-side citizen session (citizen_session): start one at sign-in, resolve it on
// every request that needs the citizen, end it at sign-out. The session cookie (citizen-auth.ts)
// only names a row here; a row that is ended or has run out (lib/domain/citizen-session.ts) makes
// that cookie worthless at once, copies included. One row per sign-in, so signing out in one
// browser leaves the citizen's other browsers signed in.
// No Next.js imports: lib/citizen-auth/session.ts reads the cookie and calls resolveCitizenSession.
import { db } from "@/lib/db/client";
import type { CitizenSessionEndReason } from "@/lib/db/generated/client";
import { citizenSessionPurgeBefore, citizenSessionState } from "@/lib/domain/citizen-session";
import { logger } from "@/lib/log";
import type { CitizenLevel, CitizenSession } from "./types";
import type { SignedInIdentity } from "./upsert-identity";
import { isUuid } from "@/lib/domain/uuid";

const isSessionId = isUuid;

type SessionRow = {
  identityId: string;
  method: string;
  level: string;
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  email: string | null;
  name: string | null;
};

function isCitizenMethod(value: string): value is CitizenSession["method"] {
  return value === "idporten" || value === "email_code";
}

function isCitizenLevel(value: string): value is CitizenLevel {
  return value === "email_code" || value === "idporten_substantial" || value === "idporten_high";
}

/**
 * After a successful sign-in: a new session for `identity`, whose id goes into the cookie. If the
 * browser held another session (`replaces`, read from its old cookie), that one is ended in the same
 * transaction, so the cookie it had cannot be used any more either.
 */
export async function startCitizenSession(input: { identity: SignedInIdentity; replaces?: string | null; now?: Date }): Promise<string> {
  const now = input.now ?? new Date();
  const { identityId, method, level } = input.identity;
  const row = await db().$transaction(async (tx) => {
    if (isSessionId(input.replaces)) {
      await tx.citizenSession.updateMany({
        where: { id: input.replaces, endedAt: null },
        data: { endedAt: now, endReason: "replaced" },
      });
    }
    return tx.citizenSession.create({
      data: { identityId, method, level, createdAt: now, lastSeenAt: now },
      select: { id: true },
    });
  });
  return row.id;
}

/**
 * The citizen of session `sessionId`, or null if there is no such session, it belongs to another
 * identity than the cookie says, it was ended, or it has run out. One lookup by primary key (with
 * the identity); `last_seen_at` is written at most once a minute. The level is the one the sign-in
 * proved, read from the row.
 */
export async function resolveCitizenSession(input: { sessionId: unknown; identityId: unknown; now?: Date }): Promise<CitizenSession | null> {
  if (!isSessionId(input.sessionId) || typeof input.identityId !== "string") return null;
  const now = input.now ?? new Date();
  // One round trip: the session and its identity, each by its primary key.
  const [row] = await db().$queryRaw<SessionRow[]>`
    SELECT s.identity_id AS "identityId", s.method::text AS method, s.level::text AS level,
           s.created_at AS "createdAt", s.last_seen_at AS "lastSeenAt", s.ended_at AS "endedAt",
           i.email, i.name
      FROM citizen_session s JOIN citizen_identity i ON i.id = s.identity_id
     WHERE s.id = ${input.sessionId}::uuid`;
  if (!row || row.identityId !== input.identityId) return null;
  const state = citizenSessionState(row, now);
  if (state.status !== "active") return null;
  if (!isCitizenMethod(row.method) || !isCitizenLevel(row.level)) return null;
  if (state.touch) {
    // Only while it is still open: a sign-out that came in between stays ended.
    await db().citizenSession.updateMany({ where: { id: input.sessionId, endedAt: null }, data: { lastSeenAt: now } });
  }
  return {
    sessionId: input.sessionId,
    identityId: row.identityId,
    method: row.method,
    level: row.level,
    email: row.email,
    name: row.name,
  };
}

/** Ends one session (sign-out in this browser). True if it was open until now. Idempotent. */
export async function endCitizenSession(input: { sessionId: unknown; reason?: CitizenSessionEndReason; now?: Date }): Promise<boolean> {
  if (!isSessionId(input.sessionId)) return false;
  const { count } = await db().citizenSession.updateMany({
    where: { id: input.sessionId, endedAt: null },
    data: { endedAt: input.now ?? new Date(), endReason: input.reason ?? "signed_out" },
  });
  if (count > 0) logger.info("citizen_auth.session_ended", { sessionId: input.sessionId, reason: input.reason ?? "signed_out" });
  return count > 0;
}

/** Ends every open session of an identity (e.g. when the portal must sign a citizen out everywhere). */
export async function endAllCitizenSessions(input: { identityId: string; now?: Date }): Promise<number> {
  const { count } = await db().citizenSession.updateMany({
    where: { identityId: input.identityId, endedAt: null },
    data: { endedAt: input.now ?? new Date(), endReason: "revoked" },
  });
  if (count > 0) logger.info("citizen_auth.sessions_revoked", { identityId: input.identityId, count });
  return count;
}

/** Retention: deletes sessions last used more than CITIZEN_SESSION_KEEP_DAYS ago. Returns how many. */
export async function deleteOldCitizenSessions(now: Date): Promise<number> {
  const { count } = await db().citizenSession.deleteMany({ where: { lastSeenAt: { lt: citizenSessionPurgeBefore(now) } } });
  return count;
}
