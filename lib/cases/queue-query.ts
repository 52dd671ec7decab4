// Builds the queue's SQL. One builder serves the service and the EXPLAIN benchmark
// (scripts/bench-queue.ts), so what is measured is exactly what runs.
import { Prisma } from "@/lib/db/generated/client";
import { addDays, osloDateOf } from "@/lib/domain/calendar";
import { type Actor } from "@/lib/domain/policy";
import type { QueueFilters } from "./queue-filters";
import { caseScopeBranches } from "./case-scope";
import { isUuid } from "@/lib/domain/uuid";

/** The last row's sort key: due date and receipt time (sort "due": ties in due date by receipt), or receipt time. */
export type QueueCursor = { due?: string; received: string; id: string };

export function encodeQueueCursor(cursor: QueueCursor) {
  return Buffer.from([cursor.due ?? "", cursor.received, cursor.id].join("|")).toString("base64url");
}

export function decodeQueueCursor(raw: string | undefined, sort: QueueFilters["sort"]): QueueCursor | null {
  if (!raw) return null;
  const [due, received, id] = Buffer.from(raw, "base64url").toString().split("|");
  if (!received || !id || !isUuid(id) || Number.isNaN(Date.parse(received))) return null;
  if (sort === "due") return due && /^\d{4}-\d{2}-\d{2}$/.test(due) ? { due, received, id } : null;
  return { received, id };
}

export function buildQueueQuery(actor: Actor & { kind: "staff" | "system" }, filters: QueueFilters, options: { now: Date; limit: number }) {
  const today = osloDateOf(options.now);
  const where: Prisma.Sql[] = [];

  if (filters.status) where.push(Prisma.sql`c.status = ${filters.status}::"CaseStatus"`);
  // Follow-ups are closed cases: the partial index on follow_up_at, whatever the status.
  else if (filters.view === "follow_up") where.push(Prisma.sql`c.follow_up_at IS NOT NULL`);
  // Written exactly like the partial indexes' predicate, so the planner can use them.
  else where.push(Prisma.sql`c.status IN ('received', 'in_progress', 'awaiting_requester')`);
  if (filters.view === "follow_up" && filters.status) where.push(Prisma.sql`c.follow_up_at IS NOT NULL`);
  if (filters.right) where.push(Prisma.sql`${filters.right}::"Right" = ANY (c.rights)`);
  if (filters.channel) where.push(Prisma.sql`c.channel = ${filters.channel}::"Channel"`);
  if (filters.identity) where.push(Prisma.sql`r.identity_level = ${filters.identity}::"IdentityLevel"`);
  if (filters.unit) where.push(Prisma.sql`c.unit_id = ${filters.unit}::uuid`);
  if (filters.assignee === "none") where.push(Prisma.sql`c.assignee_id IS NULL`);
  else if (filters.assignee) where.push(Prisma.sql`c.assignee_id = ${filters.assignee}::uuid`);
  if (filters.paused) where.push(Prisma.sql`c.status = 'awaiting_requester'`);
  if (filters.extended) where.push(Prisma.sql`c.extended`);

  const view = filters.view;
  if (view === "mine" && actor.kind === "staff") where.push(Prisma.sql`c.assignee_id = ${actor.userId}::uuid`);
  if (view === "unassigned") where.push(Prisma.sql`c.assignee_id IS NULL`);
  // A paused case's deadline moves one day per day until the requester answers: it is neither due
  // soon nor overdue (the same rule as the dashboard, the reminders and the digest).
  const dueWithin = view === "due_this_week" ? 7 : filters.dueWithinDays;
  if (dueWithin !== undefined) {
    where.push(Prisma.sql`c.due_date <= ${addDays(today, dueWithin)}::date AND c.status <> 'awaiting_requester'`);
  }
  if (filters.overdue || view === "overdue") where.push(Prisma.sql`c.due_date < ${today}::date AND c.status <> 'awaiting_requester'`);

  if (filters.q) {
    const q = filters.q;
    // The user's text is a literal: escape LIKE's wildcards.
    const escaped = q.replace(/[%_\\]/g, "\\$&");
    if (/^pv-\d{4}-\d{6,}$/i.test(q)) where.push(Prisma.sql`c.reference = ${q.toUpperCase()}`);
    else if (/^pv-/i.test(q)) where.push(Prisma.sql`c.reference LIKE ${`${escaped.toUpperCase()}%`}`);
    // Names through the trigram index first; an OR across both tables would walk every open case.
    else where.push(Prisma.sql`c.requester_id IN (SELECT id FROM requester WHERE name ILIKE ${`%${escaped}%`})`);
  }

  const cursor = decodeQueueCursor(filters.cursor, filters.sort);
  // Ties in due date go by receipt time (first come, first served), then id for a total order.
  const sortColumns = filters.sort === "due" ? Prisma.sql`c.due_date, c.received_at, c.id` : Prisma.sql`c.received_at, c.id`;
  if (cursor) {
    where.push(
      cursor.due
        ? Prisma.sql`(c.due_date, c.received_at, c.id) > (${cursor.due}::date, ${cursor.received}::timestamptz, ${cursor.id}::uuid)`
        : Prisma.sql`(c.received_at, c.id) > (${cursor.received}::timestamptz, ${cursor.id}::uuid)`,
    );
  }

  const columns = Prisma.sql`c.id, c.reference, c.rights::text[] AS rights, c.status::text AS status,
    c.channel::text AS channel, c.received_at, c.due_date, c.extended, r.name AS requester_name,
    r.identity_level::text AS identity_level, c.unit_id, c.assignee_id, c.version, c.follow_up_at`;
  const branches = caseScopeBranches(actor).map(
    (scope) => Prisma.sql`(SELECT ${columns}
      FROM request_case c JOIN requester r ON r.id = c.requester_id
      WHERE ${scope} AND ${Prisma.join(where, " AND ")}
      ORDER BY ${sortColumns}
      LIMIT ${options.limit + 1})`,
  );
  const sortKey = filters.sort === "due" ? Prisma.sql`q.due_date, q.received_at` : Prisma.sql`q.received_at`;
  // UNION (not ALL): a case in one of my units that is also assigned to me appears once.
  return Prisma.sql`
    SELECT q.*, u.name AS unit_name, u.name_nn AS unit_name_nn, u.name_en AS unit_name_en, coalesce(a.name, a.email) AS assignee_name
    FROM (${Prisma.join(branches, " UNION ")}) q
    LEFT JOIN unit u ON u.id = q.unit_id
    LEFT JOIN staff_user a ON a.id = q.assignee_id
    ORDER BY ${sortKey}, q.id
    LIMIT ${options.limit + 1}`;
}
