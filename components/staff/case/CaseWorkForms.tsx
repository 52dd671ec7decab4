// The work forms of the case page, built from the view and the actor's permissions. Server
// component: translates every text and hands plain field specs to CaseActionForm (client).
import { getTranslations } from "next-intl/server";
import type { StaffCaseWorkView } from "@/lib/cases/staff-get-case";
import { suggestTasks, TASK_KINDS } from "@/lib/cases/case-tasks";
import { EXTENSION_GROUNDS } from "@/lib/domain/case-status";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { legalBasesFor, RIGHTS_CATALOGUE } from "@/lib/domain/rights";
import { askRequesterKindsFor, identityPauseAllowed, RIGHT_OUTCOMES } from "@/lib/domain/case-state-machine";
import type { Locale } from "@/i18n/locales";
import { formatDateTime } from "@/components/my-cases/format";
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
} from "@/app/staff/cases/[reference]/case-work-actions";
import { CaseActionForm, type CaseActionFormTexts } from "./CaseActionForm";

type Props = { view: StaffCaseWorkView; locale: Locale; /** The `done` key of the action just saved, if any. */ done?: string | null };
type T = Awaited<ReturnType<typeof getTranslations>>;

/**
 * Results shown next to the section the page returns to (tasks, notes), not at the top of the page:
 * done key -> message key. The page leaves these out of its own flash.
 */
