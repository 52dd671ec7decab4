// The demo clock (lib/clock.ts): the settings it reads, and that outside demo mode nothing moves it.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  MAX_CLOCK_OFFSET_MS,
  clockAdjustable,
  clockOffsetMs,
  now,
  offsetPlusDays,
  offsetToDate,
  parseClockSetting,
  setClockOffset,
  startClockSync,
  syncClock,
} from "@/lib/clock";
import { osloDateOf } from "@/lib/domain/calendar";

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Thursday 3 December 2026, 15:20 in Oslo (CET).
const REAL = new Date("2026-12-03T14:20:00Z");
const clockState = globalThis as unknown as { __portalClock?: { offsetMs: number; generation: number } };

describe("parseClockSetting", () => {
  it.each([
    ["+9d", 9 * DAY],
    ["-2d", -2 * DAY],
    ["+1w", 7 * DAY],
    ["+36h", 36 * HOUR],
    ["+90m", 90 * 60_000],
    ["+1w2d", 9 * DAY],
    ["+2d12h", 2 * DAY + 12 * HOUR],
    [" +9d ", 9 * DAY],
    ["0", 0],
    ["", 0],
    ["real", 0],
    ["2026-12-03T14:20:00Z", 0],
    ["2027-01-15T09:00:00+01:00", Date.parse("2027-01-15T08:00:00Z") - REAL.getTime()],
  ])("reads %j", (raw, expected) => {
    expect(parseClockSetting(raw, REAL)).toBe(expected);
  });

  it.each(["9d", "+9", "+9x", "++9d", "+d", "tomorrow", "2027-02-30", "2027-13-01", "2027-01-15T09:00", "15.01.2027", "+999999w"])(
    "refuses %j",
    (raw) => {
      expect(parseClockSetting(raw, REAL)).toBeNull();
    },
  );

  it("refuses a move beyond the limit, in both directions", () => {
    expect(parseClockSetting(`+${Math.floor(MAX_CLOCK_OFFSET_MS / DAY) + 1}d`, REAL)).toBeNull();
    expect(parseClockSetting(`-${Math.floor(MAX_CLOCK_OFFSET_MS / DAY) + 1}d`, REAL)).toBeNull();
    expect(parseClockSetting(`+${Math.floor(MAX_CLOCK_OFFSET_MS / DAY)}d`, REAL)).not.toBeNull();
  });

  it("an ISO date gives that Oslo date at the same time of day", () => {
    const offset = parseClockSetting("2027-01-15", REAL)!;
    const moved = new Date(REAL.getTime() + offset);
    expect(osloDateOf(moved)).toBe("2027-01-15");
    expect(moved.toISOString()).toBe("2027-01-15T14:20:00.000Z");
  });
});

describe("moving by dates", () => {
  it("keeps the Oslo date right across a change to summer time, late in the evening", () => {
    // 23:30 in Oslo on Saturday 27 March 2027 (CET); summer time starts the next night.
    const lateEvening = new Date("2027-03-27T22:30:00Z");
    const offset = offsetToDate("2027-03-29", lateEvening);
    const moved = new Date(lateEvening.getTime() + offset);
    expect(osloDateOf(moved)).toBe("2027-03-29");
    // 30 minutes before midnight there too (now CEST): 23:30 local.
    expect(moved.toISOString()).toBe("2027-03-29T21:30:00.000Z");
  });

  it("plus whole days counts from the portal's date, not the real one", () => {
    const offset = offsetPlusDays(9 * DAY, 7, REAL);
    expect(osloDateOf(new Date(REAL.getTime() + offset))).toBe("2026-12-19");
    expect(offsetPlusDays(0, 1, REAL)).toBe(DAY);
  });
});

describe("the production guard", () => {
  const saved = process.env.DEMO_MODE;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(REAL);
  });
  afterEach(() => {
    vi.useRealTimers();
    if (saved === undefined) delete process.env.DEMO_MODE;
    else process.env.DEMO_MODE = saved;
    delete clockState.__portalClock;
  });

  it.each([undefined, "", "0", "false", "yes"])("DEMO_MODE=%j: now() is the real time whatever offset a process holds", async (value) => {
    if (value === undefined) delete process.env.DEMO_MODE;
    else process.env.DEMO_MODE = value;
    // As if something had loaded an offset into this process.
    clockState.__portalClock = { offsetMs: 9 * DAY, generation: 1 };
    expect(clockAdjustable()).toBe(false);
    expect(now().getTime()).toBe(REAL.getTime());
    expect(clockOffsetMs()).toBe(0);
    // Nothing can move it: no write, no read, and the start-up value is ignored (none of these
    // touch the database, which this unit test does not have: they would throw if they tried).
    await expect(setClockOffset(DAY)).rejects.toThrow(/only be moved in demo mode/);
    await syncClock();
    const stop = await startClockSync({ environment: { DEMO_CLOCK: "+9d" } });
    stop();
    expect(now().getTime()).toBe(REAL.getTime());
  });

  it.each(["1", "true"])("DEMO_MODE=%j: now() adds the offset this process holds", (value) => {
    process.env.DEMO_MODE = value;
    clockState.__portalClock = { offsetMs: 9 * DAY, generation: 1 };
    expect(clockAdjustable()).toBe(true);
    expect(now().getTime()).toBe(REAL.getTime() + 9 * DAY);
    expect(clockOffsetMs()).toBe(9 * DAY);
  });

  it("in demo mode, a start value that cannot be read stops the start", async () => {
    process.env.DEMO_MODE = "1";
    await expect(startClockSync({ environment: { DEMO_MODE: "1", DEMO_CLOCK: "next week" } })).rejects.toThrow(/DEMO_CLOCK must look like/);
  });
});
