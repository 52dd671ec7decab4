// The demo-mode notice at the top of every page, inside its own labelled region (axe "region":
// no content outside landmarks).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isDemoMailboxEnabled, isDemoMode } from "@/lib/config/current";
import { isDemoArchiveEnabled, isDemoSvarUtEnabled } from "@/lib/dev/demo-platform";
import { clockOffsetMs, now } from "@/lib/clock";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { isLocale } from "@/i18n/locales";
import { getLocale } from "next-intl/server";

export async function DemoBanner({ wide = false }: { wide?: boolean }) {
  if (!isDemoMode()) return null;
  const [t, tc, tp, localeRaw] = await Promise.all([getTranslations("layout"), getTranslations("demoClock.banner"), getTranslations("platformDemo.links"), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  return (
    <section aria-label={t("demoRegion")} className="ds-alert pv-demo-banner" data-color="warning" data-testid="demo-banner">
      <div className={wide ? "pv-app-container" : "pv-container"}>
        <p>
          <strong>{t("demoBanner")}</strong>{" "}
          {isDemoMailboxEnabled() && (
            <a className="ds-link" href="/demo/mailbox">
              {t("demoMailboxLink")}
            </a>
          )}{" "}
          {isDemoSvarUtEnabled() && (
            <>
              <Link className="ds-link" href="/demo/digital-post" data-testid="demo-banner-digital-post">
                {tp("digitalPost")}
              </Link>{" "}
            </>
          )}
          {isDemoArchiveEnabled() && (
            <>
              <Link className="ds-link" href="/demo/archive" data-testid="demo-banner-archive">
                {tp("archive")}
              </Link>{" "}
            </>
          )}
          {clockOffsetMs() !== 0 && <span data-testid="demo-clock-moved">{tc("moved", { date: formatDateLong(osloDateOf(now()), locale) })} </span>}
          <a className="ds-link" href="/demo/clock">
            {tc("link")}
          </a>
        </p>
      </div>
    </section>
  );
}
