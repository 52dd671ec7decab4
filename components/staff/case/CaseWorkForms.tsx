// The work forms of the case page, built from the view and the actor's permissions. Server
// component: translates every text and hands plain field specs to CaseActionForm (client).
import { getTranslations } from "next-intl/server";
import type { StaffCaseWorkView } from "@/lib/cases/staff-get-case";
import { suggestTasks, TASK_KINDS } from "@/lib/cases/case-tasks";
import { EXTENSION_GROUNDS } from "@/lib/domain/case-status";
import { formatDateLong } from "@/lib/domain/calendar";
import { legalBasesFor, RIGHTS_CATALOGUE } from "@/lib/domain/rights";
import { RIGHT_OUTCOMES } from "@/lib/domain/case-state-machine";
import type { Locale } from "@/i18n/locales";
import { formatDateTime } from "@/components/my-cases/format";
import {
  addNoteAction,
  askRequesterAction,
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

type Props = { view: StaffCaseWorkView; locale: Locale };
type T = Awaited<ReturnType<typeof getTranslations>>;

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
  const anything = view.can.ask || view.can.extend || view.can.restrict || view.can.complex;
  if (!anything) return <p className="ds-paragraph mt-2">{t("caseWork.actions.readOnly")}</p>;
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
          intro={<p className="ds-paragraph">{t("caseWork.ask.intro")}</p>}
          fields={[
            {
              kind: "radio",
              name: "kind",
              label: t("caseWork.ask.kindLabel"),
              defaultValue: "clarification",
              options: [
                { value: "identity", label: t("caseWork.ask.kinds.identity"), hint: t("caseWork.ask.kindHints.identity") },
                { value: "clarification", label: t("caseWork.ask.kinds.clarification"), hint: t("caseWork.ask.kindHints.clarification") },
              ],
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
          fields={[]}
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
          hidden={hidden(view, { complex: view.complex ? "no" : "yes" })}
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
      {view.can.restrict && view.restrictedAt && (
        <CaseActionForm
          formId="lift"
          disclosure={t("caseWork.restriction.liftHeading")}
          action={liftRestrictionAction}
          hidden={hidden(view)}
          confirmStep
          reloadHref={reload}
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
      )}
    </div>
  );
}

export async function CaseTasks({ view }: Props) {
  const t = await getTranslations();
  const reload = `/staff/cases/${view.reference}`;
  const systems = view.unit?.systems ?? [];
  const suggestions = view.can.tasks && !view.closed ? suggestTasks(view.rights, systems, view.tasks) : [];
  const art19 = view.rights.some((r) => RIGHTS_CATALOGUE[r].notifyRecipientsArt19);
  const kindLabel = (kind: string) => t(`caseWork.tasks.kinds.${kind}` as never);
  return (
    <>
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
                view.can.tasks &&
                !view.closed && (
                  <div className="mt-2">
                    <CaseActionForm
                      formId={`task-done-${i}`}
                      disclosure={t("caseWork.tasks.markDoneHeading")}
                      action={completeTaskAction}
                      hidden={hidden(view, { taskId: task.id })}
                      reloadHref={reload}
                      fields={[{ kind: "textarea", name: "note", label: t("caseWork.tasks.noteLabel"), help: t("caseWork.tasks.noteHelp"), rows: 2 }]}
                      texts={texts(t, t("caseWork.tasks.markDone"))}
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
      {view.can.tasks && !view.closed && (
        <div className="mt-4">
          <CaseActionForm
            formId="task-new"
            disclosure={t("caseWork.tasks.addHeading")}
            action={createTaskAction}
            hidden={hidden(view)}
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
                options: [{ value: "", label: t("caseWork.tasks.noAssignee") }, ...view.taskAssignees.map((u) => ({ value: u.id, label: u.name }))],
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

export async function NoteForm({ view }: Props) {
  const t = await getTranslations();
  if (!view.can.note || view.closed) return null;
  return (
    <div className="mt-4">
      <CaseActionForm
        formId="note"
        disclosure={t("caseWork.note.heading")}
        action={addNoteAction}
        hidden={hidden(view)}
        reloadHref={`/staff/cases/${view.reference}`}
        fields={[{ kind: "textarea", name: "body", label: t("caseWork.note.label"), help: t("caseWork.note.help"), rows: 4, maxLength: 5000 }]}
        texts={texts(t, t("caseWork.note.submit"))}
      />
    </div>
  );
}
