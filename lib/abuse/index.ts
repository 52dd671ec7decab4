// Abuse protection without tracking: rate limits (PostgreSQL, keyed hashes only) and an ALTCHA
// proof-of-work captcha. Callers: catch DomainError("rate_limited") and send the person to
// /too-many-requests?retryAfter=<details.retryAfterSeconds> (an API answers 429 with Retry-After).
import { enforceRateLimit as enforce, enforceRateLimits as enforceAll } from "./rate-limit";
import { verifyProofOfWork as verifyPow } from "./proof-of-work";
import type { RateLimitRule as Rule } from "./rate-limit-rules";

export type RateLimitRule = Rule;

/** Counts one hit for `key` under `rule`; throws DomainError("rate_limited", { retryAfterSeconds }) past the limit. */
export async function enforceRateLimit(rule: RateLimitRule, key: string): Promise<void> {
  return enforce(rule, key);
}

/** enforceRateLimit for several rules in one statement; the first rule past its limit is thrown. */
export async function enforceRateLimits(hits: readonly (readonly [RateLimitRule, string])[]): Promise<void> {
  return enforceAll(hits);
}

/** Verifies an ALTCHA proof-of-work payload (base64 JSON from the widget); false if missing/invalid/replayed. */
export async function verifyProofOfWork(payload: string | null | undefined): Promise<boolean> {
  return verifyPow(payload);
}

// Client IP: import { clientIp } (server actions) or { clientIpFromHeaders } (route handlers) from "@/lib/abuse/client-ip".
export { tooManyRequestsPath } from "./too-many-requests";
