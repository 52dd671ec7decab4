// Shared helper for every case life-cycle change: loads the case as a snapshot, applies a command
// of the pure state machine (lib/domain/case-state-machine.ts) and persists the result (status,
// pauses, due dates, closedAt) together with the audit event, in one transaction, with optimistic
// locking on `version` (a stale version -> DomainError("conflict_stale_version"), nothing written).
import { db, type Tx } from "@/lib/db/client";
import { isoDateToDb } from "@/lib/db/dates";
import type { ActorType, Prisma } from "@/lib/db/generated/client";
import { applyCommand, storedOneMonthDueDate, type CaseCommand, type ApplyResult } from "@/lib/domain/case-state-machine";
import { DomainError } from "@/lib/domain/errors";
import { CASE_SNAPSHOT_SELECT, toCaseSnapshot } from "./case-snapshot";
import { now as clockNow } from "@/lib/clock";
import { enqueueCaseClosedInTx } from "@/lib/platform/integration-outbox";

export type TransitionActor = { type: ActorType; id: string | null };

export type TransitionInput = {
  caseId: string;
  command: CaseCommand;
  actor: TransitionActor;
  /** The version the caller saw; omitted = the version loaded now (still guarded against races). */
  expectedVersion?: number;
  now?: Date;
};

export type TransitionResult = ApplyResult & { version: number };

/** The case as the state machine sees it (plus its row's version and pause ids). Also for previews. */
export async function loadSnapshot(tx: Tx, caseId: string) {
  const found = await tx.case.findUnique({
    where: { id: caseId },
    select: { ...CASE_SNAPSHOT_SELECT, id: true, version: true, municipalityId: true },
  });
  if (!found) throw new DomainError("not_found");
  return { row: found, snapshot: toCaseSnapshot(found) };
}

/** Runs the transition inside `tx` (for callers that write more in the same transaction). */
export async function transitionCaseInTx(tx: Tx, input: TransitionInput): Promise<TransitionResult> {
  const now = input.now ?? clockNow();
  const { row, snapshot } = await loadSnapshot(tx, input.caseId);
  const version = input.expectedVersion ?? row.version;
  if (version !== row.version) throw new DomainError("conflict_stale_version");

  const result = applyCommand(snapshot, input.command, now);
  const next = result.snapshot;
  const command = input.command;

  // The guard: only the version we read may be replaced. Zero rows = someone else got there first.
  const updated = await tx.case.updateMany({
    where: { id: row.id, version },
    data: {
      status: next.status,
      extended: next.extended,
      closedAt: next.closedAt,
      dueDate: isoDateToDb(result.dueDate),
      oneMonthDueDate: isoDateToDb(storedOneMonthDueDate(next)),
      ...(command.type === "extend" ? { extensionReason: command.reason.trim() } : {}),
      ...(command.type === "reopen"
        ? {
            reopenedAt: now,
            reopenGround: command.ground,
            reopenReason: command.reason.trim(),
            orderedDueDate: command.orderedDueDate ? isoDateToDb(command.orderedDueDate) : null,
            // The earlier extension's ground belongs to the first handling (its reason stays for the record).
            extensionGround: null,
          }
        : {}),
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) throw new DomainError("conflict_stale_version");
  // Closing closes the case folder in the archive (integration outbox, same transaction).
  if (row.closedAt === null && next.closedAt !== null) {
    await enqueueCaseClosedInTx(tx, { caseId: row.id, municipalityId: row.municipalityId, closedAt: next.closedAt });
  }

  // Pauses: a new open one (ask_requester) or the open one closed (requester_answered, withdraw).
  // A closed pause ends when the state machine says (the day the answer arrived, which may be
  // earlier than now when a caseworker records an answer that came by phone or post).
  const openBefore = row.pauses.find((p) => p.endedAt === null);
  const openAfter = next.pauses.find((p) => p.to === null);
  if (!openBefore && openAfter && input.command.type === "ask_requester") {
    await tx.casePause.create({ data: { caseId: row.id, kind: input.command.kind, startedAt: openAfter.from } });
  } else if (openBefore && !openAfter) {
    const closed = next.pauses.find((p) => p.from.getTime() === openBefore.startedAt.getTime() && p.to !== null);
    await tx.casePause.update({ where: { id: openBefore.id }, data: { endedAt: closed?.to ?? now } });
  }

  await tx.caseEvent.create({
    data: {
      caseId: row.id,
      at: now,
      actorType: input.actor.type,
      actorId: input.actor.id,
      type: result.event.type,
      before: result.event.before as object,
      after: result.event.after as object,
    },
  });
  return { ...result, version: version + 1 };
}

/**
 * For changes outside the state machine (notes, tasks, restriction, complex): bumps `version` if and
 * only if it is still `expectedVersion`, writing `data` with it. Zero rows -> conflict_stale_version.
 */
export async function bumpCaseVersionInTx(
  tx: Tx,
  caseId: string,
  expectedVersion: number,
  data: Omit<Prisma.CaseUpdateManyMutationInput, "version"> = {},
): Promise<number> {
  const updated = await tx.case.updateMany({
    where: { id: caseId, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw new DomainError("conflict_stale_version");
  return expectedVersion + 1;
}

/** Runs the transition in its own transaction. */
export async function transitionCase(input: TransitionInput): Promise<TransitionResult> {
  return db().$transaction((tx) => transitionCaseInTx(tx, input));
}
