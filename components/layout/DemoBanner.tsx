// The demo-mode notice at the top of every page, inside its own labelled region (axe "region":
// no content outside landmarks).
import { getTranslations } from "next-intl/server";
import { isDemoMailboxEnabled, isDemoMode } from "@/lib/config/current";

export async function DemoBanner({ wide = false }: { wide?: boolean }) {
  if (!isDemoMode()) return null;
  const t = await getTranslations("layout");
  return (
    <section aria-label={t("demoRegion")} className="ds-alert pv-demo-banner" data-color="warning" data-testid="demo-banner">
      <div className={wide ? "pv-app-container" : "pv-container"}>
        <p>
          <strong>{t("demoBanner")}</strong>{" "}
          {isDemoMailboxEnabled() && (
            <a className="ds-link" href="/demo/mailbox">
              {t("demoMailboxLink")}
            </a>
          )}
        </p>
      </div>
    </section>
  );
}
