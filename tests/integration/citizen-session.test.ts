// The server-side citizen session (lib/citizen-auth/citizen-session.ts) against the real database:
// the resolver that every citizen request goes through refuses a session that was signed out,
// replaced, revoked, idle for 30 minutes or 120 minutes old; one browser's sign-out leaves the
// citizen's other sessions alone; the database refuses rows that make no sense; retention deletes
// the record of a sign-in 30 days after it was last used.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import {
  deleteOldCitizenSessions,
  endAllCitizenSessions,
  endCitizenSession,
  resolveCitizenSession,
  startCitizenSession,
} from "@/lib/citizen-auth/citizen-session";
import { upsertEmailIdentity } from "@/lib/citizen-auth/upsert-identity";
import { housekeeping } from "@/lib/jobs/retention";

afterAll(async () => {
  await disconnectDb();
});

const MIN = 60_000;

async function newIdentity() {
  const email = `session-${randomUUID()}@example.test`;
  return { email, identity: await upsertEmailIdentity({ email }) };
}

async function sessionRow(id: string) {
  return db().citizenSession.findUniqueOrThrow({ where: { id } });
}

describe("resolveCitizenSession", () => {
  it("a fresh sign-in resolves to its citizen, with the level the row holds", async () => {
    const { email, identity } = await newIdentity();
    const sessionId = await startCitizenSession({ identity });
    const citizen = await resolveCitizenSession({ sessionId, identityId: identity.identityId });
    expect(citizen).toEqual({ sessionId, identityId: identity.identityId, method: "email_code", level: "email_code", email, name: null });
    expect(await sessionRow(sessionId)).toMatchObject({ identityId: identity.identityId, method: "email_code", level: "email_code", endedAt: null, endReason: null });
  });

  it("a signed-out session is refused at once; signing out twice is harmless; a new sign-in works", async () => {
    const { identity } = await newIdentity();
    const sessionId = await startCitizenSession({ identity });
    expect(await resolveCitizenSession({ sessionId, identityId: identity.identityId })).not.toBeNull();

    expect(await endCitizenSession({ sessionId, reason: "signed_out" })).toBe(true);
    expect(await resolveCitizenSession({ sessionId, identityId: identity.identityId })).toBeNull();
    const ended = await sessionRow(sessionId);
    expect(ended.endReason).toBe("signed_out");
    expect(ended.endedAt).toBeInstanceOf(Date);
    expect(await endCitizenSession({ sessionId })).toBe(false);
    expect((await sessionRow(sessionId)).endedAt).toEqual(ended.endedAt);

    const again = await startCitizenSession({ identity });
    expect(again).not.toBe(sessionId);
    expect((await resolveCitizenSession({ sessionId: again, identityId: identity.identityId }))?.sessionId).toBe(again);
    expect(await resolveCitizenSession({ sessionId, identityId: identity.identityId })).toBeNull();
  });

  it("signing out in one browser leaves the same citizen's other browser signed in", async () => {
    const { identity } = await newIdentity();
    const laptop = await startCitizenSession({ identity });
    const phone = await startCitizenSession({ identity });
    await endCitizenSession({ sessionId: laptop });
    expect(await resolveCitizenSession({ sessionId: laptop, identityId: identity.identityId })).toBeNull();
    expect((await resolveCitizenSession({ sessionId: phone, identityId: identity.identityId }))?.sessionId).toBe(phone);
  });

  it("a new sign-in in the same browser ends the session it replaces", async () => {
    const { identity } = await newIdentity();
    const before = await startCitizenSession({ identity });
    const after = await startCitizenSession({ identity, replaces: before });
    expect(await resolveCitizenSession({ sessionId: before, identityId: identity.identityId })).toBeNull();
    expect((await sessionRow(before)).endReason).toBe("replaced");
    expect(await resolveCitizenSession({ sessionId: after, identityId: identity.identityId })).not.toBeNull();
  });

  it("revoking ends every session of the identity and no one else's", async () => {
    const { identity } = await newIdentity();
    const other = await newIdentity();
    const a = await startCitizenSession({ identity });
    const b = await startCitizenSession({ identity });
    const theirs = await startCitizenSession({ identity: other.identity });
    expect(await endAllCitizenSessions({ identityId: identity.identityId })).toBe(2);
    for (const sessionId of [a, b]) {
      expect(await resolveCitizenSession({ sessionId, identityId: identity.identityId })).toBeNull();
      expect((await sessionRow(sessionId)).endReason).toBe("revoked");
    }
    expect(await resolveCitizenSession({ sessionId: theirs, identityId: other.identity.identityId })).not.toBeNull();
  });

  it("a session belongs to the identity it was made for; unknown and malformed ids are no session", async () => {
    const { identity } = await newIdentity();
    const other = await newIdentity();
    const sessionId = await startCitizenSession({ identity });
    expect(await resolveCitizenSession({ sessionId, identityId: other.identity.identityId })).toBeNull();
    for (const bad of [randomUUID(), "not-a-uuid", "", undefined, null, 42, "'; DROP TABLE citizen_session --"]) {
      expect(await resolveCitizenSession({ sessionId: bad, identityId: identity.identityId })).toBeNull();
      expect(await endCitizenSession({ sessionId: bad })).toBe(false);
    }
  });

  it("ends after 30 idle minutes; use keeps it alive, written at most once a minute", async () => {
    const { identity } = await newIdentity();
    const t0 = new Date(Date.now() - 300 * MIN);
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const sessionId = await startCitizenSession({ identity, now: t0 });
    const resolve = (now: Date) => resolveCitizenSession({ sessionId, identityId: identity.identityId, now });

    expect(await resolve(at(30_000))).not.toBeNull();
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(t0);
    expect(await resolve(at(29 * MIN))).not.toBeNull();
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(at(29 * MIN));
    expect(await resolve(at(58 * MIN))).not.toBeNull();
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(at(58 * MIN));
    expect(await resolve(at(88 * MIN - 1))).not.toBeNull();
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(at(88 * MIN - 1));
    expect(await resolve(at(118 * MIN - 1))).toBeNull();
    // Once run out it stays out: the refused request wrote nothing that would bring it back.
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(at(88 * MIN - 1));
    expect(await resolve(at(118 * MIN))).toBeNull();
  });

  it("ends 120 minutes after sign-in even when used all the time", async () => {
    const { identity } = await newIdentity();
    const t0 = new Date(Date.now() - 300 * MIN);
    const sessionId = await startCitizenSession({ identity, now: t0 });
    for (let m = 10; m < 120; m += 10) {
      expect(await resolveCitizenSession({ sessionId, identityId: identity.identityId, now: new Date(t0.getTime() + m * MIN) }), `minute ${m}`).not.toBeNull();
    }
    expect(await resolveCitizenSession({ sessionId, identityId: identity.identityId, now: new Date(t0.getTime() + 120 * MIN) })).toBeNull();
  });

  it("a sign-out between the check and the last-seen write stays a sign-out", async () => {
    const { identity } = await newIdentity();
    const t0 = new Date(Date.now() - 10 * MIN);
    const sessionId = await startCitizenSession({ identity, now: t0 });
    await endCitizenSession({ sessionId });
    expect(await resolveCitizenSession({ sessionId, identityId: identity.identityId, now: new Date(t0.getTime() + 2 * MIN) })).toBeNull();
    expect((await sessionRow(sessionId)).lastSeenAt).toEqual(t0);
  });
});

