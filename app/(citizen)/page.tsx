import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RIGHTS, RIGHTS_CATALOGUE } from "@/lib/domain/rights";
import { pageMunicipalityContact } from "@/components/layout/MunicipalityContact";
import { LegalName } from "@/components/request/LegalName";

export default async function HomePage() {
  const t = await getTranslations();
  const m = await pageMunicipalityContact();
  const municipality = m.name;
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("home.heading", { municipality })}
      </h1>
      <p className="ds-paragraph mt-3 max-w-prose">{t("home.intro")}</p>
      <p className="ds-paragraph mt-2 max-w-prose">{t("requestFlow.home.howItWorks")}</p>

      <h2 className="ds-heading mt-8" data-size="md">
        {t("home.chooseHeading")}
      </h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2">
        {RIGHTS.map((right) => (
          <li key={right} className="ds-card p-4 flex flex-col gap-3" data-color={right === "access" ? "accent" : "neutral"} data-testid={`right-card-${right}`}>
            <div className="flex flex-col gap-1">
              <h3 className="ds-heading" data-size="xs">
                <Link className="ds-link" data-color="accent" href={`/request/new?right=${right}`} prefetch={false}>
                  {t(`rights.${right}.title`)}
                </Link>
              </h3>
              {/* The legal name (as in the privacy statement) and the article, right under the plain title. */}
              <p className="ds-paragraph" data-size="sm">
                <LegalName testId={`legal-name-${right}`}>{`${t(`rights.${right}.legalName`)} (${RIGHTS_CATALOGUE[right].citation})`}</LegalName>
              </p>
            </div>
            {right === "access" && (
              <p className="ds-tag self-start" data-color="accent">
                {t("home.mostCommon")}
              </p>
            )}
            <p className="ds-paragraph" data-size="sm">
              {t(`requestFlow.home.explain.${right}`)}
            </p>
            {right === "portability" && (
              <p className="ds-paragraph" data-size="sm">
                {t("requestFlow.home.portabilityOffer")}{" "}
                <Link className="ds-link" data-color="accent" href="/request/new?right=access" prefetch={false}>
                  {t("requestFlow.home.portabilityAskAccess")}
                </Link>
              </p>
            )}
          </li>
        ))}
      </ul>
      <p className="ds-paragraph mt-4 max-w-prose">{t("requestFlow.home.severalRights")}</p>

      <section aria-labelledby="other-heading" className="ds-alert mt-10" data-color="warning">
        <h2 id="other-heading" className="ds-heading" data-size="sm">
          {t("home.otherHeading")}
        </h2>
        <h3 className="ds-heading mt-3" data-size="xs">
          {t("requestFlow.home.innsynHeading")}
        </h3>
        <p className="ds-paragraph mt-1 max-w-prose">{t("requestFlow.home.innsynBody", { municipality })}</p>
        {m.postmottakEmail && (
          <p className="ds-paragraph mt-1 max-w-prose">{t("requestFlow.home.innsynContact", { email: m.postmottakEmail })}</p>
        )}
        <h3 className="ds-heading mt-3" data-size="xs">
          {t("requestFlow.home.eidHeading")}
        </h3>
        <p className="ds-paragraph mt-1 max-w-prose">{t("requestFlow.home.eidBody")}</p>
        <h3 className="ds-heading mt-3" data-size="xs">
          {t("requestFlow.home.complaintHeading")}
        </h3>
        <p className="ds-paragraph mt-1 max-w-prose">{t("home.complaint")}</p>
      </section>
    </>
  );
}
