/**
 * Idempotency keys of submissions (the request form, the JSON API, staff registering a request).
 * A key makes at most one case, and only for whoever sent it: the key is scoped to its submitter
 * (a signed-in identity, an API key, a staff member), so a key guessed or copied from someone else
 * never returns their receipt. Keys are uuids compared in lower case; the nil uuid is no key. The
 * same key with a different body is a conflict (409), not a replay. Pure.
 */

import { isUuid } from "./uuid";

export const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/** The key as stored (lower case), or null for anything that is not a usable key. */
export function normaliseSubmissionKey(key: unknown): string | null {
  if (typeof key !== "string") return null;
  const k = key.trim().toLowerCase();
  return isUuid(k) && k !== NIL_UUID ? k : null;
}

export type Submitter =
  | { kind: "identity"; identityId: string }
  | { kind: "api"; keyName: string }
  | { kind: "staff"; userId: string }
  /** A direct call of the service (tests, scripts): one scope of its own. */
  | { kind: "service" };

export function submissionScope(submitter: Submitter): string {
  switch (submitter.kind) {
    case "identity":
      return `identity:${submitter.identityId}`;
    case "api":
      return `api:${submitter.keyName}`;
    case "staff":
      return `staff:${submitter.userId}`;
    case "service":
      return "service";
  }
}

/** JSON with object keys sorted at every level: the same body gives the same text, whatever its key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
