// The work forms of the case page, built from the view and the actor's permissions. Server
// component: translates every text and hands plain field specs to CaseActionForm (client).
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { DECISION_REASONS_MAX_LENGTH } from "@/lib/cases/decide-case";
import { MESSAGE_MAX_LENGTH } from "@/lib/cases/message-schema";
import type { MessageKey, Translator } from "@/i18n/translator";
import type { StaffCaseWorkView } from "@/lib/cases/staff-case-view";
import { suggestTasks, TASK_KINDS } from "@/lib/cases/case-tasks";
import { EXTENSION_GROUNDS } from "@/lib/domain/case-status";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { legalBasesFor, RIGHTS_CATALOGUE } from "@/lib/domain/rights";
import { askRequesterKindsFor, COPY_RIGHTS, identityPauseAllowed, outcomesFor, REOPEN_GROUNDS, type CaseCommandType } from "@/lib/domain/case-state-machine";
import { REOPEN_REASON_MAX_LENGTH } from "@/lib/cases/reopen-case";
import { latestPostingDate, POSTAL_WORKING_DAYS } from "@/lib/domain/post";
import type { CaseAssignmentView } from "@/lib/cases/case-assignment";
import type { Locale } from "@/i18n/locales";
import { formatDateTime } from "@/components/my-cases/format";
import { rightsShortLabel } from "@/components/staff/right-labels";
import {
  addNoteAction,
  askRequesterAction,
  assignTaskAction,
  completeTaskAction,
  complexAction,
  createTaskAction,
  decideAction,
  extendAction,
  liftRestrictionAction,
  resumeAction,
  restrictAction,
  reopenAction,
  closeUnansweredAction,
} from "@/app/staff/cases/[reference]/case-work-actions";
import { CaseActionForm, type CaseActionFormTexts } from "./CaseActionForm";
import { AssignForm, UnitForm } from "./AssignPanel";
import { now as clockNow } from "@/lib/clock";

type Props = { view: StaffCaseWorkView; locale: Locale; /** The `done` key of the action just saved, if any. */ done?: string | null };
type T = Translator;

/**
 * Results shown next to the section the page returns to (tasks, notes), not at the top of the page:
 * done key -> message key. The page leaves these out of its own flash.
 */
export const SECTION_DONE_MESSAGES: Readonly<Record<string, MessageKey>> = {
  taskAdded: "caseWork.done.taskAdded",
  taskDone: "caseWork.done.taskDone",
  taskAssigned: "caseRules.done.taskAssigned",
  noteAdded: "caseWork.done.noteAdded",
};

const TASK_DONE_KEYS = ["taskAdded", "taskDone", "taskAssigned"];

/** The result of the action just saved, as a status message where the person is working. */
function SectionResult({ text }: { text: string }) {
  return (
    <div className="ds-alert mt-2" data-color="success" role="status" data-testid="flash">
      <p className="ds-paragraph">{text}</p>
    </div>
  );
}

function texts(t: T, submit: string): CaseActionFormTexts {
  return {
    submit,
    summaryHeading: t("caseWork.form.summaryHeading"),
    confirmHeading: t("caseWork.form.confirmHeading"),
    confirmButton: t("caseWork.form.confirmButton"),
    editButton: t("caseWork.form.editButton"),
    reload: t("caseWork.conflict.reload"),
  };
}

function hidden(view: StaffCaseWorkView, extra: Record<string, string> = {}) {
  return { reference: view.reference, version: String(view.version), ...extra };
}

/** The actions of the case page's work panel, in the order they are offered. */
export const CASE_ACTION_IDS = ["decide", "ask", "resume", "extend", "note", "task", "restrict", "lift", "complex", "assign", "unit", "reopen", "closeUnanswered"] as const;
export type CaseActionId = (typeof CASE_ACTION_IDS)[number];

export function isCaseActionId(value: unknown): value is CaseActionId {
  return typeof value === "string" && (CASE_ACTION_IDS as readonly string[]).includes(value);
}

/**
 * What this person may do on this case now. The status rules come from the state machine's own
 * list (`view.allowedCommands`, from `allowedCommands()`), the permissions from the policy
 * (`view.can`, `assignment`): no rule is written a second time here.
 */
