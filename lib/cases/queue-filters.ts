// The staff queue's filters: one zod schema for the filter form (query string) and the service.
import { z } from "zod";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { CASE_STATUSES, CHANNELS, IDENTITY_LEVELS } from "@/lib/domain/case-status";
import { RIGHTS } from "@/lib/domain/rights";

/** `follow_up`: closed cases the requester wrote in afterwards, until someone follows them up. */
export const QUEUE_VIEWS = ["all", "mine", "unassigned", "due_this_week", "overdue", "follow_up"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

const flag = z
  .union([z.boolean(), z.enum(["1", "true", "on", ""])])
  .optional()
  .transform((v) => v === true || v === "1" || v === "true" || v === "on");

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.literal("")])
    .optional()
    .transform((v) => (v ? (v as T[number]) : undefined));

export const QUEUE_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_QUEUE_PAGE_SIZE = 25;

export const queueFiltersSchema = z.object({
  view: z.enum(QUEUE_VIEWS).catch("all").default("all"),
  status: optionalEnum(CASE_STATUSES),
  right: optionalEnum(RIGHTS),
  channel: optionalEnum(CHANNELS),
  identity: optionalEnum(IDENTITY_LEVELS),
  unit: z.union([z.uuid(), z.literal("")]).optional().transform((v) => v || undefined),
  assignee: z.union([z.uuid(), z.literal("none"), z.literal("")]).optional().transform((v) => v || undefined),
  // "" first: z.coerce.number() would read an empty form field as 0 ("due today").
  dueWithinDays: z.union([z.literal(""), z.coerce.number().int().min(0).max(366)]).optional().transform((v) => (v === "" ? undefined : v)),
  overdue: flag,
  paused: flag,
  extended: flag,
  q: z.string().trim().max(100).regex(NO_CONTROL_CHARS).optional().transform((v) => v || undefined),
  sort: z.enum(["due", "received"]).catch("due").default("due"),
  // Rows per page: a caseworker with many open cases may want them on one page.
  perPage: z
    .enum(QUEUE_PAGE_SIZES.map(String) as [string, ...string[]])
    .catch(String(DEFAULT_QUEUE_PAGE_SIZE))
    .default(String(DEFAULT_QUEUE_PAGE_SIZE))
    .transform(Number),
  cursor: z.string().max(200).optional(),
});

export type QueueFilters = z.output<typeof queueFiltersSchema>;

/** Parses a query string object leniently: a broken filter is dropped, never an error page. */
export function parseQueueFilters(input: Record<string, string | string[] | undefined>): QueueFilters {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) if (typeof v === "string") flat[k] = v;
  const parsed = queueFiltersSchema.safeParse(flat);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  for (const key of bad) delete flat[key];
  return queueFiltersSchema.parse(flat);
}
