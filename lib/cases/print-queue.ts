// Use cases of the print queue: paper letters (delivery "post") waiting to be printed and posted,
// oldest first; a letter's PDF; marking letters as printed (one or many), each with a
// "letter.printed" audit event on its case. Scoped like the case queue: a staff member only ever
// reads letters of cases they may see (lib/cases/case-scope.ts); anything else does not exist.
// Reading is not acting: only someone who may write to the requester on the case (policy
// "case.message") may mark its letter printed; the DPO sees the queue but cannot mark anything.
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/domain/errors";
import { can, hasPermission, type Actor } from "@/lib/domain/policy";
import { caseScopeFilter } from "./case-scope";
import { isLetterKind, type LetterKind } from "@/lib/domain/letters";
import { now as clockNow } from "@/lib/clock";
import { isUuid } from "@/lib/domain/uuid";
import { dbDateToIso } from "@/lib/db/dates";
import { osloDateOf, type IsoDate } from "@/lib/domain/calendar";
import { isClosed } from "@/lib/domain/case-status";
import { latestPostingDate, paperLetterDeadline } from "@/lib/domain/post";

export const PRINT_QUEUE_LIMIT = 200;
export const MARK_PRINTED_MAX = 200;

export type PrintQueueRow = {
  id: string;
  reference: string;
  recipientName: string;
  kind: string;
  locale: string;
  createdAt: Date;
  sizeBytes: number;
  /** The last day to post it so that it arrives by its legal date (null: no date hangs on it). */
  postBy: IsoDate | null;
  /** The date it must reach the requester by. */
  deadline: IsoDate | null;
  /** May the actor mark this letter printed (policy "case.message" on its case)? */
  canMark: boolean;
};

/** The action that lets a staff member act on a case's post (sending it is writing to the requester). */
export const MARK_PRINTED_ACTION = "case.message" as const;

function queuedPostLetters(actor: Actor): Prisma.LetterWhereInput {
  return { delivery: "post", status: "queued", case: caseScopeFilter(actor) };
}

function assertMayList(actor: Actor): asserts actor is Extract<Actor, { kind: "staff" }> {
  if (actor.kind !== "staff" || !hasPermission(actor, "case.list")) throw new DomainError("not_found");
}

export async function listPrintQueue(actor: Actor): Promise<PrintQueueRow[]> {
  assertMayList(actor);
  const rows = await db().letter.findMany({
    where: queuedPostLetters(actor),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: PRINT_QUEUE_LIMIT,
    select: {
      id: true,
      kind: true,
      locale: true,
      createdAt: true,
      case: {
        select: {
          reference: true,
          unitId: true,
          requesterId: true,
          assigneeId: true,
          status: true,
          dueDate: true,
          oneMonthDueDate: true,
          extended: true,
          requester: { select: { name: true } },
        },
      },
    },
  });
  // The PDF's size without reading the bytes into the app.
  const sizes = rows.length
    ? await db().$queryRaw<{ id: string; size: number }[]>`
        SELECT id::text AS id, COALESCE(octet_length(pdf), 0)::int AS size FROM letter WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`
    : [];
  const sizeOf = new Map(sizes.map((s) => [s.id, s.size]));
  return rows.map((r) => ({
    id: r.id,
    reference: r.case.reference,
    recipientName: r.case.requester.name,
    kind: r.kind,
    locale: r.locale,
    createdAt: r.createdAt,
    sizeBytes: sizeOf.get(r.id) ?? 0,
    ...postingDates(r),
    canMark: can(actor, MARK_PRINTED_ACTION, { unitId: r.case.unitId, requesterId: r.case.requesterId, assigneeId: r.case.assigneeId }),
  }));
}

type DatedLetter = {
  kind: string;
  createdAt: Date;
  case: { status: Parameters<typeof isClosed>[0]; dueDate: Date; oneMonthDueDate: Date; extended: boolean };
};

/**
 * The legal date a queued paper letter serves and the last day to post it (issue 13, item 4). A
 * letter of a closed case is the answer (or a later message): held to the due date it answered by.
 */
