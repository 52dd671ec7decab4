// The DPO's dashboard: the latest administration changes (who got which role, units, retention,
// letter wording), with a link to the whole change log. Only for those who may read the log.
import { getTranslations } from "next-intl/server";
import { listAdminEvents } from "@/lib/admin/admin-audit";
import { hasPermission, type Actor } from "@/lib/domain/policy";
import type { Locale } from "@/i18n/locales";
import { AdminLogTable } from "./AdminLogTable";

const LATEST = 5;

export async function DashboardAdminLog({ actor, locale }: { actor: Actor; locale: Locale }) {
  if (actor.kind !== "staff" || !hasPermission(actor, "admin.view_audit")) return null;
  const [t, page] = await Promise.all([getTranslations("adminLog"), listAdminEvents(actor, { limit: LATEST })]);
  return (
    <section aria-labelledby="dash-admin-log" className="mt-8" data-testid="dashboard-admin-log">
      <h2 id="dash-admin-log" className="ds-heading" data-size="sm">
        {t("dashboardHeading")}
      </h2>
      <p className="ds-paragraph mt-2">{t("dashboardIntro")}</p>
      {page.entries.length === 0 ? (
        <p className="ds-paragraph mt-2">{t("empty")}</p>
      ) : (
        <AdminLogTable entries={page.entries} locale={locale} linkTargets={hasPermission(actor, "admin.manage_users")} caption={t("caption")} testId="dashboard-admin-log-table" />
      )}
      <p className="ds-paragraph mt-2">
        <a className="ds-link" href="/staff/admin/log">
          {t("historyAll")}
        </a>
      </p>
    </section>
  );
}
