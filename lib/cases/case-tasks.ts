// Use cases: work per municipal system. Suggest tasks from the unit's systems and the rights of the
// case (search, correct, erase, restrict) plus Art. 19 tasks to notify recipients for rectification,
// erasure and restriction; add a task (optionally assigned to a colleague who has access to the
// case's unit); give it to another colleague; tick it off with a note. Each change: version bump +
// the task + "task.created" / "task.assigned" / "task.done" audit event, in one transaction.
//
// Closed cases: Art. 19 notices to recipients usually come AFTER the decision (the data is corrected
// or erased once it is decided), so tasks can be created, given to a colleague and ticked off on a
// decided case too. Decision: this holds for every closed status, refused and withdrawn included —
// there is no good reason to refuse them: work can remain in the systems after a refusal or a
// withdrawal (lifting a restriction applied while an objection was assessed, 18(1)(d); ticking off
// a search that was done before the decision), and a task is internal bookkeeping that changes
// nothing for the requester. Only an anonymised case (retention) is refused: its free text is gone
// and must not come back through a task's recipient or note.
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import type { TaskKind } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { rightDefinition, type Right } from "@/lib/domain/rights";
import { versionField } from "./ask-requester";
import { bumpCaseVersionInTx } from "./case-transition";
import { CASE_WORK_ACTIONS, requireCaseAction } from "./case-access";
import { taskAssigneesFor } from "./staff-case-view";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { now as clockNow } from "@/lib/clock";

export const TASK_KINDS = ["search", "correct", "erase", "restrict", "notify_recipient", "other"] as const satisfies readonly TaskKind[];
export const TASK_TEXT_MAX = 200;
export const TASK_NOTE_MAX = 2000;

/** What to do in each system, per right. Objection: restrict while the objection is assessed (18(1)(d)). */
const KIND_FOR_RIGHT: Record<Right, TaskKind> = {
  access: "search",
  portability: "search",
  rectification: "correct",
  erasure: "erase",
  restriction: "restrict",
  objection: "restrict",
};

export type SuggestedTask = { kind: TaskKind; system: string };

/**
 * Tasks the case probably needs that do not exist yet: one per (kind, system) of the unit's systems,
 * and one "notify_recipient" per system when a right needs Art. 19 notices (the recipient is filled in).
 */
export function suggestTasks(
  rights: readonly Right[],
  systems: readonly string[],
  existing: readonly { kind: TaskKind; system: string }[],
): SuggestedTask[] {
  const kinds: TaskKind[] = [];
  for (const right of rights) {
    const kind = KIND_FOR_RIGHT[right];
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  if (rights.some((r) => rightDefinition(r).notifyRecipientsArt19)) kinds.push("notify_recipient");
  const has = (kind: TaskKind, system: string) => existing.some((t) => t.kind === kind && t.system === system);
  const out: SuggestedTask[] = [];
  for (const kind of kinds) for (const system of systems) if (!has(kind, system)) out.push({ kind, system });
  return out;
}

const text = (max: number, required: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, "caseWork.validation.textTooLong").regex(NO_CONTROL_CHARS, "caseWork.validation.textInvalid");

export const createTaskSchema = z
  .object({
    kind: z.enum(TASK_KINDS, { error: "caseWork.validation.taskKind" }),
    system: text(TASK_TEXT_MAX, "caseWork.validation.taskSystem"),
    recipient: z.string().trim().max(TASK_TEXT_MAX, "caseWork.validation.textTooLong").regex(NO_CONTROL_CHARS, "caseWork.validation.textInvalid").optional().default(""),
    assigneeId: z.union([z.uuid("caseWork.validation.taskAssignee"), z.literal("")]).optional().default(""),
    version: versionField,
  })
  .superRefine((v, ctx) => {
    if (v.kind === "notify_recipient" && v.recipient === "") {
      ctx.addIssue({ code: "custom", path: ["recipient"], message: "caseWork.validation.taskRecipient" });
    }
  });

export const assignTaskSchema = z.object({
  taskId: z.uuid("caseWork.validation.taskMissing"),
  assigneeId: z.union([z.uuid("caseWork.validation.taskAssignee"), z.literal("")]).optional().default(""),
  version: versionField,
});

/** For a search task: did it find data about the requester ("" = not stated). */
export const DATA_FOUND_CHOICES = ["yes", "no"] as const;

export const completeTaskSchema = z.object({
  taskId: z.uuid("caseWork.validation.taskMissing"),
  dataFound: z.union([z.enum(DATA_FOUND_CHOICES, { error: "records.tasks.invalidDataFound" }), z.literal("")]).optional().default(""),
  note: z.string().trim().max(TASK_NOTE_MAX, "caseWork.validation.textTooLong").regex(NO_CONTROL_CHARS, "caseWork.validation.textInvalid").optional().default(""),
  version: versionField,
});

function invalid(error: z.ZodError): DomainError {
  return new DomainError("validation_failed", { field: String(error.issues[0]?.path[0] ?? "form") });
}

/** Tasks may change on open and closed cases alike (see above), but not once the case is anonymised. */
async function assertTasksChangeable(tx: Tx, caseId: string): Promise<void> {
  const current = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, anonymisedAt: true } });
  if (current.anonymisedAt) throw new DomainError("case_closed", { status: current.status, anonymised: true });
}