export const SECTION_DONE_MESSAGES: Readonly<Record<string, string>> = {
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

/** Ask the requester / resume, extend, complex, restriction: the actions on the case's clock and status. */
export async function CaseActions({ view, locale }: Props) {
  const t = await getTranslations();
  const reload = `/staff/cases/${view.reference}`;
  const awaiting = view.status === "awaiting_requester";
  const canAskNow = view.status === "received" || view.status === "in_progress";
  const extendedDue = view.extendedDueDate;
  const anything = view.closed ? view.can.restrict && view.restrictedAt !== null : view.can.ask || view.can.extend || view.can.restrict || view.can.complex;
  if (!anything) return <p className="ds-paragraph mt-2">{t("caseWork.actions.readOnly")}</p>;
  const askKinds = askRequesterKindsFor(view.requester.identityLevel);
  const today = osloDateOf(new Date());
  const pauseStart = view.openPause ? osloDateOf(view.openPause.since) : today;
  // A closed case: only lifting a restriction that outlived the decision (Art. 18(3)).
  if (view.closed) {
    return (
      <div className="mt-4 flex flex-col gap-4">
        <p className="ds-paragraph">{t("caseRules.restriction.closedIntro")}</p>
        <LiftRestrictionForm view={view} locale={locale} t={t} />
      </div>
    );
  }
  return (
    <div className="mt-4 flex flex-col gap-4">
      {view.can.ask && canAskNow && (
        <CaseActionForm
          formId="ask"
          disclosure={t("caseWork.ask.heading")}
          action={askRequesterAction}
          hidden={hidden(view)}
          confirmStep
          reloadHref={reload}
          intro={
            <>
              <p className="ds-paragraph">{t("caseWork.ask.intro")}</p>
              {!identityPauseAllowed(view.requester.identityLevel) && (
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
            { kind: "textarea", name: "body", label: t("caseWork.ask.bodyLabel"), help: t("caseWork.ask.bodyHelp"), rows: 6, maxLength: 5000 },
          ]}
          texts={texts(t, t("caseWork.ask.submit"))}
        />
      )}
      {view.can.ask && awaiting && (
        <CaseActionForm
          formId="resume"
          disclosure={t("caseWork.resume.heading")}
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
      )}
      {view.can.extend && !view.extended && (
        <CaseActionForm
          formId="extend"
          disclosure={t("caseWork.extend.heading")}
          action={extendAction}
          hidden={hidden(view, { newDueDate: extendedDue })}
          confirmStep
          reloadHref={reload}
          intro={
            <p className="ds-paragraph">
              {t("caseWork.extend.intro", {
                lastDay: formatDateLong(view.extensionLastDay, locale),
                newDue: formatDateLong(extendedDue, locale),
              })}
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
      )}
      {view.can.complex && (
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
      )}
      {view.can.restrict && !view.restrictedAt && (
        <CaseActionForm
          formId="restrict"
          disclosure={t("caseWork.restriction.restrictHeading")}
          action={restrictAction}
          hidden={hidden(view)}
          confirmStep
          reloadHref={reload}
          intro={<p className="ds-paragraph">{t("caseWork.restriction.intro")}</p>}
          fields={[{ kind: "textarea", name: "note", label: t("caseWork.restriction.noteLabel"), help: t("caseWork.restriction.noteHelp"), rows: 3, maxLength: 2000 }]}
          texts={texts(t, t("caseWork.restriction.restrictSubmit"))}
        />
      )}
      {view.can.restrict && view.restrictedAt && <LiftRestrictionForm view={view} locale={locale} t={t} />}
    </div>
  );
}

/** Lifting an Art. 18 restriction: open or closed case, only once the requester has been told (18(3)). */
function LiftRestrictionForm({ view, locale, t }: Props & { t: T }) {
  if (!view.restrictedAt) return null;
  return (
    <CaseActionForm
      formId="lift"
      disclosure={t("caseWork.restriction.liftHeading")}
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
  const kindLabel = (kind: string) => t(`caseWork.tasks.kinds.${kind}` as never);
  const result = done && TASK_DONE_KEYS.includes(done) ? t(SECTION_DONE_MESSAGES[done] as never) : null;
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
                      fields={[{ kind: "textarea", name: "note", label: t("caseWork.tasks.noteLabel"), help: t("caseWork.tasks.noteHelp"), rows: 2 }]}
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
      {view.can.tasks && (
        <div className="mt-4">
          <CaseActionForm
            formId="task-new"
            disclosure={t("caseWork.tasks.addHeading")}
            action={createTaskAction}
            hidden={hidden(view)}
            confirmStep
            reloadHref={reload}
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
        </div>
      )}
    </>
  );
}

export async function CaseDecision({ view, locale }: Props) {
  const t = await getTranslations();
  const reload = `/staff/cases/${view.reference}`;
  const canDecideNow = view.status === "received" || view.status === "in_progress";
  const openTasks = view.tasks.filter((task) => task.doneAt === null);
  return (
    <>
      {view.decisions.length > 0 && (
        <ul className="mt-2 flex max-w-prose list-none flex-col gap-3 p-0" data-testid="decisions">
          {view.decisions.map((d) => (
            <li key={d.right} className="ds-card p-4">
              <p className="ds-paragraph font-semibold">
                {t("caseWork.decide.decidedLine", { right: t(`rights.${d.right}.title`), outcome: t(`caseWork.decide.outcomes.${d.outcome}`) })}
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
      )}
      {view.closed ? (
        view.decisions.length === 0 && <p className="ds-paragraph mt-2">{t("caseWork.decide.closed")}</p>
      ) : !view.can.decide ? (
        <p className="ds-paragraph mt-2" data-testid="no-decide">
          {t("caseWork.decide.notAllowed")}
        </p>
      ) : !canDecideNow ? (
        <p className="ds-paragraph mt-2">{t("caseWork.decide.waiting")}</p>
      ) : (
        <div className="mt-2">
          {openTasks.length > 0 && (
            // Not blocking: the tasks stay workable after the decision (Art. 19 notices usually come after it).
            <div className="ds-alert mb-4" data-color="warning" data-testid="open-tasks-warning">
              <h3 className="ds-heading" data-size="2xs">
                {t("caseRules.decide.openTasksHeading")}
              </h3>
              <p className="ds-paragraph mt-1">{t("caseRules.decide.openTasksIntro")}</p>
              <ul className="ds-list mt-2">
                {openTasks.map((task) => (
                  <li key={task.id}>
                    {t("caseWork.tasks.title", { kind: t(`caseWork.tasks.kinds.${task.kind}` as never), system: task.system })}
                    {task.recipient && ` – ${t("caseWork.tasks.recipientShown", { recipient: task.recipient })}`}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <CaseActionForm
            formId="decide"
            disclosure={t("caseWork.decide.heading")}
            action={decideAction}
            hidden={hidden(view, { rights: view.rights.join(",") })}
            confirmStep
            reloadHref={reload}
            intro={<p className="ds-paragraph">{t("caseWork.decide.intro")}</p>}
            fields={view.rights.map((right) => ({
              kind: "group" as const,
              legend: t(`rights.${right}.title`),
              fields: [
                {
                  kind: "radio" as const,
                  name: `outcome.${right}`,
                  label: t("caseWork.decide.outcomeLabel"),
                  options: RIGHT_OUTCOMES.map((o) => ({ value: o, label: t(`caseWork.decide.outcomes.${o}`) })),
                },
                {
                  kind: "checkboxes" as const,
                  name: `basis.${right}`,
                  label: t("caseWork.decide.basisLabel"),
                  help: t("caseWork.decide.basisHelp"),
                  options: legalBasesFor(right).map((b) => ({
                    value: b.id,
                    label: `${b.citation} – ${t(`caseWork.legalBases.${b.id}` as never)}`,
                  })),
                },
                {
                  kind: "textarea" as const,
                  name: `reasons.${right}`,
                  label: t("caseWork.decide.reasonsLabel"),
                  help: t("caseWork.decide.reasonsHelp"),
                  rows: 4,
                  maxLength: 5000,
                },
              ],
            }))}
            texts={texts(t, t("caseWork.decide.submit"))}
          />
        </div>
      )}
    </>
  );
}

export async function NoteForm({ view, done }: Props) {
  const t = await getTranslations();
  const result = done === "noteAdded" ? <SectionResult text={t("caseWork.done.noteAdded")} /> : null;
  if (!view.can.note || view.closed) return result;
  return (
    <div className="mt-4">
      {result}
      <CaseActionForm
        formId="note"
        disclosure={t("caseWork.note.heading")}
        action={addNoteAction}
        hidden={hidden(view)}
        confirmStep
        reloadHref={`/staff/cases/${view.reference}`}
        fields={[{ kind: "textarea", name: "body", label: t("caseWork.note.label"), help: t("caseWork.note.help"), rows: 4, maxLength: 5000 }]}
        texts={texts(t, t("caseWork.note.submit"))}
      />
    </div>
  );
}
