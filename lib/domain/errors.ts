/**
 * Domain errors. The domain never carries user-facing text: each error has a
 * stable `code` which the UI maps to a translated message (i18n key
 * `errors.<code>`). `details` holds machine-readable context (ids, dates, field
 * names) that a message may interpolate; it must never hold personal data.
 */

export const DOMAIN_ERROR_CODES = [
  "invalid_transition",
  "case_closed",
  "extension_too_late",
  "extension_already_granted",
  "extension_reason_required",
  "decision_required_fields",
  "identity_pause_not_needed",
  /** A waiting case closed as not processed before its period ran out or before the requester was warned. */
  "unanswered_not_closable",
  "not_found",
  "forbidden",
  "conflict_stale_version",
  "validation_failed",
  "rate_limited",
  /** A submission key used again with a different body (an idempotency conflict). */
  "submission_key_reused",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export type DomainErrorDetails = Readonly<Record<string, unknown>>;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: DomainErrorDetails | undefined;

  constructor(code: DomainErrorCode, details?: DomainErrorDetails) {
    // The message is for logs only; it is the code, never translated text.
    super(code);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Factory: `domainError('forbidden')`. */
export function domainError(code: DomainErrorCode, details?: DomainErrorDetails): DomainError {
  return new DomainError(code, details);
}

export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === "string" && (DOMAIN_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Type guard. Besides `instanceof`, accepts structurally equal objects (an error
 * that crossed a module-duplication or serialisation boundary, e.g. a server action).
 */
export function isDomainError(value: unknown, code?: DomainErrorCode): value is DomainError {
  if (value instanceof DomainError) return code === undefined || value.code === code;
  if (typeof value !== "object" || value === null) return false;
  const v = value as { name?: unknown; code?: unknown };
  return v.name === "DomainError" && isDomainErrorCode(v.code) && (code === undefined || v.code === code);
}
