// The one mapping from a case row to the state machine's snapshot (lib/domain/case-state-machine.ts):
// the transition service and the case page read the same fields the same way.
import type { CaseSnapshot } from "@/lib/domain/case-state-machine";
import { dbDateToIso } from "@/lib/db/dates";

/** What a snapshot needs from request_case (a Prisma select). */
export const CASE_SNAPSHOT_SELECT = {
  status: true,
  extended: true,
  receivedAt: true,
  rights: true,
  closedAt: true,
  identityLevel: true,
  reopenedAt: true,
  orderedDueDate: true,
  pauses: { select: { id: true, kind: true, startedAt: true, endedAt: true }, orderBy: { startedAt: "asc" } },
  _count: { select: { attachments: { where: { purpose: "answer", deletedAt: null } } } },
} as const;

type SnapshotRow = {
  status: CaseSnapshot["status"];
  extended: boolean;
  receivedAt: Date;
  rights: CaseSnapshot["rights"];
  closedAt: Date | null;
  identityLevel: CaseSnapshot["identityLevel"];
  reopenedAt: Date | null;
  orderedDueDate: Date | null;
  pauses: { startedAt: Date; endedAt: Date | null }[];
  _count: { attachments: number };
};

export function toCaseSnapshot(row: SnapshotRow): CaseSnapshot {
  return {
    status: row.status,
    extended: row.extended,
    receivedAt: row.receivedAt,
    rights: row.rights,
    closedAt: row.closedAt,
    identityLevel: row.identityLevel,
    reopenedAt: row.reopenedAt,
    orderedDueDate: row.orderedDueDate ? dbDateToIso(row.orderedDueDate) : null,
    pauses: row.pauses.map((p) => ({ from: p.startedAt, to: p.endedAt })),
    answerFiles: row._count.attachments,
  };
}
