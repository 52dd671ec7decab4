// "Tildeling og enhet" on the staff case page: unit leads assign or reassign the case to a colleague
// and move it to another unit (or give a "vet ikke" case its unit). Shown only to someone the policy
// lets do one of the two on this case (lib/cases/case-assignment.ts); everyone else reads the unit
// and the assignee in the case header. Server component; the forms work without JavaScript
// (CaseActionForm + server actions in app/staff/cases/[reference]/assign-actions.ts).
import { getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/staff-actor";
import { getCaseAssignment } from "@/lib/cases/case-assignment";
import { assignOnCaseAction, changeUnitAction } from "@/app/staff/cases/[reference]/assign-actions";
import { CaseActionForm } from "./CaseActionForm";

export async function AssignPanel(props: { actor: StaffActor; reference: string; search: Record<string, string | undefined> }) {
  const view = await getCaseAssignment(props.actor, props.reference);
  if (!view || (!view.canAssign && !view.canChangeUnit)) return null;
  const [t, tc] = await Promise.all([getTranslations("policyWork"), getTranslations("caseWork")]);
  const done = props.search.assignment === "assigned" || props.search.assignment === "moved" ? props.search.assignment : null;
  const hidden = { reference: view.reference, version: String(view.version) };
  const reload = `/staff/cases/${view.reference}#assignment`;
  const texts = (submit: string) => ({ submit, summaryHeading: tc("form.summaryHeading"), reload: tc("conflict.reload") });

  return (
    <section id="assignment" aria-labelledby="assignment-heading" className="mt-8" tabIndex={-1}>
      <h2 id="assignment-heading" className="ds-heading" data-size="sm">
        {t("panel.heading")}
      </h2>
      {done && (
        <div className="ds-alert mt-2" data-color="success" role="status" data-testid="assignment-done">
          <p className="ds-paragraph">{t(`panel.done.${done}`)}</p>
        </div>
      )}
      <div className="mt-4 flex flex-col gap-4">
        {view.canAssign && (
          <CaseActionForm
            formId="case-assign"
            disclosure={view.assigneeId ? t("assign.reassignHeading") : t("assign.heading")}
            action={assignOnCaseAction}
            hidden={hidden}
            reloadHref={reload}
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
            texts={texts(t("assign.submit"))}
          />
        )}
        {view.canChangeUnit && (
          <CaseActionForm
            formId="case-unit"
            disclosure={view.unitId ? t("unit.heading") : t("unit.headingNoUnit")}
            action={changeUnitAction}
            hidden={hidden}
            reloadHref={reload}
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
            texts={texts(t("unit.submit"))}
          />
        )}
      </div>
    </section>
  );
}
