// The portal's "now": the real time, plus an offset in demo and test mode only, so a demo or an e2e
// test can show a multi-day pause, the 7- and 2-day reminders and an overdue escalation without
// waiting for real days (README "Configuration", DEMO_CLOCK, and /demo/clock).
//
// - In production (DEMO_MODE off) `now()` is exactly `new Date()`: the offset is never read, never
//   written and ignored if it were somehow set (tests/unit/clock.test.ts proves it).
// - In demo mode the offset lives in the database (`demo_clock`, one row), so every instance (the app,
//   `npm run worker`) agrees and it survives a restart. Each process keeps a copy in memory, loaded
//   at start and refreshed every second (`startClockSync`), so `now()` stays synchronous. The copy
//   sits on globalThis: Next may load this module more than once in one process.
// - What follows the clock: business time (receipt, deadlines, pauses, events, reminders, digest,
//   retention of cases, dashboard and queue "today"). What stays real: security and plumbing
//   timing (sessions, e-mail codes, rate limits, signed links, drafts, the outbox's backoff and
//   lease, log lines, the mail catcher): see README.
import { addDays, isValidIsoDate, osloDateOf, osloEndOfDay, type IsoDate } from "@/lib/domain/calendar";

const DAY_MS = 86_400_000;
const UNIT_MS = { w: 7 * DAY_MS, d: DAY_MS, h: 3_600_000, m: 60_000 } as const;
/** Far enough for any demo (a case's retention is years), small enough to stay a valid Date. */
export const MAX_CLOCK_OFFSET_MS = 20 * 366 * DAY_MS;

type ClockState = { offsetMs: number; generation: number; timer?: ReturnType<typeof setInterval> };
const globalForClock = globalThis as unknown as { __portalClock?: ClockState };

function state(): ClockState {
  globalForClock.__portalClock ??= { offsetMs: 0, generation: 0 };
  return globalForClock.__portalClock;
}

/** The clock may be moved only in demo mode (set by `npm start` without external services, and by the e2e tests). */
export function clockAdjustable(environment: Record<string, string | undefined> = process.env): boolean {
  return environment.DEMO_MODE === "1" || environment.DEMO_MODE === "true";
}

/** The portal's current time. Outside demo mode: `new Date()`, always. */
export function now(): Date {
  if (!clockAdjustable()) return new Date();
  return new Date(Date.now() + state().offsetMs);
}

/** How far the clock is moved now, in ms (0 outside demo mode). */
export function clockOffsetMs(): number {
  return clockAdjustable() ? state().offsetMs : 0;
}

/**
 * Reads a clock setting (DEMO_CLOCK, or the demo page's date field) as an offset from `realNow`:
 * - "+9d", "-2d", "+1w", "+36h", "+90m", and combinations such as "+1w2d": moved by that much;
 * - an ISO date, "2027-01-15": that Oslo date, at the same time of day (seen from midnight);
 * - an ISO date and time with a zone, "2027-01-15T09:00:00+01:00": that instant;
 * - "0", "real" or "": the real time.
 * Returns null for anything else, or an offset beyond MAX_CLOCK_OFFSET_MS.
 */
export function parseClockSetting(raw: string, realNow: Date): number | null {
  const value = raw.trim();
  if (value === "" || value === "0" || value.toLowerCase() === "real") return 0;
  const relative = /^([+-])((?:\d{1,6}[wdhm])+)$/.exec(value);
  let offset: number | null = null;
  if (relative) {
    let total = 0;
    for (const [, n, unit] of relative[2]!.matchAll(/(\d+)([wdhm])/g)) total += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
    offset = relative[1] === "-" ? -total : total;
  } else if (isValidIsoDate(value)) {
    offset = offsetToDate(value, realNow);
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    const at = Date.parse(value);
    if (!Number.isNaN(at)) offset = at - realNow.getTime();
  }
  if (offset === null || !Number.isFinite(offset) || Math.abs(offset) > MAX_CLOCK_OFFSET_MS) return null;
  return offset;
}

/**
 * The offset that puts `realNow` on the Oslo date `date`, the same time before midnight as now
 * (summer time handled: osloEndOfDay knows it), so the date is right at any time of day.
 */
export function offsetToDate(date: IsoDate, realNow: Date): number {
  const untilMidnight = osloEndOfDay(osloDateOf(realNow)).getTime() - realNow.getTime();
  return osloEndOfDay(date).getTime() - untilMidnight - realNow.getTime();
}

/** The offset that moves the clock (currently `offsetMs` from `realNow`) forward by whole Oslo days. */
export function offsetPlusDays(offsetMs: number, days: number, realNow: Date): number {
  const today = osloDateOf(new Date(realNow.getTime() + offsetMs));
  return offsetToDate(addDays(today, days), realNow);
}

class ClockNotAdjustable extends Error {
  constructor() {
    super("The clock can only be moved in demo mode");
    this.name = "ClockNotAdjustable";
  }
}

async function clockDb() {
  // Lazy: importing the clock (every service does) never needs the database client.
  return (await import("@/lib/db/client")).db();
}

/** Loads the stored offset into this process (no-op outside demo mode). */
export async function syncClock(): Promise<void> {
  if (!clockAdjustable()) return;
  const s = state();
  const generation = ++s.generation;
  const row = await (await clockDb()).demoClock.findUnique({ where: { id: 1 }, select: { offsetMs: true } });
  // A newer read or a move in this process since this read began wins over this (older) value.
  if (s.generation === generation) s.offsetMs = row ? Number(row.offsetMs) : 0;
}

/** Moves the portal's clock to `offsetMs` from the real time, for every instance. Demo mode only. */
export async function setClockOffset(offsetMs: number): Promise<void> {
  if (!clockAdjustable()) throw new ClockNotAdjustable();
  if (!Number.isSafeInteger(offsetMs) || Math.abs(offsetMs) > MAX_CLOCK_OFFSET_MS) throw new RangeError("clock offset out of range");
  const updatedAt = new Date();
  await (await clockDb()).demoClock.upsert({
    where: { id: 1 },
    create: { id: 1, offsetMs: BigInt(offsetMs), updatedAt },
    update: { offsetMs: BigInt(offsetMs), updatedAt },
  });
  const s = state();
  s.generation++;
  s.offsetMs = offsetMs;
}

/**
 * At the app's start, in demo mode: applies DEMO_CLOCK (from `options.environment`, default process.env) if set (else keeps the stored offset), loads
 * it and refreshes it every `intervalMs` (another instance may move it). Returns a stop function.
 * Outside demo mode it does nothing.
 */
export async function startClockSync(options: { intervalMs?: number; environment?: Record<string, string | undefined> } = {}): Promise<() => void> {
  // The guard reads the process's own environment, whatever `options.environment` says.
  if (!clockAdjustable()) return () => {};
  const environment = options.environment ?? process.env;
  const initial = environment.DEMO_CLOCK?.trim();
  if (initial) {
    const offset = parseClockSetting(initial, new Date());
    if (offset === null) throw new Error("DEMO_CLOCK must look like +9d, -2h, 2027-01-15 or 2027-01-15T09:00:00+01:00");
    await setClockOffset(offset);
  } else {
    await syncClock();
  }
  const s = state();
  if (s.timer) clearInterval(s.timer);
  s.timer = setInterval(() => {
    // A database hiccup keeps the last known offset; the next tick tries again.
    syncClock().catch(() => {});
  }, options.intervalMs ?? 1000);
  s.timer.unref?.();
  return () => {
    if (s.timer) clearInterval(s.timer);
    s.timer = undefined;
  };
}
