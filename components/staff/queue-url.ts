// The queue's URL: its filters (kept by the filter form, the saved views, paging and the actions'
// redirects) and a notice after an action. Pure functions, shared by the page and the actions.
import { isCanonicalCaseReference } from "@/lib/domain/reference";
import { isUuid } from "@/lib/domain/uuid";
import { DEFAULT_QUEUE_PAGE_SIZE } from "@/lib/cases/queue-filters";
export const QUEUE_FILTER_KEYS = [
  "view",
  "status",
  "right",
  "unit",
  "assignee",
  "channel",
  "identity",
  "dueWithinDays",
  "overdue",
  "paused",
  "extended",
  "q",
  "sort",
  "perPage",
] as const;

export const QUEUE_NOTICE_ERRORS = [
  "notFound",
  "forbidden",
  "closed",
  "conflict",
  "noneSelected",
  "tooMany",
  "noAssignee",
  "assigneeNoAccess",
  "invalid",
  "unexpected",
] as const;
export type QueueNoticeError = (typeof QUEUE_NOTICE_ERRORS)[number];

export type QueueNotice =
  | { done: "claimed"; ref: string }
  /** `stale`: selected cases someone else changed in the meantime (not assigned; reload). */
  | { done: "assigned"; count: number; stale?: number }
  /** The case was moved to a unit the actor does not see any more. */
  | { done: "moved"; ref: string }
  | { error: QueueNoticeError; ref?: string; errorId?: string };

type SearchParamsInput = string | URLSearchParams | Record<string, string | string[] | undefined>;

function toSearchParams(input: SearchParamsInput): URLSearchParams {
  if (typeof input === "string") return new URLSearchParams(input.replace(/^\?/, ""));
  if (input instanceof URLSearchParams) return input;
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) if (typeof v === "string") out.set(k, v);
  return out;
}

/** Only the filter parameters (no cursor, no notice), without empty values. */
export function queueParamsFrom(input: SearchParamsInput): URLSearchParams {
  const source = toSearchParams(input);
  const out = new URLSearchParams();
  for (const key of QUEUE_FILTER_KEYS) {
    const value = source.get(key);
    if (value && value.length <= 200 && !(key === "view" && value === "all") && !(key === "perPage" && value === String(DEFAULT_QUEUE_PAGE_SIZE))) out.set(key, value);
  }
  return out;
}

export function queueHref(filters: URLSearchParams, extra: { cursor?: string | null; view?: string } | QueueNotice = {}): string {
  const params = new URLSearchParams(filters);
  if ("view" in extra && extra.view !== undefined) {
    if (extra.view === "all") params.delete("view");
    else params.set("view", extra.view);
  }
  if ("cursor" in extra && extra.cursor) params.set("cursor", extra.cursor);
  if ("done" in extra) {
    params.set("done", extra.done);
    if (extra.done === "claimed" || extra.done === "moved") params.set("ref", extra.ref);
    else {
      params.set("count", String(extra.count));
      if (extra.stale) params.set("stale", String(extra.stale));
    }
  }
  if ("error" in extra) {
    params.set("error", extra.error);
    if (extra.ref) params.set("ref", extra.ref);
    if (extra.errorId) params.set("errorId", extra.errorId);
  }
  const query = params.toString();
  return query ? `/staff?${query}` : "/staff";
}


/** The notice in the URL, validated (a hand-made URL shows nothing rather than arbitrary text). */
export function queueNoticeFrom(input: SearchParamsInput): QueueNotice | null {
  const p = toSearchParams(input);
  const ref = p.get("ref") ?? "";
  const done = p.get("done");
  if (done === "claimed" && isCanonicalCaseReference(ref)) return { done, ref };
  if (done === "moved" && isCanonicalCaseReference(ref)) return { done, ref };
  if (done === "assigned" && /^\d{1,3}$/.test(p.get("count") ?? "")) {
    const stale = p.get("stale") ?? "";
    return { done, count: Number(p.get("count")), ...(/^[1-9]\d{0,2}$/.test(stale) ? { stale: Number(stale) } : {}) };
  }
  const error = p.get("error");
  if (error && (QUEUE_NOTICE_ERRORS as readonly string[]).includes(error)) {
    const errorId = p.get("errorId") ?? "";
    return {
      error: error as QueueNoticeError,
      ref: isCanonicalCaseReference(ref) ? ref : undefined,
      errorId: isUuid(errorId) ? errorId : undefined,
    };
  }
  return null;
}