/**
 * The entry in the records of processing a new task's system belongs to: the case's municipality's
 * entry in use with that name (case aside), or null (an admin adding it later links the task).
 */
async function activeEntryForSystemInTx(tx: Tx, caseId: string, system: string): Promise<string | null> {
  const c = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { municipalityId: true } });
  const entry = await tx.processingActivity.findFirst({
    where: { municipalityId: c.municipalityId, retiredAt: null, name: { equals: system, mode: "insensitive" } },
    select: { id: true },
  });
  return entry?.id ?? null;
}

/** The chosen colleague (null for nobody), who must be someone who may work the case's tasks. */
async function checkedTaskAssignee(ref: Parameters<typeof taskAssigneesFor>[0], chosen: string): Promise<string | null> {
  if (!chosen) return null;
  if (!(await taskAssigneesFor(ref)).some((u) => u.id === chosen)) throw new DomainError("validation_failed", { field: "assigneeId" });
  return chosen;
}

export async function createTask(
  actor: Actor,
  input: { reference: string; kind: string; system: string; recipient?: string; assigneeId?: string; expectedVersion: number; now?: Date },
): Promise<{ version: number; taskId: string }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.tasks);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = createTaskSchema.safeParse({ ...input, version: input.expectedVersion });
  if (!parsed.success) throw invalid(parsed.error);
  const assigneeId = await checkedTaskAssignee(found.ref, parsed.data.assigneeId);
  const now = input.now ?? clockNow();
  return db().$transaction(async (tx) => {
    await assertTasksChangeable(tx, found.id);
    const version = await bumpCaseVersionInTx(tx, found.id, parsed.data.version);
    const processingActivityId = await activeEntryForSystemInTx(tx, found.id, parsed.data.system);
    const task = await tx.caseTask.create({
      data: {
        caseId: found.id,
        kind: parsed.data.kind,
        system: parsed.data.system,
        recipient: parsed.data.kind === "notify_recipient" ? parsed.data.recipient : parsed.data.recipient || null,
        assigneeId,
        processingActivityId,
        createdById: actor.userId,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.caseEvent.create({
      data: {
        caseId: found.id,
        at: now,
        actorType: "staff",
        actorId: actor.userId,
        type: "task.created",
        after: { taskId: task.id, kind: parsed.data.kind, system: parsed.data.system, assigneeId, processingActivityId },
      },
    });
    return { version, taskId: task.id };
  });
}

export async function completeTask(
  actor: Actor,
  input: { reference: string; taskId: string; note?: string; dataFound?: string; expectedVersion: number; now?: Date },
): Promise<{ version: number }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.tasks);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = completeTaskSchema.safeParse({ taskId: input.taskId, note: input.note, dataFound: input.dataFound, version: input.expectedVersion });
  if (!parsed.success) throw invalid(parsed.error);
  const now = input.now ?? clockNow();
  return db().$transaction(async (tx) => {
    await assertTasksChangeable(tx, found.id);
    const version = await bumpCaseVersionInTx(tx, found.id, parsed.data.version);
    // Only a search says whether it found data; for other kinds the choice is ignored.
    const dataFound = parsed.data.dataFound === "" ? null : parsed.data.dataFound === "yes";
    // Only an open task of this case; one already ticked off by someone else is a conflict.
    const done = await tx.caseTask.updateMany({
      where: { id: parsed.data.taskId, caseId: found.id, doneAt: null },
      data: { doneAt: now, doneById: actor.userId, note: parsed.data.note || null },
    });
    if (done.count === 1 && dataFound !== null) {
      await tx.caseTask.updateMany({ where: { id: parsed.data.taskId, kind: "search" }, data: { dataFound } });
    }
    if (done.count !== 1) {
      const exists = await tx.caseTask.count({ where: { id: parsed.data.taskId, caseId: found.id } });
      throw exists ? new DomainError("conflict_stale_version") : new DomainError("validation_failed", { field: "taskId" });
    }
    const task = await tx.caseTask.findUniqueOrThrow({ where: { id: parsed.data.taskId }, select: { kind: true, system: true, dataFound: true } });
    await tx.caseEvent.create({
      data: {
        caseId: found.id,
        at: now,
        actorType: "staff",
        actorId: actor.userId,
        type: "task.done",
        after: { taskId: parsed.data.taskId, kind: task.kind, system: task.system, ...(task.kind === "search" ? { dataFound: task.dataFound } : {}) },
      },
    });
    return { version };
  });
}

