// Use case: the staff queue. Open cases the actor may see, by due date, keyset-paginated
// (cursor = last row's due date + id), so page 500 costs the same as page 1.
import { db } from "@/lib/db/client";
import { dbDateToIso, isoDateToDb } from "@/lib/db/dates";
import { osloDateOf } from "@/lib/domain/calendar";
import { daysLeft } from "@/lib/domain/deadline";
import { DomainError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/policy";
import type { CaseStatus, Right, Channel } from "@/lib/db/generated/client";
import { caseScopeFilter } from "./case-scope";

export const OPEN_STATUSES: CaseStatus[] = ["received", "in_progress", "awaiting_requester"];

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
  unitName: string | null;
  assigneeName: string | null;
  requesterName: string;
};

export type QueuePage = { rows: QueueRow[]; nextCursor: string | null };

export function encodeCursor(dueDate: string, id: string) {
  return Buffer.from(`${dueDate}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { dueDate: string; id: string } | null {
  const [dueDate, id] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!dueDate || !id || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { dueDate, id };
}

export async function listQueue(
  actor: Actor,
  options: { cursor?: string | null; limit?: number; now?: Date } = {},
): Promise<QueuePage> {
  if (!can(actor, "case.list")) throw new DomainError("not_found");
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  const today = osloDateOf(options.now ?? new Date());
  const cursor = options.cursor ? decodeCursor(options.cursor) : null;

  const rows = await db().case.findMany({
    where: {
      AND: [
        caseScopeFilter(actor),
        { status: { in: OPEN_STATUSES } },
        cursor
          ? {
              OR: [
                { dueDate: { gt: isoDateToDb(cursor.dueDate) } },
                { dueDate: isoDateToDb(cursor.dueDate), id: { gt: cursor.id } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      id: true,
      reference: true,
      rights: true,
      status: true,
      channel: true,
      receivedAt: true,
      dueDate: true,
      extended: true,
      unit: { select: { name: true } },
      assignee: { select: { name: true, email: true } },
      requester: { select: { name: true } },
    },
  });

  const page = rows.slice(0, limit).map((row) => {
    const due = dbDateToIso(row.dueDate);
    return {
      id: row.id,
      reference: row.reference,
      rights: row.rights,
      status: row.status,
      channel: row.channel,
      receivedAt: row.receivedAt,
      dueDate: due,
      daysLeft: daysLeft(due, today),
      extended: row.extended,
      unitName: row.unit?.name ?? null,
      assigneeName: row.assignee ? (row.assignee.name ?? row.assignee.email) : null,
      requesterName: row.requester.name,
    };
  });
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last.dueDate, last.id) : null };
}
