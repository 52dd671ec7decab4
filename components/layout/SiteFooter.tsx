import { getTranslations } from "next-intl/server";
import { currentMunicipality } from "@/lib/config/current";
import { MunicipalityContact } from "./MunicipalityContact";
import { SiteLinks } from "./SiteLinks";

export async function SiteFooter() {
  const t = await getTranslations("layout");
  const m = currentMunicipality();
  return (
    <footer className="border-t border-gray-300 mt-8">
      <div className="pv-container grid gap-6 py-6 sm:grid-cols-2 text-sm">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact" className="ds-heading" data-size="2xs">
            {t("footerContact", { municipality: m.name })}
          </h2>
          <MunicipalityContact />
          <p className="mt-2">{t("footerNoSensitiveEmail")}</p>
        </section>
        <section aria-labelledby="footer-dpo">
          <h2 id="footer-dpo" className="ds-heading" data-size="2xs">
            {t("footerDpo")}
          </h2>
          <MunicipalityContact who="dpo" />
          <p className="mt-4">
            <a className="ds-link" href="/staff">
              {t("footerStaff")}
            </a>
          </p>
        </section>
        <div className="sm:col-span-2">
          <SiteLinks />
        </div>
      </div>
    </footer>
  );
}
