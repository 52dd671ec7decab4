// Use case: the staff queue. Cases the actor may see, filtered, sorted by due date and then receipt (or by receipt),
// keyset-paginated (cursor = last row's sort key + id): page 500 costs the same as page 1.
import { db } from "@/lib/db/client";
import { dbDateToIso } from "@/lib/db/dates";
import { osloDateOf } from "@/lib/domain/calendar";
import { daysLeft } from "@/lib/domain/deadline";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import type { CaseStatus, Right, Channel, IdentityLevel } from "@/lib/db/generated/client";
import { queueFiltersSchema, type QueueFilters } from "./queue-filters";
import type { UnitNames } from "@/lib/domain/unit-names";
import { buildQueueQuery, encodeQueueCursor } from "./queue-query";
import { caseScopeFilter } from "./case-scope";
import { now as clockNow } from "@/lib/clock";

export type QueueRow = {
  id: string;
  reference: string;
  rights: Right[];
  status: CaseStatus;
  channel: Channel;
  receivedAt: Date;
  dueDate: string;
  daysLeft: number;
  extended: boolean;
  /** The unit's names (bokmål, nynorsk, English): the page shows the reader's language (unitNameIn). */
  unit: UnitNames | null;
  assigneeName: string | null;
  requesterName: string;
  identityLevel: IdentityLevel;
  /** For optimistic locking of the bulk assign form. */
  version: number;
  /** The requester wrote after closing; nobody has followed it up yet. */
  followUpAt: Date | null;
};

export type QueuePage = { rows: QueueRow[]; nextCursor: string | null };

type RawRow = {
  id: string;
  reference: string;
  rights: string[];
  status: string;
  channel: string;
  received_at: Date;
  due_date: Date;
  extended: boolean;
  requester_name: string;
  identity_level: string;
  unit_name: string | null;
  unit_name_nn: string | null;
  unit_name_en: string | null;
  assignee_name: string | null;
  version: number;
  follow_up_at: Date | null;
};

export async function listQueue(
  actor: Actor,
  options: { filters?: Partial<QueueFilters>; cursor?: string | null; limit?: number; now?: Date } = {},
): Promise<QueuePage> {
  if (!can(actor, "case.list") || (actor.kind !== "staff" && actor.kind !== "system")) {
    throw new DomainError("not_found");
  }
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  const now = options.now ?? clockNow();
  const filters = queueFiltersSchema.parse({ ...options.filters, cursor: options.cursor ?? options.filters?.cursor ?? undefined });
  const rows = await db().$queryRaw<RawRow[]>(buildQueueQuery(actor, filters, { now, limit }));
  const today = osloDateOf(now);

  const page: QueueRow[] = rows.slice(0, limit).map((row) => {
    const due = dbDateToIso(row.due_date);
    return {
      id: row.id,
      reference: row.reference,
      rights: row.rights as Right[],
      status: row.status as CaseStatus,
      channel: row.channel as Channel,
      receivedAt: row.received_at,
      dueDate: due,
      daysLeft: daysLeft(due, today),
      extended: row.extended,
      unit: row.unit_name === null ? null : { name: row.unit_name, nameNn: row.unit_name_nn, nameEn: row.unit_name_en },
      assigneeName: row.assignee_name,
      requesterName: row.requester_name,
      identityLevel: row.identity_level as IdentityLevel,
      version: row.version,
      followUpAt: row.follow_up_at,
    };
  });
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeQueueCursor({ due: filters.sort === "due" ? last.dueDate : undefined, received: last.receivedAt.toISOString(), id: last.id })
      : null;
  return { rows: page, nextCursor };
}

/** How many closed cases in the actor's scope wait for a follow-up (the queue's "Oppfølging" view). */
export async function countFollowUps(actor: Actor): Promise<number> {
  if (!can(actor, "case.list") || actor.kind !== "staff") return 0;
  return db().case.count({ where: { AND: [{ followUpAt: { not: null } }, caseScopeFilter(actor)] } });
}
