"use server";

// Server actions of the case page's work forms. Thin: reference + actor -> policy check (404 if the
// case is not visible; "not allowed" if it is) -> zod -> optional confirmation step -> service ->
// redirect with a confirmation. Errors come back translated, per field where there is a field.
import { notFound, redirect } from "next/navigation";
import { closeUnansweredCase } from "@/lib/cases/close-unanswered-case";
import { getLocale, getTranslations } from "next-intl/server";
import type { Translator } from "@/i18n/translator";
import type { z } from "zod";
import { requireStaffActor, type StaffActor } from "@/lib/auth/staff-actor";
import { askRequester, askRequesterSchema, previewResume, resumeSchema, resumeWithoutAnswer, versionField } from "@/lib/cases/ask-requester";
import { extendDeadline, extendSchema } from "@/lib/cases/extend-deadline";
import { reopenCase, reopenSchema } from "@/lib/cases/reopen-case";
import { computeDeadline } from "@/lib/domain/deadline";
import { now as clockNow } from "@/lib/clock";
import { checkDecision, decideCase, openTasksBeforeDecision, rightDecisionSchema } from "@/lib/cases/decide-case";
import { addInternalNote, noteSchema } from "@/lib/cases/add-internal-note";
import { assignTask, assignTaskSchema, completeTask, completeTaskSchema, createTask, createTaskSchema } from "@/lib/cases/case-tasks";
import { liftRestriction, liftSchema, restrictProcessing, restrictSchema } from "@/lib/cases/restrict-processing";
import { markComplex } from "@/lib/cases/mark-complex";
import { CASE_WORK_ACTIONS, requireCaseAction, type CaseForAction, type CaseWorkPermissions } from "@/lib/cases/case-access";
import { taskAssigneesFor } from "@/lib/cases/staff-case-view";
import { decisionIssueId, deriveDecisionOutcome, outcomesFor, type DecisionIssue, type RightDecision } from "@/lib/domain/case-state-machine";
import { formatDateLong, isValidIsoDate } from "@/lib/domain/calendar";
import { isDomainError } from "@/lib/domain/errors";
import { LEGAL_BASES, isLegalBasisId, isRight } from "@/lib/domain/rights";
import { isLocale } from "@/i18n/locales";
import { actionFailure } from "@/lib/http/action-failure";
import type { CaseActionState, FieldValue } from "@/components/staff/case/action-state";
import { caseFormFailure, translateFormKey } from "./case-form-failure";
import { caseStatusI18nKey } from "@/lib/domain/case-status";
import { rightsShortLabel } from "@/components/staff/right-labels";
import { isCanonicalCaseReference } from "@/lib/domain/reference";

type T = Translator;
type Ctx = {
  actor: StaffActor;
  reference: string;
  found: CaseForAction;
  version: number;
  t: T;
  locale: "nb" | "nn" | "en";
  values: Record<string, FieldValue>;
};


function collect(formData: FormData): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$") || key === "intent" || typeof value !== "string") continue;
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function str(values: Record<string, FieldValue>, key: string): string {
  const v = values[key];
  return typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? "") : "";
}

function list(values: Record<string, FieldValue>, key: string): string[] {
  const v = values[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

async function zodErrors(t: T, error: z.ZodError, rename: Record<string, string> = {}): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    const field = rename[path] ?? path ?? "form";
    out[field] ??= translateFormKey(t, issue.message);
  }
  return out;
}

/** Actor, reference and permission first: an outsider gets 404, a colleague without the right "not allowed". */
async function begin(formData: FormData, permission: keyof CaseWorkPermissions): Promise<Ctx> {
  const reference = formData.get("reference");
  if (typeof reference !== "string" || !isCanonicalCaseReference(reference)) notFound();
  const actor = await requireStaffActor();
  let found: CaseForAction;
  try {
    found = await requireCaseAction(actor, reference, CASE_WORK_ACTIONS[permission]);
  } catch (error) {
    if (isDomainError(error, "forbidden")) redirect(`/staff/cases/${reference}?denied=${permission}#case-alerts`);
    notFound();
  }
  const [t, localeRaw] = await Promise.all([getTranslations(), getLocale()]);
  const values = collect(formData);
  const version = versionField.safeParse(str(values, "version"));
  return {
    actor,
    reference,
    found,
    version: version.success ? version.data : 0,
    t,
    locale: isLocale(localeRaw) ? localeRaw : "nb",
    values,
  };
}

function intent(formData: FormData): "review" | "confirm" | "edit" {
  const v = formData.get("intent");
  return v === "confirm" || v === "edit" ? v : "review";
}

