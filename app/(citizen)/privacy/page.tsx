// The portal's own privacy notice (GDPR Art. 13; issue 13, item 10): who the controller is, as the
// municipality's statement names it, the DPO, and per kind of data what the portal stores, why and
// for how long. The periods are the rules the portal runs (lib/domain/retention.ts, the housekeeping
// in lib/jobs/retention.ts, sessions, codes, drafts, rate limits), the retention period the admin set.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentMunicipality } from "@/lib/config/current";
import { getSiteFacts } from "@/lib/admin/site-links";
import { isLocale } from "@/i18n/locales";
import { MunicipalityContact } from "@/components/layout/MunicipalityContact";

const ITEMS = ["request", "signIn", "emailCode", "draft", "mail", "platform", "abuse", "logs", "cookies"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sitePages.privacy");
  return { title: t("metaTitle") };
}

export default async function PrivacyNoticePage() {
  const [t, localeRaw, facts] = await Promise.all([getTranslations("sitePages.privacy"), getLocale(), getSiteFacts()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const m = currentMunicipality();
  const municipality = m.name;
  return (
    <div className="max-w-prose">
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-3">{t("intro", { municipality })}</p>
      <p className="ds-paragraph mt-2">
        {facts.privacyStatementUrl ? (
          <a className="ds-link" href={facts.privacyStatementUrl} data-testid="privacy-statement-link">
            {t("statementLink", { municipality })}
          </a>
        ) : (
          <span data-testid="privacy-statement-missing">{t("statementMissing", { municipality })}</span>
        )}
      </p>

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("controllerHeading")}
      </h2>
      <p className="ds-paragraph mt-2" data-testid="controller">
        {t("controllerBody", { controller: m.controller[locale] })}
      </p>
      <MunicipalityContact />

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("dpoHeading")}
      </h2>
      <p className="ds-paragraph mt-2">{t("dpoBody")}</p>
      <MunicipalityContact who="dpo" />

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("whatHeading")}
      </h2>
      {ITEMS.map((item) => (
        <section key={item} aria-labelledby={`privacy-${item}`} className="mt-4" data-testid={`privacy-${item}`}>
          <h3 id={`privacy-${item}`} className="ds-heading" data-size="xs">
            {t(`items.${item}.title`)}
          </h3>
          <dl className="pv-privacy-facts mt-1">
            <dt className="font-semibold">{t("what")}</dt>
            <dd className="ds-paragraph">{t(`items.${item}.what`)}</dd>
            <dt className="mt-1 font-semibold">{t("why")}</dt>
            <dd className="ds-paragraph">{t(`items.${item}.why`)}</dd>
            <dt className="mt-1 font-semibold">{t("keep")}</dt>
            <dd className="ds-paragraph">{item === "request" ? t("items.request.keep", { years: facts.retentionYears }) : t(`items.${item}.keep`)}</dd>
          </dl>
        </section>
      ))}

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("recipientsHeading")}
      </h2>
      <p className="ds-paragraph mt-2">{t("recipientsBody", { municipality })}</p>

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("automatedHeading")}
      </h2>
      <p className="ds-paragraph mt-2">{t("automatedBody")}</p>

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("rightsHeading")}
      </h2>
      <p className="ds-paragraph mt-2">{t("rightsBody")}</p>
      <p className="ds-paragraph mt-2">
        <Link className="ds-link" href="/">
          {t("rightsLink")}
        </Link>
      </p>

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("complaintHeading")}
      </h2>
      <p className="ds-paragraph mt-2">{t("complaintBody")}</p>
      <p className="ds-paragraph mt-2">
        <a className="ds-link" href="https://www.datatilsynet.no/">
          {t("complaintLink")}
        </a>
      </p>
    </div>
  );
}
