// STUB (to be replaced by the abuse-protection work): rate limits and proof-of-work checks.
// Callers: catch DomainError("rate_limited") and send the user to /too-many-requests.
export type RateLimitRule = "submit_ip" | "submit_identity" | "email_code_ip" | "email_code_email" | "login_ip" | "message_identity" | "upload_identity";

/** Counts one hit for `key` under `rule`; throws DomainError("rate_limited", { retryAfterSeconds }) past the limit. */
export async function enforceRateLimit(_rule: RateLimitRule, _key: string): Promise<void> {}

/** Verifies an ALTCHA proof-of-work payload (base64 JSON from the widget); false if missing/invalid/replayed. */
export async function verifyProofOfWork(_payload: string | null | undefined): Promise<boolean> {
  return true;
}
