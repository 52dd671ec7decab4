// Fixed-window rate limits kept in PostgreSQL (table rate_limit_bucket), so that several app
// instances share one count without Redis. One atomic upsert per hit: the row lock taken by
// INSERT … ON CONFLICT DO UPDATE serialises concurrent hits on the same bucket, so the limit is exact.
// Keys (IP addresses, e-mail addresses, identity ids) are personal data: only a keyed HMAC of them is
// stored, with a key derived from AUTH_SECRET; nothing can be looked up or reversed from the table.
import { createHmac } from "node:crypto";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import { derivedKey } from "./secrets";
import {
  resolveRateLimits,
  secondsUntilWindowEnds,
  windowStartFor,
  UNKNOWN_CLIENT_IP,
  type RateLimitRule,
  type RateLimitSetting,
} from "./rate-limit-rules";

const DAY_SECONDS = 24 * 3600;
/** Share of calls that also delete old buckets and expired challenges. */
const CLEANUP_PROBABILITY = 0.01;

let warnedUnknownIp = false;
let cached: { spec: string | undefined; rules: Record<RateLimitRule, RateLimitSetting> } | undefined;

/** The rules in force: defaults, overridden by RATE_LIMITS (read at call time, cached per value). */
export function rateLimitRules(): Record<RateLimitRule, RateLimitSetting> {
  const spec = process.env.RATE_LIMITS;
  if (!cached || cached.spec !== spec) cached = { spec, rules: resolveRateLimits(spec) };
  return cached.rules;
}

/** What is stored for a key: the rule in clear (no personal data), then HMAC-SHA256 of rule and key. */
export function bucketKey(rule: RateLimitRule, key: string): string {
  const normalised = key.trim().toLowerCase();
  const mac = createHmac("sha256", Buffer.from(derivedKey("rate-limit-key"), "hex"))
    .update(`${rule}:${normalised}`)
    .digest("base64url");
  return `${rule}:${mac}`;
}

export type RateLimitResult = {
  allowed: boolean;
  /** Hits in this window, this one included. */
  count: number;
  limit: number;
  /** Seconds until the window ends and the count starts over. */
  retryAfterSeconds: number;
};

/** Counts one hit for `key` under `rule` and tells whether it is within the limit. */
export async function hitRateLimit(rule: RateLimitRule, key: string, now: Date = new Date()): Promise<RateLimitResult> {
  const setting = rateLimitRules()[rule];
  const windowStart = windowStartFor(now, setting.windowSeconds);
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_bucket (key, window_start, count)
    VALUES (${bucketKey(rule, key)}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_bucket.count + 1
    RETURNING count`;
  const count = Number(rows[0]?.count ?? Number.MAX_SAFE_INTEGER);
  if (Math.random() < CLEANUP_PROBABILITY) await purgeExpiredAbuseRecords(now).catch(() => undefined);
  return {
    allowed: count <= setting.limit,
    count,
    limit: setting.limit,
    retryAfterSeconds: secondsUntilWindowEnds(now, setting.windowSeconds),
  };
}

/**
 * Counts one hit for `key` under `rule`; past the limit it throws
 * DomainError("rate_limited", { retryAfterSeconds, rule }). Callers send the person to
 * /too-many-requests?retryAfter=<seconds> (or answer 429 with Retry-After in an API).
 */
export async function enforceRateLimit(rule: RateLimitRule, key: string): Promise<void> {
  if (rule.endsWith("_ip") && key === UNKNOWN_CLIENT_IP) {
    // Without a trusted address every visitor would share one bucket: skip, and say so once.
    if (!warnedUnknownIp) logger.warn("rate_limit.client_ip_unknown", { rule, hint: "set TRUST_PROXY behind a reverse proxy" });
    warnedUnknownIp = true;
    return;
  }
  const result = await hitRateLimit(rule, key);
  if (!result.allowed) {
    logger.info("rate_limit.exceeded", { rule, retryAfterSeconds: result.retryAfterSeconds });
    throw new DomainError("rate_limited", { retryAfterSeconds: result.retryAfterSeconds, rule });
  }
}

/** Deletes buckets whose window has ended (kept at least a day) and used challenges that expired. */
export async function purgeExpiredAbuseRecords(now: Date = new Date()): Promise<{ buckets: number; challenges: number }> {
  const longest = Math.max(DAY_SECONDS, ...Object.values(rateLimitRules()).map((r) => r.windowSeconds));
  const cutoff = new Date(now.getTime() - longest * 1000);
  const buckets = await db().$executeRaw`DELETE FROM rate_limit_bucket WHERE window_start < ${cutoff}`;
  const challenges = await db().$executeRaw`DELETE FROM used_challenge WHERE expires_at < ${now}`;
  return { buckets, challenges };
}