/** What a service threw, as the form's answer (lib/http/action-failure.ts, case-form-failure.ts). */
async function failure(ctx: Ctx, error: unknown, fieldFor: (field: string, reason?: unknown) => [string, string] | null = () => null): Promise<CaseActionState> {
  return caseFormFailure(actionFailure(error, "case_work.action_failed"), { actor: ctx.actor, reference: ctx.reference, values: ctx.values, fieldFor });
}

function done(reference: string, key: string, anchor: string): never {
  redirect(`/staff/cases/${reference}?done=${key}#${anchor}`);
}

// ---------------------------------------------------------------------------

export async function askRequesterAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "ask");
  const { t, values } = ctx;
  const parsed = askRequesterSchema.safeParse({ kind: str(values, "kind"), body: str(values, "body"), version: str(values, "version") });
  if (!parsed.success) return { values, errors: await zodErrors(t, parsed.error) };
  const step = intent(formData);
  if (step === "edit") return { values };
  if (step === "review") {
    return {
      values,
      confirm: [t(`caseWork.ask.confirm.${parsed.data.kind}`), t("caseWork.ask.confirm.clock")],
    };
  }
  try {
    await askRequester(ctx.actor, { reference: ctx.reference, kind: parsed.data.kind, body: parsed.data.body, expectedVersion: parsed.data.version });
  } catch (error) {
    return failure(ctx, error, (field) => (field === "body" ? ["body", "caseWork.validation.askBodyRequired"] : null));
  }
  done(ctx.reference, "asked", "case-alerts");
}

/** An answer date outside the pause -> the error on the date field (with the pause's start date). */
function answeredOnError(ctx: Ctx, error: unknown): CaseActionState | null {
  if (!isDomainError(error, "validation_failed") || error.details?.field !== "answeredOn") return null;
  const reason = error.details.reason;
  const pauseStart = String(error.details.pauseStart ?? "");
  const message =
    reason === "before_pause_start"
      ? ctx.t("caseRules.resume.errors.answeredOnBeforePause", { date: isValidIsoDate(pauseStart) ? formatDateLong(pauseStart, ctx.locale) : "" })
      : reason === "in_future"
        ? ctx.t("caseRules.resume.errors.answeredOnFuture")
        : ctx.t("caseRules.resume.errors.answeredOnInvalid");
  return { values: ctx.values, errors: { answeredOn: message } };
}

export async function resumeAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "ask");
  const { t, values } = ctx;
  const parsed = resumeSchema.safeParse({ answeredOn: str(values, "answeredOn"), version: str(values, "version") });
  if (!parsed.success) return { values, errors: await zodErrors(t, parsed.error) };
  const step = intent(formData);
  if (step === "edit") return { values };
  if (step === "review") {
    // The due date the resume will give, computed by the state machine as on saving.
    try {
      const preview = await previewResume(ctx.actor, { reference: ctx.reference, answeredOn: parsed.data.answeredOn });
      return {
        values,
        confirm: [
          t("caseRules.resume.confirm", { date: formatDateLong(parsed.data.answeredOn, ctx.locale), days: preview.pauseDays }),
          t("caseRules.resume.confirmDue", { due: formatDateLong(preview.dueDate, ctx.locale) }),
        ],
      };
    } catch (error) {
      return answeredOnError(ctx, error) ?? failure(ctx, error);
    }
  }
  try {
    await resumeWithoutAnswer(ctx.actor, { reference: ctx.reference, answeredOn: parsed.data.answeredOn, expectedVersion: parsed.data.version });
  } catch (error) {
    return answeredOnError(ctx, error) ?? failure(ctx, error);
  }
  done(ctx.reference, "resumed", "case-alerts");
}

export async function extendAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "extend");
  const { t, values } = ctx;
  const parsed = extendSchema.safeParse({ reason: str(values, "reason"), ground: str(values, "ground"), version: str(values, "version") });
  if (!parsed.success) return { values, errors: await zodErrors(t, parsed.error) };
  const step = intent(formData);
  if (step === "edit") return { values };
  if (step === "review") {
    const newDue = str(values, "newDueDate");
    return {
      values,
      confirm: [
        t("caseWork.extend.confirm", { date: /^\d{4}-\d{2}-\d{2}$/.test(newDue) ? formatDateLong(newDue, ctx.locale) : "" }),
        t("caseWork.extend.confirmGround", { ground: t(`caseWork.extend.grounds.${parsed.data.ground}`) }),
        t("caseWork.extend.confirmReason", { reason: parsed.data.reason }),
      ],
    };
  }
  try {
    await extendDeadline(ctx.actor, { reference: ctx.reference, reason: parsed.data.reason, ground: parsed.data.ground, expectedVersion: parsed.data.version });
  } catch (error) {
    return failure(ctx, error, (field) =>
      field === "reason" ? ["reason", "caseWork.validation.extendReasonRequired"] : field === "ground" ? ["ground", "caseWork.validation.extendGroundRequired"] : null,
    );
  }
  done(ctx.reference, "extended", "case-alerts");
}

