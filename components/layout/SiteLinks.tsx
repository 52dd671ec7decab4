// "Om nettstedet": the accessibility statement and the portal's privacy notice, which a Norwegian
// public website links from every page's footer (citizen and staff pages alike).
import { getTranslations } from "next-intl/server";

export async function SiteLinks() {
  const t = await getTranslations("sitePages.footer");
  return (
    <nav aria-label={t("heading")} data-testid="site-links">
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <a className="ds-link" href="/accessibility">
            {t("accessibility")}
          </a>
        </li>
        <li>
          <a className="ds-link" href="/privacy">
            {t("privacy")}
          </a>
        </li>
      </ul>
    </nav>
  );
}
