// Assignment and unit on the staff case page, offered in the work panel ("Tildel", "Flytt til
// enhet"): unit leads assign or reassign the case to a colleague and move it to another unit (or
// give a "vet ikke" case its unit). What the person may do comes from the policy
// (lib/cases/case-assignment.ts); the forms work without JavaScript (CaseActionForm + server
// actions in app/staff/cases/[reference]/assign-actions.ts).
import { getTranslations } from "next-intl/server";
import type { CaseAssignmentView } from "@/lib/cases/case-assignment";
import { assignOnCaseAction, changeUnitAction } from "@/app/staff/cases/[reference]/assign-actions";
import { CaseActionForm } from "./CaseActionForm";

async function texts(submit: string) {
  const tc = await getTranslations("caseWork");
  return { submit, summaryHeading: tc("form.summaryHeading"), reload: tc("conflict.reload") };
}

export async function AssignForm({ view }: { view: CaseAssignmentView }) {
  const t = await getTranslations("policyWork");
  return (
    <>
      <h3 className="ds-heading mb-3" data-size="2xs">
        {view.assigneeId ? t("assign.reassignHeading") : t("assign.heading")}
      </h3>
      <CaseActionForm
        formId="case-assign"
        action={assignOnCaseAction}
        hidden={{ reference: view.reference, version: String(view.version) }}
        reloadHref={`/staff/cases/${view.reference}`}
        intro={<p className="ds-paragraph">{t("assign.intro")}</p>}
        fields={[
          {
            kind: "select",
            name: "assigneeId",
            label: t("assign.label"),
            defaultValue: view.assigneeId ?? "",
            options: [{ value: "", label: t("assign.choose") }, ...view.assignees.map((a) => ({ value: a.id, label: a.name }))],
          },
        ]}
        texts={await texts(t("assign.submit"))}
      />
    </>
  );
}

export async function UnitForm({ view }: { view: CaseAssignmentView }) {
  const t = await getTranslations("policyWork");
  return (
    <>
      <h3 className="ds-heading mb-3" data-size="2xs">
        {view.unitId ? t("unit.heading") : t("unit.headingNoUnit")}
      </h3>
      <CaseActionForm
        formId="case-unit"
        action={changeUnitAction}
        hidden={{ reference: view.reference, version: String(view.version) }}
        reloadHref={`/staff/cases/${view.reference}`}
        submitVariant="secondary"
        intro={
          <>
            <p className="ds-paragraph">{t("unit.intro")}</p>
            <p className="ds-paragraph">{t("unit.specialCategoryNote")}</p>
          </>
        }
        fields={[
          {
            kind: "select",
            name: "unitId",
            label: t("unit.label"),
            defaultValue: "",
            options: [
              { value: "", label: t("unit.choose") },
              ...view.units.map((u) => ({ value: u.id, label: u.specialCategory ? t("unit.specialCategoryOption", { name: u.name }) : u.name })),
            ],
          },
        ]}
        texts={await texts(t("unit.submit"))}
      />
    </>
  );
}

/** The confirmation after assigning or moving (the action redirects with ?assignment=...). */
export async function AssignmentDone({ search }: { search: Record<string, string | undefined> }) {
  const done = search.assignment === "assigned" || search.assignment === "moved" ? search.assignment : null;
  if (!done) return null;
  const t = await getTranslations("policyWork");
  return (
    <div className="ds-alert mt-4" data-color="success" role="status" data-testid="assignment-done">
      <p className="ds-paragraph">{t(`panel.done.${done}`)}</p>
    </div>
  );
}