export function availableCaseActions(view: StaffCaseWorkView, assignment: Pick<CaseAssignmentView, "canAssign" | "canChangeUnit"> | null): CaseActionId[] {
  const command = (c: CaseCommandType) => view.allowedCommands.includes(c);
  const offered: Record<CaseActionId, boolean> = {
    decide: view.can.decide && command("decide"),
    ask: view.can.ask && command("ask_requester"),
    resume: view.can.ask && command("requester_answered"),
    extend: view.can.extend && command("extend"),
    note: view.can.note && !view.closed,
    task: view.can.tasks,
    restrict: view.can.restrict && !view.closed && view.restrictedAt === null,
    // Art. 18(3): a restriction that outlived the decision can still be lifted on the closed case.
    lift: view.can.restrict && view.restrictedAt !== null,
    complex: view.can.complex && !view.closed,
    assign: Boolean(assignment?.canAssign),
    unit: Boolean(assignment?.canChangeUnit),
    // Unit leads and the DPO, on a closed case that still exists (not anonymised).
    reopen: view.can.reopen && view.closed && !view.anonymised,
    // Only once the municipality's period is over and the requester was warned (lib/domain/unanswered.ts).
    closeUnanswered: view.can.decide && view.unanswered?.state.kind === "closable",
  };
  return CASE_ACTION_IDS.filter((id) => offered[id]);
}

/**
 * "Behandle saken": every action the case allows now as a visible button (a link that opens its
 * form in the panel: works without JavaScript, and the URL can be shared), and the chosen form.
 */
