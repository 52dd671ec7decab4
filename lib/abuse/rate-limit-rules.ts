// Rate-limit rules: pure (no database), so they can be unit-tested. A rule allows `limit` hits per
// fixed window of `windowSeconds`; windows are aligned to the Unix epoch, so every app instance
// computes the same window for the same moment.

export const RATE_LIMIT_RULES = [
  "submit_ip",
  "submit_identity",
  // The JSON API per API key: counted whether or not the client's address is known, so one
  // misbehaving integration cannot flood the queue (behind no trusted proxy, submit_ip counts nothing).
  "submit_api_key",
  "email_code_ip",
  "email_code_email",
  // Without JavaScript the proof of work cannot run: such requests count against stricter limits.
  "email_code_nojs_ip",
  "email_code_nojs_email",
  "login_ip",
  "message_identity",
  "upload_identity",
] as const;

export type RateLimitRule = (typeof RATE_LIMIT_RULES)[number];

/** The client IP when no trusted header names it; per-IP rules do not count it. */
export const UNKNOWN_CLIENT_IP = "unknown";

export type RateLimitSetting = { limit: number; windowSeconds: number };

const HOUR = 3600;
const DAY = 24 * HOUR;

export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitRule, RateLimitSetting>> = {
  submit_ip: { limit: 20, windowSeconds: HOUR },
  submit_identity: { limit: 10, windowSeconds: DAY },
  // An integration files what its own users sent: far more than one person, far fewer than a flood.
  submit_api_key: { limit: 1000, windowSeconds: HOUR },
  email_code_ip: { limit: 10, windowSeconds: HOUR },
  email_code_email: { limit: 5, windowSeconds: HOUR },
  email_code_nojs_ip: { limit: 3, windowSeconds: HOUR },
  email_code_nojs_email: { limit: 3, windowSeconds: HOUR },
  login_ip: { limit: 30, windowSeconds: HOUR },
  message_identity: { limit: 30, windowSeconds: HOUR },
  upload_identity: { limit: 20, windowSeconds: HOUR },
};

export function isRateLimitRule(value: unknown): value is RateLimitRule {
  return typeof value === "string" && (RATE_LIMIT_RULES as readonly string[]).includes(value);
}

/**
 * Parses RATE_LIMITS, e.g. "submit_ip=100/3600,email_code_email=3/600" (rule=count/seconds, comma
 * separated). An unknown rule or a malformed entry is a configuration error and throws: a typo must
 * not silently leave the default in force.
 */
export function parseRateLimits(spec: string | undefined): Partial<Record<RateLimitRule, RateLimitSetting>> {
  const out: Partial<Record<RateLimitRule, RateLimitSetting>> = {};
  if (!spec || !spec.trim()) return out;
  for (const raw of spec.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const match = /^([a-z_]+)\s*=\s*(\d+)\s*\/\s*(\d+)$/.exec(entry);
    if (!match) throw new Error(`RATE_LIMITS: cannot read "${entry}" (expected rule=count/seconds)`);
    const [, rule, count, seconds] = match;
    if (!isRateLimitRule(rule)) throw new Error(`RATE_LIMITS: unknown rule "${rule}"`);
    const limit = Number(count);
    const windowSeconds = Number(seconds);
    if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`RATE_LIMITS: count for ${rule} must be at least 1`);
    if (!Number.isSafeInteger(windowSeconds) || windowSeconds < 1 || windowSeconds > 366 * DAY) {
      throw new Error(`RATE_LIMITS: seconds for ${rule} must be between 1 and ${366 * DAY}`);
    }
    out[rule] = { limit, windowSeconds };
  }
  return out;
}

/** The defaults with the overrides from `spec` (RATE_LIMITS) applied. */
export function resolveRateLimits(spec: string | undefined): Record<RateLimitRule, RateLimitSetting> {
  return { ...DEFAULT_RATE_LIMITS, ...parseRateLimits(spec) };
}

/** Start of the fixed window that `now` falls in (aligned to the Unix epoch). */
export function windowStartFor(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** Whole seconds until the window that `now` falls in ends (at least 1). */
export function secondsUntilWindowEnds(now: Date, windowSeconds: number): number {
  const end = windowStartFor(now, windowSeconds).getTime() + windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/** Rounds a wait in seconds up to whole minutes for people (at least 1 minute). */
export function retryAfterMinutes(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0) return 1;
  return Math.max(1, Math.ceil(seconds / 60));
}

/** Reads ?retryAfter= safely: a whole number of seconds between 1 and 366 days, else undefined. */
export function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || !/^\d{1,8}$/.test(raw)) return undefined;
  const seconds = Number(raw);
  return seconds >= 1 && seconds <= 366 * DAY ? seconds : undefined;
}