/** The reopen form's fields: the state machine's and the schema's reasons -> the field's message. */
function reopenFieldError(field: string, reason: unknown): [string, string] | null {
  if (field === "ground") return ["ground", "caseWork.reopen.errors.groundRequired"];
  if (field === "reason") return ["reason", typeof reason === "string" && reason.startsWith("caseWork.") ? reason : "caseWork.reopen.errors.reasonTooShort"];
  if (field === "orderedDueDate") {
    return ["orderedDueDate", reason === "in_past" ? "caseWork.reopen.errors.orderedDueDatePast" : "caseWork.reopen.errors.orderedDueDateInvalid"];
  }
  return null;
}

export async function reopenAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "reopen");
  const { t, values } = ctx;
  const parsed = reopenSchema.safeParse({
    ground: str(values, "ground"),
    reason: str(values, "reason"),
    orderedDueDate: str(values, "orderedDueDate"),
    version: str(values, "version"),
  });
  if (!parsed.success) return { values, errors: await zodErrors(t, parsed.error) };
  const step = intent(formData);
  if (step === "edit") return { values };
  if (step === "review") {
    const due = parsed.data.orderedDueDate ?? computeDeadline({ receivedAt: clockNow() }).dueDate;
    return {
      values,
      confirm: [
        t("caseWork.reopen.confirm", { date: formatDateLong(due, ctx.locale) }),
        t("caseWork.reopen.confirmGround", { ground: t(`caseWork.reopen.grounds.${parsed.data.ground}`) }),
        t("caseWork.reopen.confirmReason", { reason: parsed.data.reason }),
      ],
    };
  }
  try {
    await reopenCase(ctx.actor, {
      reference: ctx.reference,
      ground: parsed.data.ground,
      reason: parsed.data.reason,
      ...(parsed.data.orderedDueDate ? { orderedDueDate: parsed.data.orderedDueDate } : {}),
      expectedVersion: parsed.data.version,
    });
  } catch (error) {
    if (isDomainError(error, "invalid_transition") && error.details?.reason === "anonymised") {
      return { values, formError: t("caseWork.reopen.errors.anonymised") };
    }
    return failure(ctx, error, reopenFieldError);
  }
  done(ctx.reference, "reopened", "case-alerts");
}

export async function closeUnansweredAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "decide");
  const { t, values } = ctx;
  const version = versionField.safeParse(str(values, "version"));
  if (!version.success) return { values, formError: t("caseWork.conflict.changedBySomeone"), conflict: true };
  const step = intent(formData);
  if (step === "edit") return { values };
  if (step === "review") return { values, confirm: [t("unanswered.staff.confirm")] };
  try {
    await closeUnansweredCase(ctx.actor, { reference: ctx.reference, expectedVersion: version.data });
  } catch (error) {
    if (isDomainError(error, "unanswered_not_closable")) {
      const on = typeof error.details?.closableOn === "string" ? formatDateLong(error.details.closableOn, ctx.locale) : "none";
      return { values, formError: t("unanswered.staff.notClosable", { closableOn: on }) };
    }
    return failure(ctx, error);
  }
  done(ctx.reference, "closedUnanswered", "case-alerts");
}