export async function CaseActionPanel({
  view,
  locale,
  act,
  assignment,
}: Props & { act: CaseActionId | null; assignment: CaseAssignmentView | null }) {
  const t = await getTranslations();
  const actions = availableCaseActions(view, assignment);
  const chosen = act && actions.includes(act) ? act : null;
  const base = `/staff/cases/${view.reference}`;
  const label = (id: CaseActionId) =>
    id === "complex" && view.complex
      ? t("caseWork.complex.clear")
      : id === "assign" && assignment?.assigneeId
        ? t("policyWork.assign.reassignHeading")
        : id === "unit" && assignment && !assignment.unitId
          ? t("policyWork.unit.headingNoUnit")
          : t(`caseWork.actionBar.actions.${id}`);
  const extendTooLate = view.can.extend && !view.closed && !view.extended && !view.allowedCommands.includes("extend");
  return (
    <section id="actions" aria-labelledby="actions-heading" className="pv-panel" tabIndex={-1}>
      <h2 id="actions-heading" className="ds-heading" data-size="xs">
        {t("caseWork.actions.heading")}
      </h2>
      {actions.length === 0 ? (
        <p className="ds-paragraph mt-2" data-size="sm">
          {view.closed ? t("caseWork.actionBar.closedCase") : t("caseWork.actions.readOnly")}
        </p>
      ) : (
        <>
          <p className="ds-paragraph mt-1" data-size="sm" id="actions-intro">
            {!view.closed ? t("caseWork.actionBar.intro") : view.restrictedAt ? t("caseRules.restriction.closedIntro") : t("caseWork.actionBar.closedCase")}
          </p>
          <nav aria-label={t("caseWork.actionBar.label")} className="mt-3">
            <ul className="flex flex-wrap gap-2" data-testid="case-actions">
              {actions.map((id) => (
                <li key={id}>
                  <a
                    href={chosen === id ? `${base}#actions` : `${base}?act=${id}#actions`}
                    className="ds-button"
                    data-variant={chosen === id ? "primary" : id === "decide" && !chosen ? "primary" : "secondary"}
                    data-size="sm"
                    aria-current={chosen === id ? "true" : undefined}
                    data-action={id}
                  >
                    {label(id)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </>
      )}
      {view.reopened && (
        <p className="ds-paragraph mt-3" data-size="sm" data-testid="reopened-info">
          {t("caseWork.reopen.lastReopened", {
            date: formatDateLong(osloDateOf(view.reopened.at), locale),
            ground: t(`caseWork.reopen.grounds.${view.reopened.ground}`),
            reason: view.reopened.reason,
          })}
        </p>
      )}
      {view.unanswered && <UnansweredInfoLines info={view.unanswered} locale={locale} t={t} />}
      {extendTooLate && (
        <p className="ds-paragraph mt-3" data-size="sm" data-testid="extend-too-late">
          {t("caseWork.actionBar.extendTooLate", { date: formatDateLong(view.extensionLastDay, locale) })}
        </p>
      )}
      {chosen && (
        <div className="pv-panel-form mt-4" data-testid={`action-${chosen}`}>
          <ChosenActionForm id={chosen} view={view} locale={locale} assignment={assignment} t={t} />
          <p className="mt-3">
            <a className="ds-link" href={`${base}#actions`}>
              {t("caseWork.actionBar.close")}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}

/** Where a case waiting for the requester stands: asked when, the period, the warning, when it may close. */
function UnansweredInfoLines({ info, locale, t }: { info: NonNullable<StaffCaseWorkView["unanswered"]>; locale: Locale; t: T }) {
  const d = (date: string) => formatDateLong(date, locale);
  const s = info.state;
  const line =
    s.kind === "waiting"
      ? t("unanswered.staff.warningPlanned", { date: d(s.warningOn), closableOn: d(s.closableOn) })
      : s.kind === "warning_due"
        ? t("unanswered.staff.warningDue", { date: d(s.warningOn) })
        : s.kind === "warned"
          ? t("unanswered.staff.warned", { date: d(s.warnedOn), closableOn: d(s.closableOn) })
          : t("unanswered.staff.closable", { date: d(s.warnedOn) });
  return (
    <div className="mt-3" data-testid="unanswered-info" data-state={s.kind}>
      <p className="ds-paragraph" data-size="sm">
        <strong>{t("unanswered.staff.heading")}.</strong> {t("unanswered.staff.asked", { date: d(info.askedOn), days: info.daysWaited, period: info.periodDays })}
      </p>
      <p className="ds-paragraph" data-size="sm">
        {line}
      </p>
    </div>
  );
}

function FormHeading({ children }: { children: ReactNode }) {
  return (
    <h3 className="ds-heading mb-3" data-size="2xs">
      {children}
    </h3>
  );
}

function ChosenActionForm({ id, view, locale, assignment, t }: Props & { id: CaseActionId; assignment: CaseAssignmentView | null; t: T }) {
  const reload = `/staff/cases/${view.reference}`;
  const today = osloDateOf(clockNow());
  switch (id) {
    case "ask": {
      const askKinds = askRequesterKindsFor(view.identityLevel);
      return (
        <>
          <FormHeading>{t("caseWork.ask.heading")}</FormHeading>
          <CaseActionForm
            formId="ask"
            action={askRequesterAction}
            hidden={hidden(view)}
            confirmStep
            reloadHref={reload}
            intro={
              <>
                <p className="ds-paragraph">{t("caseWork.ask.intro")}</p>
                {!identityPauseAllowed(view.identityLevel) && (
                  <p className="ds-paragraph" data-testid="identity-not-offered">
                    {t("caseRules.ask.identityNotOffered")}
                  </p>
                )}
              </>
            }
            fields={[
              {
                kind: "radio",
                name: "kind",
                label: t("caseWork.ask.kindLabel"),
                defaultValue: "clarification",
                // Rule 6: a request made after an ID-porten login needs no identity pause.
                options: askKinds.map((kind) => ({ value: kind, label: t(`caseWork.ask.kinds.${kind}`), hint: t(`caseWork.ask.kindHints.${kind}`) })),
              },
              { kind: "textarea", name: "body", label: t("caseWork.ask.bodyLabel"), help: t("caseWork.ask.bodyHelp"), rows: 6, maxLength: MESSAGE_MAX_LENGTH },
            ]}
            texts={texts(t, t("caseWork.ask.submit"))}
          />
        </>
      );
    }
    case "resume": {
      const pauseStart = view.openPause ? osloDateOf(view.openPause.since) : today;
      return (
        <>
          <FormHeading>{t("caseWork.resume.heading")}</FormHeading>
          <CaseActionForm
            formId="resume"
            action={resumeAction}
            hidden={hidden(view)}
            confirmStep
            reloadHref={reload}
            intro={<p className="ds-paragraph">{t("caseWork.resume.intro")}</p>}
            fields={[
              {
                kind: "date",
                name: "answeredOn",
                label: t("caseRules.resume.answeredOnLabel"),
                help: t("caseRules.resume.answeredOnHelp", { pauseStart: formatDateLong(pauseStart, locale) }),
                defaultValue: today,
                max: today,
              },
            ]}
            texts={texts(t, t("caseWork.resume.submit"))}
          />
        </>
      );
    }
    case "closeUnanswered":
      return (
        <>
          <FormHeading>{t("unanswered.staff.action")}</FormHeading>
          <CaseActionForm
            formId="closeUnanswered"
            action={closeUnansweredAction}
            hidden={hidden(view)}
            confirmStep
            reloadHref={reload}
            intro={<p className="ds-paragraph">{t("unanswered.staff.help")}</p>}
            fields={[]}
            texts={texts(t, t("unanswered.staff.action"))}
          />
        </>
      );
    case "reopen":
      return (
        <>
          <FormHeading>{t("caseWork.reopen.heading")}</FormHeading>
          <CaseActionForm
            formId="reopen"
            action={reopenAction}
            hidden={hidden(view)}
            confirmStep
            reloadHref={reload}
            intro={<p className="ds-paragraph">{t("caseWork.reopen.intro", { newDue: formatDateLong(view.reopenDueDate, locale) })}</p>}
            fields={[
              {
                kind: "radio",
                name: "ground",
                label: t("caseWork.reopen.groundLabel"),
                options: REOPEN_GROUNDS.map((g) => ({ value: g, label: t(`caseWork.reopen.grounds.${g}`) })),
              },
              { kind: "textarea", name: "reason", label: t("caseWork.reopen.reasonLabel"), help: t("caseWork.reopen.reasonHelp"), rows: 4, maxLength: REOPEN_REASON_MAX_LENGTH },
              { kind: "date", name: "orderedDueDate", label: t("caseWork.reopen.orderedDueDateLabel"), help: t("caseWork.reopen.orderedDueDateHelp") },
            ]}
            texts={texts(t, t("caseWork.reopen.submit"))}
          />
        </>
      );
    case "extend":
      return (
        <>
          <FormHeading>{t("caseWork.extend.heading")}</FormHeading>
          <CaseActionForm
            formId="extend"
            action={extendAction}
            hidden={hidden(view, { newDueDate: view.extendedDueDate })}
            confirmStep
            reloadHref={reload}
            intro={
              <p className="ds-paragraph">
                {t("caseWork.extend.intro", {
                  lastDay: formatDateLong(view.extensionLastDay, locale),
                  newDue: formatDateLong(view.extendedDueDate, locale),
                })}
                {view.answerChannel === "paper" && (
                  <>
                    {" "}
                    <strong data-testid="extend-post-by">
                      {t("caseWork.extend.postBy", { date: formatDateLong(latestPostingDate(view.extensionLastDay), locale), days: POSTAL_WORKING_DAYS })}
                    </strong>
                  </>
                )}
              </p>
            }
            fields={[
              {
                kind: "radio",
                name: "ground",
                label: t("caseWork.extend.groundLabel"),
                help: t("caseWork.extend.groundHelp"),
                options: EXTENSION_GROUNDS.map((g) => ({ value: g, label: t(`caseWork.extend.grounds.${g}`) })),
              },
              { kind: "textarea", name: "reason", label: t("caseWork.extend.reasonLabel"), help: t("caseWork.extend.reasonHelp"), rows: 5, maxLength: 2000 },
            ]}
            texts={texts(t, t("caseWork.extend.submit"))}
          />
        </>
      );
    case "complex":
      return (
        <>
          <FormHeading>{t("caseWork.actionBar.actions.complex")}</FormHeading>
          <CaseActionForm
            formId="complex"
            action={complexAction}
            hidden={hidden(view, { complex: view.complex ? "no" : "yes", ...(view.extended ? {} : { lastDay: view.extensionLastDay }) })}
            confirmStep
            reloadHref={reload}
            submitVariant="secondary"
            intro={
              <p className="ds-paragraph">
                {view.complex && !view.extended
                  ? t("caseWork.complex.reminder", { date: formatDateLong(view.extensionLastDay, locale) })
                  : t("caseWork.complex.intro")}
              </p>
            }
            fields={[]}
            texts={texts(t, view.complex ? t("caseWork.complex.clear") : t("caseWork.complex.set"))}
          />
        </>
      );
    case "restrict":
      return (
        <>
          <FormHeading>{t("caseWork.restriction.restrictHeading")}</FormHeading>
          <CaseActionForm
            formId="restrict"
            action={restrictAction}
            hidden={hidden(view)}
            confirmStep
            reloadHref={reload}
            intro={<p className="ds-paragraph">{t("caseWork.restriction.intro")}</p>}
            fields={[{ kind: "textarea", name: "note", label: t("caseWork.restriction.noteLabel"), help: t("caseWork.restriction.noteHelp"), rows: 3, maxLength: 2000 }]}
            texts={texts(t, t("caseWork.restriction.restrictSubmit"))}
          />
        </>
      );
    case "lift":
      return (
        <>
          <FormHeading>{t("caseWork.restriction.liftHeading")}</FormHeading>
          <LiftRestrictionForm view={view} locale={locale} t={t} />
        </>
      );
    case "decide":
      return <DecideForm view={view} locale={locale} t={t} />;
    case "note":
      return (
        <>
          <FormHeading>{t("caseWork.note.heading")}</FormHeading>
          <CaseActionForm
            formId="note"
            action={addNoteAction}
            hidden={hidden(view)}
            confirmStep
            reloadHref={reload}
            fields={[{ kind: "textarea", name: "body", label: t("caseWork.note.label"), help: t("caseWork.note.help"), rows: 4, maxLength: MESSAGE_MAX_LENGTH }]}
            texts={texts(t, t("caseWork.note.submit"))}
          />
        </>
      );
    case "task":
      return <NewTaskForm view={view} locale={locale} t={t} />;
    case "assign":
      return assignment ? <AssignForm view={assignment} /> : null;
    case "unit":
      return assignment ? <UnitForm view={assignment} /> : null;
  }
}

/** Lifting an Art. 18 restriction: open or closed case, only once the requester has been told (18(3)). */
function LiftRestrictionForm({ view, locale, t }: Props & { t: T }) {
  if (!view.restrictedAt) return null;
  return (
    <CaseActionForm
      formId="lift"
      action={liftRestrictionAction}
      hidden={hidden(view)}
      confirmStep
      reloadHref={`/staff/cases/${view.reference}`}
      intro={
        <div className="ds-paragraph">
          <p>{t("caseWork.restriction.restrictedSince", { date: formatDateTime(view.restrictedAt, locale) })}</p>
          {view.restrictionNote && <p className="mt-1 whitespace-pre-wrap">{view.restrictionNote}</p>}
          <p className="mt-2">{t("caseWork.restriction.liftIntro")}</p>
        </div>
      }
      fields={[{ kind: "checkbox", name: "requesterTold", label: t("caseWork.restriction.toldLabel") }]}
      texts={texts(t, t("caseWork.restriction.liftSubmit"))}
    />
  );
}

/**
 * Tasks per system. They stay workable after the decision (Art. 19 notices to recipients usually
 * come after it): create, give to a colleague and tick off on open and closed cases alike.
 */
export async function CaseTasks({ view, done }: Props) {
  const t = await getTranslations();
  const reload = `/staff/cases/${view.reference}`;
  const systems = view.unit?.systems ?? [];
  const suggestions = view.can.tasks && !view.closed ? suggestTasks(view.rights, systems, view.tasks) : [];
  const art19 = view.rights.some((r) => RIGHTS_CATALOGUE[r].notifyRecipientsArt19);
  const kindLabel = (kind: (typeof TASK_KINDS)[number]) => t(`caseWork.tasks.kinds.${kind}`);
  const resultKey = done && TASK_DONE_KEYS.includes(done) ? SECTION_DONE_MESSAGES[done] : undefined;
  const result = resultKey ? t(resultKey) : null;
  const assigneeOptions = [{ value: "", label: t("caseWork.tasks.noAssignee") }, ...view.taskAssignees.map((u) => ({ value: u.id, label: u.name }))];
  return (
    <>
      {result && <SectionResult text={result} />}
      {view.closed && view.can.tasks && <p className="ds-paragraph mt-2">{t("caseRules.tasks.closedIntro")}</p>}
      {art19 && <p className="ds-paragraph mt-2">{t("caseWork.tasks.art19")}</p>}
      {view.tasks.length === 0 ? (
        <p className="ds-paragraph mt-2">{t("caseWork.tasks.empty")}</p>
      ) : (
        <ul className="mt-2 flex max-w-prose list-none flex-col gap-3 p-0" data-testid="tasks">
          {view.tasks.map((task, i) => (
            <li key={task.id} className="ds-card p-4" data-done={task.doneAt ? "yes" : "no"}>
              <p className="ds-paragraph font-semibold">
                {t("caseWork.tasks.title", { kind: kindLabel(task.kind), system: task.system })}
                {task.recipient && ` – ${t("caseWork.tasks.recipientShown", { recipient: task.recipient })}`}
              </p>
              <p className="ds-paragraph text-sm">
                {task.assigneeName ? t("caseWork.tasks.assignedTo", { name: task.assigneeName }) : t("caseWork.tasks.notAssigned")}
              </p>
              {task.kind === "search" && (
                <p className="ds-paragraph text-sm" data-testid="task-entry">
                  {task.entry
                    ? t(task.entry.retired ? "records.tasks.entryRetired" : "records.tasks.entry", { name: task.entry.name })
                    : t("records.tasks.noEntry")}
                </p>
              )}
              {task.kind === "search" && task.doneAt && (
                <p className="ds-paragraph text-sm" data-testid="task-data-found">
                  {t(task.dataFound === true ? "records.tasks.found" : task.dataFound === false ? "records.tasks.notFound" : "records.tasks.dataFoundUnknown")}
                </p>
              )}
              {task.doneAt ? (
                <p className="ds-paragraph mt-1 text-sm">
                  <span className="ds-tag" data-color="success">
                    ✓ {t("caseWork.tasks.done")}
                  </span>{" "}
                  {t("caseWork.tasks.doneBy", { name: task.doneByName ?? "–" })}
                  {task.note && <span className="mt-1 block whitespace-pre-wrap">{task.note}</span>}
                </p>
              ) : (
                view.can.tasks && (
                  <div className="mt-2 flex flex-col gap-2">
                    <CaseActionForm
                      formId={`task-done-${i}`}
                      disclosure={t("caseWork.tasks.markDoneHeading")}
                      action={completeTaskAction}
                      hidden={hidden(view, { taskId: task.id })}
                      confirmStep
                      reloadHref={reload}
                      fields={[
                        ...(task.kind === "search"
                          ? [
                              {
                                kind: "radio" as const,
                                name: "dataFound",
                                label: t("records.tasks.dataFoundLabel"),
                                help: t("records.tasks.dataFoundHelp"),
                                options: [
                                  { value: "yes", label: t("records.tasks.dataFoundYes") },
                                  { value: "no", label: t("records.tasks.dataFoundNo") },
                                ],
                              },
                            ]
                          : []),
                        { kind: "textarea" as const, name: "note", label: t("caseWork.tasks.noteLabel"), help: t("caseWork.tasks.noteHelp"), rows: 2 },
                      ]}
                      texts={texts(t, t("caseWork.tasks.markDone"))}
                    />
                    <CaseActionForm
                      formId={`task-assign-${i}`}
                      disclosure={t("caseRules.tasks.reassignHeading")}
                      action={assignTaskAction}
                      hidden={hidden(view, { taskId: task.id })}
                      reloadHref={reload}
                      submitVariant="secondary"
                      fields={[
                        {
                          kind: "select",
                          name: "assigneeId",
                          label: t("caseRules.tasks.reassignLabel"),
                          defaultValue: task.assigneeId ?? "",
                          options: assigneeOptions,
                        },
                      ]}
                      texts={texts(t, t("caseRules.tasks.reassignSubmit"))}
                    />
                  </div>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {suggestions.length > 0 && (
        <div className="mt-4">
          <h3 className="ds-heading" data-size="2xs">
            {t("caseWork.tasks.suggestedHeading")}
          </h3>
          <ul className="mt-2 flex list-none flex-col gap-2 p-0" data-testid="task-suggestions">
            {suggestions
              .filter((s) => s.kind !== "notify_recipient")
              .map((s, i) => (
                <li key={`${s.kind}-${s.system}`}>
                  <CaseActionForm
                    formId={`suggest-${i}`}
                    action={createTaskAction}
                    hidden={hidden(view, { kind: s.kind, system: s.system })}
                    confirmStep
                    reloadHref={reload}
                    submitVariant="secondary"
                    fields={[]}
                    texts={texts(t, t("caseWork.tasks.addSuggested", { kind: kindLabel(s.kind), system: s.system }))}
                  />
                </li>
              ))}
          </ul>
          {suggestions.some((s) => s.kind === "notify_recipient") && <p className="ds-paragraph mt-2">{t("caseWork.tasks.notifyHint")}</p>}
        </div>
      )}
    </>
  );
}

/** "Ny oppgave" in the work panel: a task per system, optionally for a colleague. */
function NewTaskForm({ view, t }: Props & { t: T }) {
  const systems = view.unit?.systems ?? [];
  const art19 = view.rights.some((r) => RIGHTS_CATALOGUE[r].notifyRecipientsArt19);
  const kindLabel = (kind: (typeof TASK_KINDS)[number]) => t(`caseWork.tasks.kinds.${kind}`);
  const assigneeOptions = [{ value: "", label: t("caseWork.tasks.noAssignee") }, ...view.taskAssignees.map((u) => ({ value: u.id, label: u.name }))];
  return (
    <>
      <FormHeading>{t("caseWork.tasks.newHeading")}</FormHeading>
      <CaseActionForm
        formId="task-new"
        action={createTaskAction}
        hidden={hidden(view)}
        confirmStep
        reloadHref={`/staff/cases/${view.reference}`}
        fields={[
          {
            kind: "select",
            name: "kind",
            label: t("caseWork.tasks.kindLabel"),
            defaultValue: art19 ? "notify_recipient" : "search",
            options: TASK_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
          },
          { kind: "text", name: "system", label: t("caseWork.tasks.systemLabel"), help: t("caseWork.tasks.systemHelp"), suggestions: systems, maxLength: 200 },
          { kind: "text", name: "recipient", label: t("caseWork.tasks.recipientLabel"), help: t("caseWork.tasks.recipientHelp"), maxLength: 200 },
          {
            kind: "select",
            name: "assigneeId",
            label: t("caseWork.tasks.assigneeLabel"),
            defaultValue: "",
            options: assigneeOptions,
          },
        ]}
        texts={texts(t, t("caseWork.tasks.add"))}
      />
    </>
  );
}

/** The decisions already made (one card per right), shown on open and closed cases. */
export async function CaseDecisions({ view, locale }: Props) {
  const t = await getTranslations();
  if (view.decisions.length === 0) {
    if (!view.closed && !view.can.decide) {
      return (
        <p className="ds-paragraph mt-2" data-size="sm" data-testid="no-decide">
          {t("caseWork.decide.notAllowed")}
        </p>
      );
    }
    return (
      <p className="ds-paragraph mt-2" data-size="sm">
        {view.closed ? t("caseWork.decide.closed") : view.allowedCommands.includes("decide") ? t("caseWork.decide.notYet") : t("caseWork.decide.waiting")}
      </p>
    );
  }
  return (
    <ul className="mt-2 flex list-none flex-col gap-3 p-0" data-testid="decisions">
      {view.decisions.map((d) => (
        <li key={d.right} className="ds-card p-4">
          <p className="ds-paragraph font-semibold">
            {t("caseWork.decide.decidedLine", { right: rightsShortLabel(t, [d.right]), outcome: t(`caseWork.decide.outcomes.${d.outcome}`) })}
          </p>
          {d.legalBasisIds.length > 0 && (
            <p className="ds-paragraph text-sm">
              {t("caseWork.decide.basesShown", {
                bases: d.legalBasisIds.map((id) => legalBasesFor(d.right).find((b) => b.id === id)?.citation ?? id).join(", "),
              })}
            </p>
          )}
          {d.reasons && <p className="ds-paragraph mt-1 whitespace-pre-wrap">{d.reasons}</p>}
          <p className="ds-paragraph mt-1 text-sm">
            {t("caseWork.decide.decidedBy", { name: d.decidedByName ?? "–", when: formatDateTime(d.decidedAt, locale) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** "Avgjør saken" in the work panel: one outcome per right, with legal basis and reasons. */
function DecideForm({ view, t }: Props & { t: T }) {
  const openTasks = view.tasks.filter((task) => task.doneAt === null);
  return (
    <>
      <FormHeading>{t("caseWork.decide.heading")}</FormHeading>
      {view.answerFiles === 0 && view.rights.some((r) => (COPY_RIGHTS as readonly string[]).includes(r)) && (
        <div className="ds-alert mb-4" data-color="info" data-testid="no-answer-file">
          <p className="ds-paragraph">{t("caseWork.decide.noAnswerFile")}</p>
        </div>
      )}
      {openTasks.length > 0 && (
        // Not blocking: the tasks stay workable after the decision (Art. 19 notices usually come after it).
        <div className="ds-alert mb-4" data-color="warning" data-testid="open-tasks-warning">
          <h4 className="ds-heading" data-size="2xs">
            {t("caseRules.decide.openTasksHeading")}
          </h4>
          <p className="ds-paragraph mt-1">{t("caseRules.decide.openTasksIntro")}</p>
          <ul className="ds-list mt-2">
            {openTasks.map((task) => (
              <li key={task.id}>
                {t("caseWork.tasks.title", { kind: t(`caseWork.tasks.kinds.${task.kind}`), system: task.system })}
                {task.recipient && ` – ${t("caseWork.tasks.recipientShown", { recipient: task.recipient })}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <CaseActionForm
        formId="decide"
        action={decideAction}
        hidden={hidden(view, { rights: view.rights.join(",") })}
        confirmStep
        reloadHref={`/staff/cases/${view.reference}`}
        intro={<p className="ds-paragraph">{t("caseWork.decide.intro")}</p>}
        fields={view.rights.map((right) => ({
          kind: "group" as const,
          legend: rightsShortLabel(t, [right]),
          fields: [
            {
              kind: "radio" as const,
              name: `outcome.${right}`,
              label: t("caseWork.decide.outcomeLabel"),
              options: outcomesFor(right).map((o) => ({ value: o, label: t(`caseWork.decide.outcomes.${o}`) })),
            },
            {
              kind: "checkboxes" as const,
              name: `basis.${right}`,
              label: t("caseWork.decide.basisLabel"),
              help: t("caseWork.decide.basisHelp"),
              options: legalBasesFor(right).map((b) => ({
                value: b.id,
                label: `${b.citation} – ${t(`caseWork.legalBases.${b.id}`)}`,
              })),
            },
            {
              kind: "textarea" as const,
              name: `reasons.${right}`,
              label: t("caseWork.decide.reasonsLabel"),
              help: t("caseWork.decide.reasonsHelp"),
              rows: 4,
              maxLength: DECISION_REASONS_MAX_LENGTH,
            },
          ],
        }))}
        texts={texts(t, t("caseWork.decide.submit"))}
      />
    </>
  );
}

/** The note's confirmation next to the timeline, where the note appears. */
export async function NoteResult({ done }: { done?: string | null }) {
  if (done !== "noteAdded") return null;
  const t = await getTranslations();
  return <SectionResult text={t("caseWork.done.noteAdded")} />;
}
