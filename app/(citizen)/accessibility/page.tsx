// The accessibility statement (tilgjengelighetserklæring) every Norwegian public website must
// publish (issue 13, item 9): scope, status, known deviations, how it is tested, every WCAG 2.1 A/AA
// criterion with its status, the feedback channel and the complaint body, and the municipality's
// own statement on uustatus.no when an admin has added its link. The facts are lib/domain/wcag.ts.
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { currentMunicipality } from "@/lib/config/current";
import { getSiteFacts } from "@/lib/admin/site-links";
import { ACCESSIBILITY_ASSESSED_ON, DEVIATIONS, TEST_METHODS, WCAG_CRITERIA, criteriaWith, overallConformance } from "@/lib/domain/wcag";
import { formatDateLong } from "@/lib/domain/calendar";
import { isLocale } from "@/i18n/locales";
import { MunicipalityContact } from "@/components/layout/MunicipalityContact";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sitePages.accessibility");
  return { title: t("metaTitle") };
}

export default async function AccessibilityStatementPage() {
  const [t, localeRaw, facts] = await Promise.all([getTranslations("sitePages.accessibility"), getLocale(), getSiteFacts()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const municipality = currentMunicipality().name;
  const conformance = overallConformance();
  return (
    <div className="max-w-prose">
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-3">{t("intro", { municipality })}</p>
      <p className="ds-paragraph mt-2">{t("law")}</p>

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("statusHeading")}
      </h2>
      <p className="ds-paragraph mt-2" data-testid="conformance" data-conformance={conformance}>
        {t(`status.${conformance}`)}
      </p>
      <p className="ds-paragraph mt-2">{t("assessed", { date: formatDateLong(ACCESSIBILITY_ASSESSED_ON, locale) })}</p>

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("deviationsHeading")}
      </h2>
      {DEVIATIONS.map((deviation) => (
        <section key={deviation} aria-labelledby={`deviation-${deviation}`} className="mt-3" data-testid="deviation">
          <h3 id={`deviation-${deviation}`} className="ds-heading" data-size="xs">
            {t(`deviations.${deviation}.title`)}
          </h3>
          <p className="ds-paragraph mt-1">{t(`deviations.${deviation}.body`)}</p>
          <p className="ds-paragraph mt-1" data-size="sm">
            {t("affects", { criteria: criteriaWith(deviation).map((criterion) => criterion.id).join(", ") })}
          </p>
        </section>
      ))}

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("testingHeading")}
      </h2>
      <p className="ds-paragraph mt-2">{t("testingIntro")}</p>
      <ul className="ds-list mt-2">
        {TEST_METHODS.map((method) => (
          <li key={method}>{t(`methods.${method}`)}</li>
        ))}
      </ul>

      <h2 className="ds-heading mt-6" data-size="sm" id="criteria-heading">
        {t("criteriaHeading")}
      </h2>
      <p className="ds-paragraph mt-2">{t("criteriaIntro")}</p>
      {/* The table may be wider than a phone: it scrolls inside its own focusable region (WCAG 1.4.10, 2.1.1). */}
      <div className="mt-3 overflow-x-auto" role="region" aria-labelledby="criteria-heading" tabIndex={0}>
        <table className="ds-table" data-zebra="true" data-size="sm" data-testid="wcag-criteria">
          <caption className="ds-sr-only">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.id")}</th>
              <th scope="col">{t("columns.name")}</th>
              <th scope="col">{t("columns.level")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.tested")}</th>
            </tr>
          </thead>
          <tbody>
            {WCAG_CRITERIA.map((criterion) => (
              <tr key={criterion.id} data-criterion={criterion.id} data-status={criterion.status}>
                <th scope="row">{criterion.id}</th>
                <td>{criterion.name[locale]}</td>
                <td>{criterion.level}</td>
                <td>{t(`statusValues.${criterion.status}`)}</td>
                <td>{criterion.tested.map((method) => t(`methodShort.${method}`)).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("feedbackHeading")}
      </h2>
      <p className="ds-paragraph mt-2">{t("feedbackBody", { municipality })}</p>
      <MunicipalityContact />

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("complaintHeading")}
      </h2>
      <p className="ds-paragraph mt-2">{t("complaintBody")}</p>
      <p className="ds-paragraph mt-2">
        <a className="ds-link" href="https://www.uutilsynet.no/">
          {t("complaintLink")}
        </a>
      </p>

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("officialHeading")}
      </h2>
      {facts.accessibilityStatementUrl ? (
        <p className="ds-paragraph mt-2">
          <a className="ds-link" href={facts.accessibilityStatementUrl} data-testid="uustatus-link">
            {t("officialLink", { municipality })}
          </a>
        </p>
      ) : (
        <p className="ds-paragraph mt-2" data-testid="uustatus-missing">
          {t("officialMissing", { municipality })}
        </p>
      )}
    </div>
  );
}
