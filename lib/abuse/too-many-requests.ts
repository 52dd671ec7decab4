// Where to send a person who hit a rate limit. Pure: usable from actions, route handlers and pages.
import { isDomainError } from "@/lib/domain/errors";

/** Seconds to wait from a DomainError("rate_limited"), or undefined for any other value. */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  if (!isDomainError(error, "rate_limited")) return undefined;
  const seconds = Number(error.details?.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/** "/too-many-requests?retryAfter=<seconds>" for a rate_limited error (or a number of seconds). */
export function tooManyRequestsPath(errorOrSeconds?: unknown): string {
  const seconds = typeof errorOrSeconds === "number" ? Math.ceil(errorOrSeconds) : retryAfterSecondsOf(errorOrSeconds);
  return seconds && seconds > 0 ? `/too-many-requests?retryAfter=${seconds}` : "/too-many-requests";
}
