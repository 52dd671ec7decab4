import { getTranslations } from "next-intl/server";
import { RIGHTS } from "@/lib/domain/rights";
import { currentMunicipality } from "@/lib/config/current";

export default async function HomePage() {
  const t = await getTranslations();
  const municipality = currentMunicipality().name;
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("home.heading", { municipality })}
      </h1>
      <p className="ds-paragraph mt-3 max-w-prose">{t("home.intro")}</p>

      <h2 className="ds-heading mt-8" data-size="md">
        {t("home.chooseHeading")}
      </h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2">
        {RIGHTS.map((right) => (
          <li key={right} className="ds-card p-4 flex flex-col gap-2" data-color={right === "access" ? "accent" : "neutral"}>
            <h3 className="ds-heading" data-size="xs">
              <a className="ds-link" href={`/request/${right}`}>
                {t(`rights.${right}.title`)}
              </a>
            </h3>
            {right === "access" && (
              <p className="ds-tag self-start" data-color="accent">
                {t("home.mostCommon")}
              </p>
            )}
            <p className="ds-paragraph" data-size="sm">
              {t(`rights.${right}.summary`)}
            </p>
          </li>
        ))}
      </ul>

      <section aria-labelledby="other-heading" className="mt-10">
        <h2 id="other-heading" className="ds-heading" data-size="sm">
          {t("home.otherHeading")}
        </h2>
        <ul className="ds-list mt-2 max-w-prose">
          <li>{t("home.innsynskrav")}</li>
          <li>{t("home.eidMisuse")}</li>
          <li>{t("home.complaint")}</li>
        </ul>
      </section>
    </>
  );
}
