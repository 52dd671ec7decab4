// The citizen session's lifetime (lib/domain/citizen-session.ts) at its boundaries.
import { describe, expect, it } from "vitest";
import {
  CITIZEN_SESSION_ABSOLUTE_MS,
  CITIZEN_SESSION_IDLE_MS,
  CITIZEN_SESSION_TOUCH_MS,
  citizenSessionPurgeBefore,
  citizenSessionState,
} from "@/lib/domain/citizen-session";

const signIn = new Date("2026-12-03T10:00:00.000Z");
const at = (ms: number) => new Date(signIn.getTime() + ms);
const MIN = 60_000;

describe("citizenSessionState", () => {
  it("is 30 minutes idle and 120 minutes at most", () => {
    expect(CITIZEN_SESSION_IDLE_MS).toBe(30 * MIN);
    expect(CITIZEN_SESSION_ABSOLUTE_MS).toBe(120 * MIN);
  });

  it("a fresh session is active and needs no write", () => {
    expect(citizenSessionState({ createdAt: signIn, lastSeenAt: signIn, endedAt: null }, signIn)).toEqual({ status: "active", touch: false });
  });

  it("writes the last-seen time at most once a minute", () => {
    const s = { createdAt: signIn, lastSeenAt: signIn, endedAt: null };
    expect(citizenSessionState(s, at(CITIZEN_SESSION_TOUCH_MS - 1))).toEqual({ status: "active", touch: false });
    expect(citizenSessionState(s, at(CITIZEN_SESSION_TOUCH_MS))).toEqual({ status: "active", touch: true });
  });

  it("ends 30 minutes after it was last seen, not a millisecond later", () => {
    const s = { createdAt: signIn, lastSeenAt: at(10 * MIN), endedAt: null };
    expect(citizenSessionState(s, at(40 * MIN - 1)).status).toBe("active");
    expect(citizenSessionState(s, at(40 * MIN)).status).toBe("idle_expired");
  });

  it("ends 120 minutes after sign-in however busy it is", () => {
    const busy = (now: Date) => ({ createdAt: signIn, lastSeenAt: new Date(now.getTime() - 1000), endedAt: null });
    expect(citizenSessionState(busy(at(120 * MIN - 1)), at(120 * MIN - 1)).status).toBe("active");
    expect(citizenSessionState(busy(at(120 * MIN)), at(120 * MIN)).status).toBe("absolute_expired");
  });

  it("an ended session stays ended, even one second after its sign-in", () => {
    expect(citizenSessionState({ createdAt: signIn, lastSeenAt: signIn, endedAt: at(500) }, at(1000))).toEqual({ status: "ended" });
  });
});

describe("citizenSessionPurgeBefore", () => {
  it("keeps the record of a sign-in 30 days after it was last used", () => {
    expect(citizenSessionPurgeBefore(new Date("2026-12-31T12:00:00.000Z")).toISOString()).toBe("2026-12-01T12:00:00.000Z");
  });
});
