import { getTranslations } from "next-intl/server";
import { currentMunicipality } from "@/lib/config/current";
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
          <ul className="ds-list mt-2">
            {m.postmottakEmail && <li>{t("footerEmail", { email: m.postmottakEmail })}</li>}
            {m.phone && <li>{t("footerPhone", { phone: m.phone })}</li>}
            {m.visitingAddress && <li>{t("footerVisiting", { address: m.visitingAddress })}</li>}
            <li>{t("footerPostal", { address: m.postalAddress })}</li>
          </ul>
          <p className="mt-2">{t("footerNoSensitiveEmail")}</p>
        </section>
        <section aria-labelledby="footer-dpo">
          <h2 id="footer-dpo" className="ds-heading" data-size="2xs">
            {t("footerDpo")}
          </h2>
          <ul className="ds-list mt-2">
            {m.dpo.name && <li>{m.dpo.name}</li>}
            {m.dpo.email && <li>{t("footerEmail", { email: m.dpo.email })}</li>}
            {m.dpo.phone && <li>{t("footerPhone", { phone: m.dpo.phone })}</li>}
            {m.dpo.postalAddress && <li>{t("footerPostal", { address: m.dpo.postalAddress })}</li>}
          </ul>
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
