// What the about step shows after "a person who has died": the GDPR does not cover deceased persons
// (recital 27), so there is no request to send here, and where to turn instead in Norway (close
// relatives' access to health records, case documents, the estate), with the municipality's own
// contact details (the admin's values, MunicipalityContact). Server component; the form shows it
// with CSS only when that choice is ticked, so it works without JavaScript.
import { getTranslations } from "next-intl/server";
import { MunicipalityContact, pageMunicipalityContact } from "@/components/layout/MunicipalityContact";

export async function DeceasedGuidance() {
  const [t, layout, m] = await Promise.all([getTranslations("requestFlow.deceased"), getTranslations("layout"), pageMunicipalityContact()]);
  const routes = ["health", "documents", "estate"] as const;
  return (
    <div className="ds-alert" data-color="info" role="region" aria-labelledby="deceased-heading">
      <h3 id="deceased-heading" className="ds-heading" data-size="xs">
        {t("heading")}
      </h3>
      <p className="ds-paragraph mt-2">{t("why")}</p>
      <p className="ds-paragraph mt-2">{t("routesIntro")}</p>
      <ul className="ds-list mt-2">
        {routes.map((route) => (
          <li key={route} data-testid={`deceased-route-${route}`}>
            <strong>{t(`routes.${route}.title`)}</strong> {t(`routes.${route}.body`)}
          </li>
        ))}
      </ul>
      <p className="ds-paragraph mt-3">{t("contact", { municipality: m.name })}</p>
      <MunicipalityContact />
      <p className="ds-paragraph mt-2" data-size="sm">
        {layout("footerNoSensitiveEmail")}
      </p>
      <p className="ds-paragraph mt-3">{t("otherChoice")}</p>
    </div>
  );
}
