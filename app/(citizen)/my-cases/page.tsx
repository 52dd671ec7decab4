import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireCitizen } from "@/lib/citizen-auth/session";
import { citizenListCases } from "@/lib/cases/citizen-list-cases";
import { formatDateLong } from "@/lib/domain/calendar";
import { isClosed } from "@/lib/domain/case-status";
import { isLocale } from "@/i18n/locales";

export const dynamic = "force-dynamic";

export default async function MyCasesPage() {
  const citizen = await requireCitizen("/my-cases");
  const [rows, t, localeRaw] = await Promise.all([citizenListCases(citizen.identityId), getTranslations(), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("myCases.listHeading")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("myCases.listIntro")}</p>
      {rows.length === 0 ? (
        <p className="ds-paragraph mt-6" data-testid="my-cases-empty">
          {t("myCases.listEmpty")}
        </p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="ds-table" data-zebra="true">
            <caption className="ds-sr-only">{t("myCases.listCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("myCases.colReference")}</th>
                <th scope="col">{t("myCases.colRights")}</th>
                <th scope="col">{t("myCases.colStatus")}</th>
                <th scope="col">{t("myCases.colDue")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.reference} data-reference={row.reference}>
                  <th scope="row">
                    <Link className="ds-link" href={`/my-cases/${row.reference}`}>
                      {row.reference}
                    </Link>
                  </th>
                  <td>{row.rights.map((r) => t(`rights.${r}.title`)).join(", ")}</td>
                  <td>{t(`caseStatus.${row.status}`)}</td>
                  <td>{isClosed(row.status) ? t("myCases.closedDue") : formatDateLong(row.dueDate, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-6">
        <Link className="ds-link" href="/">
          {t("myCases.newRequest")}
        </Link>
      </p>
    </>
  );
}
