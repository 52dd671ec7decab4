// Use case: decide the case, one outcome per right (granted / partially granted / refused / no data held) with the
// legal basis and reasons (Art. 12(4)). The state machine validates the decision (every right once,
// basis + reasons for anything not granted, bases valid for the right) and closes the case; the
// CaseDecision rows (the DB CHECK repeats the basis + reasons rule) are written in the same
// transaction as the status change and the "case.decided" audit event.
// Open tasks per system do not block a decision (Art. 19 notices to recipients usually come after
// it, and tasks stay workable on the closed case): the caseworker is warned and told how many remain.
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { TaskKind } from "@/lib/db/generated/client";
import { deriveDecisionOutcome, RIGHT_OUTCOMES, validateDecision, type DecisionIssue, type RightDecision } from "@/lib/domain/case-state-machine";
import { DomainError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/policy";
import { RIGHTS } from "@/lib/domain/rights";
import { versionField } from "./ask-requester";
import { loadSnapshot, transitionCaseInTx } from "./case-transition";
import { CASE_WORK_ACTIONS, requireCaseAction } from "./case-access";
import { NO_CONTROL_CHARS } from "@/lib/domain/plain-text";
import { now as clockNow } from "@/lib/clock";

export const DECISION_REASONS_MAX_LENGTH = 5000;

export const rightDecisionSchema = z.object({
  right: z.enum(RIGHTS),
  outcome: z.enum(RIGHT_OUTCOMES, { error: "caseWork.validation.outcomeRequired" }),
  legalBasisIds: z.array(z.string().max(64)).max(30).default([]),
  reasons: z.string().max(DECISION_REASONS_MAX_LENGTH, "caseWork.validation.textTooLong").regex(NO_CONTROL_CHARS, "caseWork.validation.textInvalid").default("").transform((v) => v.trim()),
});

export const decideSchema = z.object({ perRight: z.array(rightDecisionSchema).min(1).max(RIGHTS.length), version: versionField });

export async function decideCase(
  actor: Actor,
  input: { reference: string; perRight: RightDecision[]; expectedVersion: number; now?: Date },
): Promise<{ version: number; outcome: string; openTasks: number }> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.decide);
  if (actor.kind !== "staff") throw new DomainError("not_found");
  const parsed = decideSchema.safeParse({ perRight: input.perRight, version: input.expectedVersion });
  if (!parsed.success) throw new DomainError("validation_failed", { field: String(parsed.error.issues[0]?.path.join(".") ?? "form") });
  const perRight: RightDecision[] = parsed.data.perRight.map((d) => ({
    right: d.right,
    outcome: d.outcome,
    // A granted right cites nothing: drop bases ticked before the outcome was changed.
    legalBasisIds: d.outcome === "granted" || d.outcome === "no_data" ? [] : [...new Set(d.legalBasisIds)],
    reasons: d.reasons,
  }));
  const outcome = deriveDecisionOutcome(perRight);
  const now = input.now ?? clockNow();
  return db().$transaction(async (tx) => {
    const transition = await transitionCaseInTx(tx, {
      caseId: found.id,
      command: { type: "decide", outcome, perRight },
      actor: { type: "staff", id: actor.userId },
      expectedVersion: parsed.data.version,
      now,
    });
    await tx.caseDecision.createMany({
      data: perRight.map((d) => ({
        caseId: found.id,
        right: d.right,
        outcome: d.outcome,
        legalBasisIds: d.legalBasisIds,
        reasons: d.reasons,
        decidedAt: now,
        decidedById: actor.userId,
      })),
    });
    const openTasks = await tx.caseTask.count({ where: { caseId: found.id, doneAt: null } });
    return { version: transition.version, outcome, openTasks };
  });
}

/** The tasks not yet ticked off, for the warning before deciding (not blocking). */
export async function openTasksBeforeDecision(
  actor: Actor,
  reference: string,
): Promise<{ kind: TaskKind; system: string; recipient: string | null }[]> {
  const found = await requireCaseAction(actor, reference, CASE_WORK_ACTIONS.decide);
  return db().caseTask.findMany({
    where: { caseId: found.id, doneAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, system: true, recipient: true },
  });
}

/**
 * The state machine's check of a decision against the case as it is now (its rights and answer
 * files), without saving: the decide form's review step shows the same issues saving would.
 */
export async function checkDecision(actor: Actor, input: { reference: string; perRight: RightDecision[] }): Promise<DecisionIssue[]> {
  const found = await requireCaseAction(actor, input.reference, CASE_WORK_ACTIONS.decide);
  const { snapshot } = await loadSnapshot(db(), found.id);
  return validateDecision(snapshot.rights, { outcome: deriveDecisionOutcome(input.perRight), perRight: input.perRight }, { answerFiles: snapshot.answerFiles });
}
