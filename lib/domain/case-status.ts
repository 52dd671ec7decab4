/** Case statuses, intake channels and identity assurance levels. */

export const CASE_STATUSES = [
  "received",
  "in_progress",
  "awaiting_requester",
  "completed",
  "partially_completed",
  "refused",
  "withdrawn",
  "not_processed",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OPEN_STATUSES = ["received", "in_progress", "awaiting_requester"] as const satisfies readonly CaseStatus[];
export type OpenCaseStatus = (typeof OPEN_STATUSES)[number];

export const CLOSED_STATUSES = ["completed", "partially_completed", "refused", "withdrawn", "not_processed"] as const satisfies readonly CaseStatus[];
export type ClosedCaseStatus = (typeof CLOSED_STATUSES)[number];

/** Outcomes of a decision (every closed status except `withdrawn` and `not_processed`). */
export const DECISION_OUTCOMES = ["completed", "partially_completed", "refused"] as const satisfies readonly ClosedCaseStatus[];
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === "string" && (CASE_STATUSES as readonly string[]).includes(value);
}

export function isClosed(status: CaseStatus): status is ClosedCaseStatus {
  return (CLOSED_STATUSES as readonly string[]).includes(status);
}

export function isOpen(status: CaseStatus): status is OpenCaseStatus {
  return !isClosed(status);
}

/**
 * i18n key of a status label. Citizens read `caseStatus.*` ("Venter på svar fra deg"), staff
 * `staffCaseStatus.*` ("Venter på innbyggeren"); the outcome words are the same for both.
 */
export function caseStatusI18nKey(status: CaseStatus, audience: "citizen" | "staff" = "citizen"): `caseStatus.${CaseStatus}` | `staffCaseStatus.${CaseStatus}` {
  return audience === "staff" ? `staffCaseStatus.${status}` : `caseStatus.${status}`;
}

/** Any official channel starts the clock (EDPB 01/2022). */
export const CHANNELS = ["web", "email", "letter", "phone", "counter"] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === "string" && (CHANNELS as readonly string[]).includes(value);
}

/** Art. 12(3): an extension is justified by the complexity or the number of requests, or both. */
export const EXTENSION_GROUNDS = ["complexity", "number_of_requests", "both"] as const;
export type ExtensionGround = (typeof EXTENSION_GROUNDS)[number];

/** Ordered from weakest to strongest. */
export const IDENTITY_LEVELS = ["none", "email_code", "idporten_substantial", "idporten_high", "verified_in_person"] as const;
export type IdentityLevel = (typeof IDENTITY_LEVELS)[number];

export function isIdentityLevel(value: unknown): value is IdentityLevel {
  return typeof value === "string" && (IDENTITY_LEVELS as readonly string[]).includes(value);
}

/**
 * Whether `level` is at least `required`. `verified_in_person` (ID document checked
 * at the counter) ranks with `idporten_high`.
 */
export function identityAtLeast(level: IdentityLevel, required: IdentityLevel): boolean {
  const rank = (l: IdentityLevel): number => (l === "verified_in_person" ? IDENTITY_LEVELS.indexOf("idporten_high") : IDENTITY_LEVELS.indexOf(l));
  return rank(level) >= rank(required);
}
