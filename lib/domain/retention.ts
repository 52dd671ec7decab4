/**
 * Retention rules (issue 5), pure: when a closed case's files are deleted and when the case itself
 * is anonymised. Everything is on Oslo calendar dates (lib/domain/calendar.ts), never on N x 24 h,
 * so daylight-saving changes cannot move a date.
 *
 * - Files (uploads, the answer package and internal files alike): deleted on the 90th day after the
 *   Oslo closing date (closed 1 January -> deleted 1 April). The answer's download links expire
 *   long before that; a requester who needs the answer again asks for a new copy.
 * - The case: anonymised on the day the retention period (the municipality's `retentionYears`) has
 *   fully passed: the same calendar date `retentionYears` later (closed 5 March 2024, 3 years ->
 *   anonymised 5 March 2027). A case closed on 29 February is kept until 1 March of the target year
 *   when that year has no 29 February: never shorter than the full period.
 * - Never while the case is open, and never while it is on legal hold.
 */
import { addDays, compareIsoDates, isLeapYear, osloDateOf, parseIsoDate, toIsoDate, type IsoDate } from "./calendar";

export const FILE_RETENTION_DAYS = 90;
export const DEFAULT_RETENTION_YEARS = 3;
export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 10;

/** Placeholder for the requester's name once the case is anonymised. */
export const ANONYMISED_NAME = "Anonymisert";
/**
 * Placeholder for free text the database requires to be non-blank (an extension's reason, a
 * refusal's reasons: CHECK constraints), once anonymised.
 */
export const ANONYMISED_TEXT = "[anonymisert]";
/** Placeholder for an uploaded file's name once the stored file is deleted (names can hold personal data). */
export const DELETED_FILE_NAME = "slettet-fil";

export type RetentionCase = {
  /** The instant the case closed; null while open. */
  closedAt: Date | null;
  legalHold: boolean;
  anonymisedAt: Date | null;
};

/** The Oslo date on which a case closed on `closedDate` has its files deleted. */
export function filesDeletionDate(closedDate: IsoDate): IsoDate {
  return addDays(closedDate, FILE_RETENTION_DAYS);
}

/** The Oslo date on which a case closed on `closedDate` is anonymised (see the header: 29 Feb -> 1 Mar). */
export function anonymisationDate(closedDate: IsoDate, retentionYears: number): IsoDate {
  if (!Number.isInteger(retentionYears) || retentionYears < 0) throw new RangeError(`retentionYears must be a whole number >= 0, got ${retentionYears}`);
  const { year, month, day } = parseIsoDate(closedDate);
  const target = year + retentionYears;
  if (month === 2 && day === 29 && !isLeapYear(target)) return toIsoDate(target, 3, 1);
  return toIsoDate(target, month, day);
}

/** Are the case's stored files due for deletion on the Oslo date of `now`? */
export function filesDue(c: RetentionCase, now: Date): boolean {
  if (!c.closedAt || c.legalHold) return false;
  return compareIsoDates(osloDateOf(now), filesDeletionDate(osloDateOf(c.closedAt))) >= 0;
}

/** Is the case due for anonymisation on the Oslo date of `now`? */
export function anonymisationDue(c: RetentionCase, retentionYears: number, now: Date): boolean {
  if (!c.closedAt || c.legalHold || c.anonymisedAt) return false;
  return compareIsoDates(osloDateOf(now), anonymisationDate(osloDateOf(c.closedAt), retentionYears)) >= 0;
}

export type RetentionStatus =
  | { kind: "open" }
  | { kind: "legal_hold" }
  | { kind: "anonymised"; on: IsoDate }
  | {
      kind: "scheduled";
      filesOn: IsoDate;
      anonymiseOn: IsoDate;
      /** none: the case never had files; pending: deleted on filesOn; next_run: due, the next nightly run deletes them; gone: deleted. */
      files: "none" | "pending" | "next_run" | "gone";
      /** The anonymisation date has passed (e.g. a hold was just lifted): the next nightly run does it. */
      caseNextRun: boolean;
    };

/** What the case page says about retention ("Filene slettes ... Saken anonymiseres ..."), from the case and its files. */
export function retentionStatus(
  c: RetentionCase,
  retentionYears: number,
  now: Date,
  files: { left: number; deleted: number } = { left: 0, deleted: 0 },
): RetentionStatus {
  if (c.anonymisedAt) return { kind: "anonymised", on: osloDateOf(c.anonymisedAt) };
  if (c.legalHold) return { kind: "legal_hold" };
  if (!c.closedAt) return { kind: "open" };
  const today = osloDateOf(now);
  const closed = osloDateOf(c.closedAt);
  const filesOn = filesDeletionDate(closed);
  const anonymiseOn = anonymisationDate(closed, retentionYears);
  const filesState =
    files.left > 0 ? (compareIsoDates(today, filesOn) >= 0 ? "next_run" : "pending") : files.deleted > 0 ? "gone" : "none";
  return { kind: "scheduled", filesOn, anonymiseOn, files: filesState, caseNextRun: compareIsoDates(today, anonymiseOn) >= 0 };
}

// ---------------------------------------------------------------------------
// Audit events of an anonymised case: free text in before/after is blanked, ids, codes, dates and
// statuses stay (who did what when is kept).

/** Keys of audit-event payloads that can hold free text or personal data. */
export const FREE_TEXT_EVENT_KEYS: ReadonlySet<string> = new Set([
  "reason",
  "reasons",
  "note",
  "body",
  "text",
  "description",
  "comment",
  "answer",
  "message",
  "name",
  "subjectName",
  "email",
  "phone",
  "postalAddress",
  "address",
  "fileName",
  "recipient",
  "details",
]);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The payload with every free-text key set to null (recursively); `changed` says if anything was blanked. */
export function redactEventPayload(value: unknown): { value: unknown; changed: boolean } {
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v as Record<string, unknown>)) {
        if (FREE_TEXT_EVENT_KEYS.has(k) && inner !== null) {
          out[k] = null;
          changed = true;
        } else {
          out[k] = walk(inner);
        }
      }
      return out;
    }
    return v;
  };
  const result = walk(value) as Json;
  return { value: result, changed };
}
