// How long a citizen's sign-in lasts (citizen_session, lib/citizen-auth/citizen-session.ts).
// Pure: no database, no Next.js.
//
// - Idle: 30 minutes without a request that resolves the citizen ends it. (Before this row the
//   cookie's JWT simply expired 30 minutes after sign-in, busy or not: next-auth never renewed it.)
// - Absolute: 120 minutes after signing in it ends however busy it is, so a copied cookie cannot be
//   kept alive by using it. The cookie itself expires then too (citizen-auth.ts). The same limits as
//   ID-porten's own single sign-on session (30 minutes, extended up to 120 at most).
// - Ended: "Logg ut", a new sign-in in the same browser, or the portal ending it; at once.
// To keep the check cheap, the time last seen is written at most once a minute, so an idle session
// may end up to a minute before 30 minutes after its very last request.

export const CITIZEN_SESSION_IDLE_MS = 30 * 60_000;
export const CITIZEN_SESSION_ABSOLUTE_MS = 120 * 60_000;
/** `last_seen_at` is written again only when it is at least this old. */
export const CITIZEN_SESSION_TOUCH_MS = 60_000;
/** Rows (the record of sign-ins) are deleted this long after the session was last used. */
export const CITIZEN_SESSION_KEEP_DAYS = 30;

const DAY_MS = 86_400_000;

export type CitizenSessionTimes = {
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
};

export type CitizenSessionState =
  | { status: "active"; /** Write `last_seen_at = now`. */ touch: boolean }
  | { status: "ended" }
  | { status: "idle_expired" }
  | { status: "absolute_expired" };

/** Whether a session may be used at `now`, and whether its last-seen time should be written. */
export function citizenSessionState(session: CitizenSessionTimes, now: Date): CitizenSessionState {
  if (session.endedAt) return { status: "ended" };
  const t = now.getTime();
  if (t - session.createdAt.getTime() >= CITIZEN_SESSION_ABSOLUTE_MS) return { status: "absolute_expired" };
  if (t - session.lastSeenAt.getTime() >= CITIZEN_SESSION_IDLE_MS) return { status: "idle_expired" };
  return { status: "active", touch: t - session.lastSeenAt.getTime() >= CITIZEN_SESSION_TOUCH_MS };
}

/** Sessions last used before this moment are deleted (retention housekeeping). */
export function citizenSessionPurgeBefore(now: Date): Date {
  return new Date(now.getTime() - CITIZEN_SESSION_KEEP_DAYS * DAY_MS);
}
