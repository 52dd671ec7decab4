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
  return (await hitRateLimits([[rule, key]], now))[0]!;
}

/**
 * Counts one hit on each (rule, key) in ONE statement (one round trip for a request that is limited
 * per IP and per account) and tells for each, in the given order, whether it is within its limit.
 * The buckets are upserted in key order, so two such statements on the same buckets lock them in the
 * same order and cannot deadlock.
 */
export async function hitRateLimits(hits: readonly (readonly [RateLimitRule, string])[], now: Date = new Date()): Promise<RateLimitResult[]> {
  const rules = rateLimitRules();
  const wanted = hits.map(([rule, key]) => {
    const setting = rules[rule];
    return { setting, bucket: bucketKey(rule, key), windowStart: windowStartFor(now, setting.windowSeconds) };
  });
  // One row per bucket (ON CONFLICT cannot touch a row twice in one statement; a bucket key names
  // its rule, so it has one window), in key order.
  const buckets = [...new Map(wanted.map((w) => [w.bucket, w.windowStart])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = buckets.length === 0 ? [] : await db().$queryRaw<{ key: string; count: number }[]>`
    INSERT INTO rate_limit_bucket (key, window_start, count)
    SELECT k, w, 1 FROM unnest(${buckets.map(([key]) => key)}::text[], ${buckets.map(([, start]) => start.toISOString())}::text[]::timestamptz[]) WITH ORDINALITY AS t(k, w, i)
     ORDER BY i
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_bucket.count + 1
    RETURNING key, count`;
  if (buckets.length > 0 && Math.random() < CLEANUP_PROBABILITY) await purgeExpiredAbuseRecords(now).catch(() => undefined);
  const counts = new Map(rows.map((r) => [r.key, Number(r.count)]));
  return wanted.map((w) => {
    const count = counts.get(w.bucket) ?? Number.MAX_SAFE_INTEGER;
    return {
      allowed: count <= w.setting.limit,
      count,
      limit: w.setting.limit,
      retryAfterSeconds: secondsUntilWindowEnds(now, w.setting.windowSeconds),
    };
  });
}

/**
 * Counts one hit for `key` under `rule`; past the limit it throws
 * DomainError("rate_limited", { retryAfterSeconds, rule }). Callers send the person to
 * /too-many-requests?retryAfter=<seconds> (or answer 429 with Retry-After in an API).
 */
export async function enforceRateLimit(rule: RateLimitRule, key: string): Promise<void> {
  return enforceRateLimits([[rule, key]]);
}

/**
 * enforceRateLimit for several rules at once (one statement): every counted rule gets its hit, and
 * the first rule in the given order that is past its limit is the one thrown.
 */
export async function enforceRateLimits(hits: readonly (readonly [RateLimitRule, string])[]): Promise<void> {
  const counted = hits.filter(([rule, key]) => {
    if (rule.endsWith("_ip") && key === UNKNOWN_CLIENT_IP) {
      // Without a trusted address every visitor would share one bucket: skip, and say so once.
      if (!warnedUnknownIp) logger.warn("rate_limit.client_ip_unknown", { rule, hint: "set TRUST_PROXY behind a reverse proxy" });
      warnedUnknownIp = true;
      return false;
    }
    return true;
  });
  if (counted.length === 0) return;
  const results = await hitRateLimits(counted);
  const index = results.findIndex((r) => !r.allowed);
  if (index >= 0) {
    const rule = counted[index]![0];
    const { retryAfterSeconds } = results[index]!;
    logger.info("rate_limit.exceeded", { rule, retryAfterSeconds });
    throw new DomainError("rate_limited", { retryAfterSeconds, rule });
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
