/**
 * Case references: `PV-<year>-<sequence>`, the sequence zero-padded to at least
 * six digits (`PV-2026-000042`). Longer sequences are written without padding
 * (`PV-2026-1234567`). Every reference has exactly one canonical spelling, so
 * `formatCaseReference(parseCaseReference(s))` gives back `s` in upper case.
 */

import { DomainError } from "@/lib/domain/errors";

export const CASE_REFERENCE_PREFIX = "PV";
const SEQ_MIN_DIGITS = 6;

export type CaseReferenceParts = { year: number; seq: number };

function validYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1000 && year <= 9999;
}
function validSeq(seq: number): boolean {
  return Number.isSafeInteger(seq) && seq >= 1;
}

/** `formatCaseReference(2026, 42)` -> `"PV-2026-000042"`. Throws `validation_failed` on a bad year or sequence. */
export function formatCaseReference(year: number, seq: number): string {
  if (!validYear(year) || !validSeq(seq)) {
    throw new DomainError("validation_failed", { field: "caseReference", year, seq });
  }
  return `${CASE_REFERENCE_PREFIX}-${year}-${String(seq).padStart(SEQ_MIN_DIGITS, "0")}`;
}

// Year: four digits, no leading zero. Sequence: exactly six digits (zero-padded,
// not all zeros), or seven or more without a leading zero.
const CASE_REFERENCE_RE = /^PV-([1-9]\d{3})-(\d{6}|[1-9]\d{6,15})$/i;

/**
 * Parses a reference typed or pasted by a person: case-insensitive, surrounding
 * whitespace ignored, nothing else tolerated. Returns null when it is not a
 * canonical reference.
 */
export function parseCaseReference(input: string): CaseReferenceParts | null {
  if (typeof input !== "string") return null;
  const match = CASE_REFERENCE_RE.exec(input.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const seq = Number(match[2]);
  if (!validYear(year) || !validSeq(seq)) return null;
  return { year, seq };
}

/** The canonical (upper-case) spelling of a reference, or null if it is not one. */
export function normaliseCaseReference(input: string): string | null {
  const parts = parseCaseReference(input);
  return parts ? formatCaseReference(parts.year, parts.seq) : null;
}

export function isCaseReference(input: string): boolean {
  return parseCaseReference(input) !== null;
}

/**
 * Is this exactly a reference as the portal writes it (upper case, no whitespace, canonical
 * padding)? For references that arrive in URLs, hidden form fields and mails: anything else is no
 * case (a 404), never a second spelling of one.
 */
export function isCanonicalCaseReference(input: unknown): input is string {
  return typeof input === "string" && normaliseCaseReference(input) === input;
}