export async function decideAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "decide");
  const { t, values } = ctx;
  const rights = str(values, "rights").split(",").filter(isRight);
  const errors: Record<string, string> = {};
  const perRight: RightDecision[] = [];
  for (const right of rights) {
    const outcome = str(values, `outcome.${right}`);
    if (!(outcomesFor(right) as string[]).includes(outcome)) {
      errors[`outcome.${right}`] = t("caseWork.validation.outcomeRequired");
      continue;
    }
    // The service's own schema (length, control characters) checks each right, so the form says
    // exactly what saving would refuse.
    const parsed = rightDecisionSchema.safeParse({
      right,
      outcome,
      legalBasisIds: outcome === "granted" || outcome === "no_data" ? [] : list(values, `basis.${right}`),
      reasons: str(values, `reasons.${right}`),
    });
    if (!parsed.success) {
      Object.assign(errors, await zodErrors(t, parsed.error, { reasons: `reasons.${right}`, legalBasisIds: `basis.${right}`, outcome: `outcome.${right}` }));
      continue;
    }
    perRight.push(parsed.data);
  }
  /** The state machine's decision issues, on the form's fields. */
  const issueErrors = (issues: DecisionIssue[]) => {
    const fieldErrors: Record<string, string> = {};
    for (const issue of issues) {
      const name = issue.field === "legalBasisIds" ? `basis.${issue.right}` : issue.field === "reasons" ? `reasons.${issue.right}` : `outcome.${issue.right}`;
      fieldErrors[name] ??= t(`caseWork.decide.issues.${decisionIssueId(issue)}`);
    }
    return fieldErrors;
  };
  const version = versionField.safeParse(str(values, "version"));
  if (!version.success || rights.length === 0) return { values, formError: t("validation.form.expired") };
  if (Object.keys(errors).length > 0) return { values, errors };
  const step = intent(formData);
  if (step === "edit") return { values };
  if (step === "review") {
    // The same check as on saving (the state machine, with the case's answer files), before the confirmation.
    const issues = await checkDecision(ctx.actor, { reference: ctx.reference, perRight });
    if (issues.length > 0) return { values, errors: issueErrors(issues) };
    const lines = perRight.map((d) => {
      const bases = d.legalBasisIds.filter(isLegalBasisId).map((id) => LEGAL_BASES[id].citation);
      return t("caseWork.decide.confirmLine", {
        right: rightsShortLabel(t, [d.right]),
        outcome: t(`caseWork.decide.outcomes.${d.outcome}`),
        bases: bases.length > 0 ? bases.join(", ") : "–",
      });
    });
    const overall = t(caseStatusI18nKey(deriveDecisionOutcome(perRight), "staff"));
    // Open tasks do not block the decision (Art. 19 notices usually come after it): a warning only.
    const openTasks = await openTasksBeforeDecision(ctx.actor, ctx.reference);
    const warning = openTasks.length > 0 ? [t("caseRules.decide.openTasksConfirm", { count: openTasks.length })] : [];
    return { values, confirm: [...lines, t("caseWork.decide.confirmOverall", { status: overall }), ...warning] };
  }
  let openTasks = 0;
  try {
    ({ openTasks } = await decideCase(ctx.actor, { reference: ctx.reference, perRight, expectedVersion: version.data }));
  } catch (error) {
    if (isDomainError(error, "decision_required_fields")) return { values, errors: issueErrors((error.details?.issues ?? []) as DecisionIssue[]) };
    return failure(ctx, error);
  }
  done(ctx.reference, openTasks > 0 ? "decidedOpenTasks" : "decided", "case-alerts");
}

export async function addNoteAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "note");
  const { t, values } = ctx;
  const parsed = noteSchema.safeParse({ body: str(values, "body"), version: str(values, "version") });
  if (!parsed.success) return { values, errors: await zodErrors(t, parsed.error) };
  const step = intent(formData);
  if (step === "edit") return { values };
  if (step === "review") return { values, confirm: [t("caseRules.note.confirm")] };
  try {
    await addInternalNote(ctx.actor, { reference: ctx.reference, body: parsed.data.body, expectedVersion: parsed.data.version });
  } catch (error) {
    return failure(ctx, error, (field) => (field === "body" ? ["body", "caseWork.validation.noteRequired"] : null));
  }
  done(ctx.reference, "noteAdded", "timeline");
}

export async function createTaskAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "tasks");
  const { t, values } = ctx;
  const input = {
    kind: str(values, "kind"),
    system: str(values, "system"),
    recipient: str(values, "recipient"),
    assigneeId: str(values, "assigneeId"),
    version: str(values, "version"),
  };
  const parsed = createTaskSchema.safeParse(input);
  if (!parsed.success) return { values, errors: await zodErrors(t, parsed.error) };
  const step = intent(formData);
  if (step === "edit") return { values };
  if (step === "review") {
    const kind = t(`caseWork.tasks.kinds.${parsed.data.kind}`);
    const assignee = parsed.data.assigneeId ? (await taskAssigneesFor(ctx.found.ref)).find((u) => u.id === parsed.data.assigneeId) : undefined;
    if (parsed.data.assigneeId && !assignee) return { values, errors: { assigneeId: t("caseWork.validation.taskAssignee") } };
    return {
      values,
      confirm: [
        t("caseRules.tasks.confirmCreate", { kind, system: parsed.data.system }),
        ...(parsed.data.recipient ? [t("caseRules.tasks.confirmRecipient", { recipient: parsed.data.recipient })] : []),
        ...(assignee ? [t("caseRules.tasks.confirmAssignee", { name: assignee.name })] : []),
      ],
    };
  }
  try {
    await createTask(ctx.actor, { reference: ctx.reference, ...parsed.data, expectedVersion: parsed.data.version });
  } catch (error) {
    return failure(ctx, error, (field) =>
      field === "assigneeId"
        ? ["assigneeId", "caseWork.validation.taskAssignee"]
        : field === "recipient"
          ? ["recipient", "caseWork.validation.taskRecipient"]
          : null,
    );
  }
  done(ctx.reference, "taskAdded", "tasks");
}