describe("citizen_session in the database", () => {
  it("refuses a level the sign-in cannot give, an end without a reason, and time running backwards", async () => {
    const { identity } = await newIdentity();
    const base = { identityId: identity.identityId, method: "email_code" as const, level: "email_code" as const };
    await expect(db().citizenSession.create({ data: { ...base, level: "idporten_high" } })).rejects.toThrow(/citizen_session_level_check/);
    await expect(db().citizenSession.create({ data: { ...base, method: "idporten" } })).rejects.toThrow(/citizen_session_level_check/);
    await expect(db().citizenSession.create({ data: { ...base, endedAt: new Date() } })).rejects.toThrow(/citizen_session_end_reason_check/);
    await expect(db().citizenSession.create({ data: { ...base, endReason: "signed_out" } })).rejects.toThrow(/citizen_session_end_reason_check/);
    const now = new Date();
    await expect(
      db().citizenSession.create({ data: { ...base, createdAt: now, lastSeenAt: new Date(now.getTime() - 1000) } }),
    ).rejects.toThrow(/citizen_session_times_check/);
  });

  it("goes with its identity", async () => {
    const { identity } = await newIdentity();
    const sessionId = await startCitizenSession({ identity });
    await db().citizenIdentity.delete({ where: { id: identity.identityId } });
    expect(await db().citizenSession.findUnique({ where: { id: sessionId } })).toBeNull();
  });
});

describe("retention", () => {
  it("deletes sessions last used more than 30 days ago, in the nightly housekeeping", async () => {
    const { identity } = await newIdentity();
    const now = new Date();
    const day = 86_400_000;
    const old = await startCitizenSession({ identity, now: new Date(now.getTime() - 31 * day) });
    await endCitizenSession({ sessionId: old, now: new Date(now.getTime() - 31 * day + MIN) });
    const recent = await startCitizenSession({ identity, now: new Date(now.getTime() - 29 * day) });

    const sessionRows = async () => (await db().citizenSession.count()) + (await db().session.count());
    const rowsBefore = await sessionRows();
    const counts = await housekeeping(now);
    // Exactly the rows that went (ours and whatever else had expired), staff sessions included.
    expect(counts.sessions_deleted).toBe(rowsBefore - (await sessionRows()));
    expect(counts.sessions_deleted).toBeGreaterThan(0);
    expect(await db().citizenSession.findUnique({ where: { id: old } })).toBeNull();
    expect(await db().citizenSession.findUnique({ where: { id: recent } })).not.toBeNull();
    expect(await deleteOldCitizenSessions(now)).toBe(0);
  });
});