/**
 * Gives an open task to another colleague who may work the case (`taskAssigneesFor`), or to nobody
 * (`assigneeId` ""). A task already ticked off keeps whoever had it (conflict). Audit event
 * "task.assigned" with the previous and the new assignee (ids only).
 */
export async function assignTask(
  actor: Actor,
  input: { reference: string; taskId: string; assigneeId: string; expectedVersion: number; now?: Date },
): Promise<{ version: number; changed: boolean }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.tasks);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = assignTaskSchema.safeParse({ taskId: input.taskId, assigneeId: input.assigneeId, version: input.expectedVersion });
  if (!parsed.success) throw invalid(parsed.error);
  const assigneeId = await checkedTaskAssignee(found.ref, parsed.data.assigneeId);
  const now = input.now ?? clockNow();
  return db().$transaction(async (tx) => {
    await assertTasksChangeable(tx, found.id);
    const task = await tx.caseTask.findFirst({
      where: { id: parsed.data.taskId, caseId: found.id },
      select: { kind: true, system: true, assigneeId: true, doneAt: true },
    });
    if (!task) throw new DomainError("validation_failed", { field: "taskId" });
    if (task.doneAt) throw new DomainError("conflict_stale_version");
    if (task.assigneeId === assigneeId) return { version: parsed.data.version, changed: false };
    const version = await bumpCaseVersionInTx(tx, found.id, parsed.data.version);
    const updated = await tx.caseTask.updateMany({ where: { id: parsed.data.taskId, caseId: found.id, doneAt: null }, data: { assigneeId } });
    if (updated.count !== 1) throw new DomainError("conflict_stale_version");
    await tx.caseEvent.create({
      data: {
        caseId: found.id,
        at: now,
        actorType: "staff",
        actorId: actor.userId,
        type: "task.assigned",
        after: { taskId: parsed.data.taskId, kind: task.kind, system: task.system, assigneeId, previousAssigneeId: task.assigneeId },
      },
    });
    return { version, changed: true };
  });
}
