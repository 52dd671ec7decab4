import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { hasPermission } from "@/lib/domain/policy";
import { listUnits } from "@/lib/admin/list-units";
import { UnitForm } from "@/components/staff/admin/UnitForm";
import { adminErrorTexts, unitFormLabels } from "@/components/staff/admin/texts";
import { createUnitAction } from "../actions";

export default async function AdminUnitsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireStaffActor();
  // The layout answers 404 too, but it renders in parallel with the page: stop before any service call.
  if (!hasPermission(actor, "admin.manage_units")) notFound();
  const [{ done }, t, td] = await Promise.all([searchParams, getTranslations("staffQueue.admin.units"), getTranslations("requestDetails.admin")]);
  const [units, errorTexts, labels] = await Promise.all([listUnits(actor), adminErrorTexts(), unitFormLabels(t("createButton"))]);
  const notice = done === "created" || done === "updated" ? done : null;
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-2">{t("intro")}</p>
      {notice && (
        <div className="ds-alert mt-4" data-color="success" role="status">
          <p className="ds-paragraph">{t(`done.${notice}`)}</p>
        </div>
      )}
      <div className="mt-6 overflow-x-auto">
        <table className="ds-table" data-zebra="true" data-size="sm">
          <caption className="ds-sr-only">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("slug")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("systems")}</th>
              <th scope="col">{td("column")}</th>
              <th scope="col">{t("members")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">
                <span className="ds-sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id} data-slug={u.slug}>
                <th scope="row">{u.name}</th>
                <td>{u.slug}</td>
                <td>{u.email ?? "-"}</td>
                <td>
                  {u.systems.length > 0 ? (
                    <ul className="ds-list">
                      {u.systems.map((s) => (
                        <li key={s}>{s}</li>
                      ))}
                    </ul>
                  ) : (
                    "-"
                  )}
                </td>
                <td data-testid="unit-special-category">{u.specialCategory ? td("yes") : td("no")}</td>
                <td>{u.members}</td>
                <td>
                  <span className="ds-tag" data-size="sm" data-color={u.active ? "success" : "neutral"}>
                    {u.active ? t("activeTag") : t("inactiveTag")}
                  </span>
                </td>
                <td>
                  <a className="ds-link" href={`/staff/admin/units/${u.id}`}>
                    {t("edit")}
                    <span className="ds-sr-only"> {u.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="new-unit-heading" className="mt-8">
        <h2 id="new-unit-heading" className="ds-heading mb-4" data-size="md">
          {t("createHeading")}
        </h2>
        <UnitForm
          action={createUnitAction}
          idPrefix="new-unit"
          labels={labels}
          initial={{ name: "", nameNn: "", nameEn: "", slug: "", email: "", systems: "", active: true, specialCategory: false }}
          errorTexts={errorTexts}
        />
      </section>
    </>
  );
}