export async function completeTaskAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "tasks");
  const { t, values } = ctx;
  const parsed = completeTaskSchema.safeParse({ taskId: str(values, "taskId"), note: str(values, "note"), dataFound: str(values, "dataFound"), version: str(values, "version") });
  if (!parsed.success) return { values, errors: await zodErrors(t, parsed.error) };
  const step = intent(formData);
  if (step === "edit") return { values };
  if (step === "review") return { values, confirm: [t("caseRules.tasks.confirmDone")] };
  try {
    await completeTask(ctx.actor, { reference: ctx.reference, taskId: parsed.data.taskId, note: parsed.data.note, dataFound: parsed.data.dataFound, expectedVersion: parsed.data.version });
  } catch (error) {
    return failure(ctx, error);
  }
  done(ctx.reference, "taskDone", "tasks");
}

export async function assignTaskAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "tasks");
  const { t, values } = ctx;
  const parsed = assignTaskSchema.safeParse({ taskId: str(values, "taskId"), assigneeId: str(values, "assigneeId"), version: str(values, "version") });
  if (!parsed.success) return { values, errors: await zodErrors(t, parsed.error) };
  try {
    await assignTask(ctx.actor, { reference: ctx.reference, taskId: parsed.data.taskId, assigneeId: parsed.data.assigneeId, expectedVersion: parsed.data.version });
  } catch (error) {
    return failure(ctx, error, (field) => (field === "assigneeId" ? ["assigneeId", "caseWork.validation.taskAssignee"] : null));
  }
  done(ctx.reference, "taskAssigned", "tasks");
}

export async function restrictAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "restrict");
  const { t, values } = ctx;
  const parsed = restrictSchema.safeParse({ note: str(values, "note"), version: str(values, "version") });
  if (!parsed.success) return { values, errors: await zodErrors(t, parsed.error) };
  const step = intent(formData);
  if (step === "edit") return { values };
  if (step === "review") return { values, confirm: [t("caseWork.restriction.confirmRestrict")] };
  try {
    await restrictProcessing(ctx.actor, { reference: ctx.reference, note: parsed.data.note, expectedVersion: parsed.data.version });
  } catch (error) {
    return failure(ctx, error, (field) => (field === "note" ? ["note", "caseWork.validation.restrictNote"] : null));
  }
  done(ctx.reference, "restricted", "case-alerts");
}

export async function liftRestrictionAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "restrict");
  const { t, values } = ctx;
  const parsed = liftSchema.safeParse({ requesterTold: str(values, "requesterTold") === "yes", version: str(values, "version") });
  if (!parsed.success) return { values, errors: await zodErrors(t, parsed.error) };
  const step = intent(formData);
  if (step === "edit") return { values };
  if (step === "review") return { values, confirm: [t("caseWork.restriction.confirmLift")] };
  try {
    await liftRestriction(ctx.actor, { reference: ctx.reference, requesterTold: parsed.data.requesterTold, expectedVersion: parsed.data.version });
  } catch (error) {
    return failure(ctx, error, (field) => (field === "requesterTold" ? ["requesterTold", "caseWork.validation.requesterTold"] : null));
  }
  done(ctx.reference, "lifted", "case-alerts");
}

export async function complexAction(_prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const ctx = await begin(formData, "complex");
  const { t, values } = ctx;
  const complex = str(values, "complex") === "yes";
  const step = intent(formData);
  if (step === "edit") return { values };
  if (step === "review") {
    const lastDay = str(values, "lastDay");
    return {
      values,
      confirm: complex
        ? [
            t("caseRules.complex.confirmSet"),
            ...(isValidIsoDate(lastDay) ? [t("caseRules.complex.confirmSetReminder", { date: formatDateLong(lastDay, ctx.locale) })] : []),
          ]
        : [t("caseRules.complex.confirmClear")],
    };
  }
  try {
    await markComplex(ctx.actor, { reference: ctx.reference, complex, expectedVersion: ctx.version });
  } catch (error) {
    return failure(ctx, error);
  }
  done(ctx.reference, complex ? "complexSet" : "complexCleared", "case-alerts");
}