export function postingDates(letter: DatedLetter): { deadline: IsoDate | null; postBy: IsoDate | null } {
  const kind = isLetterKind(letter.kind) ? letter.kind : "message";
  const deadline = paperLetterDeadline({
    kind,
    createdOn: osloDateOf(letter.createdAt),
    dueDate: dbDateToIso(letter.case.dueDate),
    oneMonthDueDate: dbDateToIso(letter.case.oneMonthDueDate),
    extended: letter.case.extended,
  });
  // After the decision, only the answer itself has a legal date; a later message has none.
  if (deadline && isClosed(letter.case.status) && kind !== "response") return { deadline: null, postBy: null };
  return { deadline, postBy: deadline ? latestPostingDate(deadline) : null };
}

const PDF_NAME_PREFIX: Readonly<Record<LetterKind, string>> = { receipt: "kvittering", response: "svarbrev", message: "brev" };

/** A letter's PDF, for anyone who may see its case (any delivery, any status); null otherwise. */
export async function getLetterPdf(actor: Actor, id: string): Promise<{ fileName: string; bytes: Buffer } | null> {
  if (actor.kind !== "staff" || !isUuid(id)) return null;
  const letter = await db().letter.findFirst({
    where: { id, case: caseScopeFilter(actor) },
    select: { kind: true, pdf: true, case: { select: { reference: true } } },
  });
  if (!letter?.pdf) return null;
  const prefix = isLetterKind(letter.kind) ? PDF_NAME_PREFIX[letter.kind] : "brev";
  return { fileName: `${prefix}-${letter.case.reference}.pdf`, bytes: Buffer.from(letter.pdf) };
}

function printedFacts(letter: DatedLetter, now: Date): Record<string, unknown> {
  const { postBy, deadline } = postingDates(letter);
  if (!postBy || !deadline) return {};
  const postedOn = osloDateOf(now);
  return { postedOn, postBy, deadline, postedLate: postedOn > postBy };
}

/**
 * Marks queued post letters as printed. Ids the actor may not see, unknown ids and letters already
 * printed are skipped (a letter printed by a colleague a moment ago is not printed "twice"); so are
 * letters of cases the actor may see but not work (policy "case.message"). Someone who may not
 * work any case (the DPO) is refused outright. Returns how many were marked.
 */
export async function markLettersPrinted(actor: Actor, ids: readonly string[], now: Date = clockNow()): Promise<{ marked: number }> {
  assertMayList(actor);
  if (!hasPermission(actor, MARK_PRINTED_ACTION)) throw new DomainError("forbidden");
  const wanted = [...new Set(ids)].filter((id) => isUuid(id)).slice(0, MARK_PRINTED_MAX);
  if (wanted.length === 0) return { marked: 0 };
  const marked = await db().$transaction(async (tx) => {
    const letters = await tx.letter.findMany({
      where: { id: { in: wanted }, ...queuedPostLetters(actor) },
      select: {
        id: true,
        caseId: true,
        kind: true,
        createdAt: true,
        case: { select: { unitId: true, requesterId: true, assigneeId: true, status: true, dueDate: true, oneMonthDueDate: true, extended: true } },
      },
    });
    let count = 0;
    for (const letter of letters) {
      if (!can(actor, MARK_PRINTED_ACTION, letter.case)) continue;
      // Guarded by status: two people marking the same letter at once write one event, not two.
      const updated = await tx.letter.updateMany({ where: { id: letter.id, status: "queued" }, data: { status: "printed", printedAt: now } });
      if (updated.count !== 1) continue;
      await tx.caseEvent.create({
        data: {
          caseId: letter.caseId,
          at: now,
          actorType: "staff",
          actorId: actor.userId,
          type: "letter.printed",
          // A paper notice is given when it is printed and posted, not when it was queued: the
          // event records the day it went out against the last day it could.
          after: { letterId: letter.id, ...printedFacts(letter, now) },
        },
      });
      count++;
    }
    return count;
  });
  return { marked };
}
