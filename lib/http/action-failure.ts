// The one place that decides what a failed server action answers. Every action calls its service
// inside `tryAction`; whatever the service throws comes out here:
//   - Next's own control flow (redirect(), notFound()) is thrown on;
//   - not_found (a case, user or page the caller may not see) is the ordinary 404 page, the same
//     for every action (the caller learns nothing about whether it exists);
//   - the other domain errors become a typed failure the form shows in its own words
//     (forbidden = visible but not allowed: "not allowed, nothing changed");
//   - anything else is logged with an error id (never its message: it may hold data) and shown as
//     "something went wrong, error id ...".
// Actions differ only in how they show a failure (their form state); the decisions are made here.
import "server-only";
import { randomUUID } from "node:crypto";
import { notFound, unstable_rethrow } from "next/navigation";
import { isDomainError, type DomainErrorCode, type DomainErrorDetails } from "@/lib/domain/errors";
import { logger } from "@/lib/log";
import { isCanonicalCaseReference } from "@/lib/domain/reference";
import { isUuid } from "@/lib/domain/uuid";

export type ActionFailure =
  /** Visible to the caller, but not theirs to change. */
  | { kind: "forbidden" }
  /** Someone else changed it first (optimistic locking). */
  | { kind: "conflict"; details: DomainErrorDetails }
  | { kind: "rate_limited"; details: DomainErrorDetails }
  /** Bad input the service found: per field where it says which (`details.field` / `details.fields`). */
  | { kind: "invalid"; field: string | null; fields: Record<string, string>; details: DomainErrorDetails }
  /** Any other rule of the domain (case_closed, invalid_transition, extension_too_late, ...). */
  | { kind: "rule"; code: DomainErrorCode; details: DomainErrorDetails }
  | { kind: "unexpected"; errorId: string };

export function actionFailure(error: unknown, event: string): ActionFailure {
  unstable_rethrow(error);
  if (isDomainError(error)) {
    const details = error.details ?? {};
    switch (error.code) {
      case "not_found":
        return notFound();
      case "forbidden":
        return { kind: "forbidden" };
      case "conflict_stale_version":
        return { kind: "conflict", details };
      case "rate_limited":
        return { kind: "rate_limited", details };
      case "validation_failed": {
        const fields = details.fields && typeof details.fields === "object" ? (details.fields as Record<string, string>) : {};
        return { kind: "invalid", field: typeof details.field === "string" ? details.field : null, fields, details };
      }
      default:
        return { kind: "rule", code: error.code, details };
    }
  }
  const errorId = randomUUID();
  logger.error(event, { errorId, error: (error as Error)?.name ?? typeof error, code: (error as { code?: unknown })?.code });
  return { kind: "unexpected", errorId };
}

/**
 * Runs `work` (the service call); a failure goes through `actionFailure` and then to `show`, the
 * action's own way of answering it (form state, or a redirect with a notice).
 */
export async function tryAction<T>(event: string, work: () => Promise<T>, show: (failure: ActionFailure) => T | Promise<T> | never): Promise<T> {
  try {
    return await work();
  } catch (error) {
    return show(actionFailure(error, event));
  }
}

/** A string form field ("" when missing or a file). */
export function formString(formData: FormData, key: string): string {
  const value = formData.get(key);
  return typeof value === "string" ? value : "";
}

/** A case reference from a hidden field; anything else is the 404 page (a forged post). */
export function referenceField(formData: FormData, key = "reference"): string {
  const value = formString(formData, key);
  if (!isCanonicalCaseReference(value)) notFound();
  return value;
}

/** A uuid from a hidden field; anything else is the 404 page. */
export function uuidField(formData: FormData, key: string): string {
  const value = formString(formData, key);
  if (!isUuid(value)) notFound();
  return value;
}
