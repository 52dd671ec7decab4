// The latest changes to one user, unit, the retention period or a letter paragraph, under its edit
// form on the admin pages, with a link to its whole history in the change log.
import { getLocale, getTranslations } from "next-intl/server";
import { listAdminEvents } from "@/lib/admin/admin-audit";
import type { AdminAuditTarget } from "@/lib/domain/admin-audit";
import type { Actor } from "@/lib/domain/policy";
import { isLocale } from "@/i18n/locales";
import { AdminLogTable } from "./AdminLogTable";

const LATEST = 5;

export async function AdminHistory({ actor, targetType, targetId }: { actor: Actor; targetType: AdminAuditTarget; targetId: string }) {
  const [t, localeRaw, page] = await Promise.all([
    getTranslations("adminLog"),
    getLocale(),
    listAdminEvents(actor, { filter: { targetType, targetId }, limit: LATEST }),
  ]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const href = `/staff/admin/log?${new URLSearchParams({ target: targetType, id: targetId })}`;
  return (
    <section aria-labelledby="admin-history-heading" className="mt-10" data-testid="admin-history">
      <h2 id="admin-history-heading" className="ds-heading" data-size="md">
        {t("historyHeading")}
      </h2>
      {page.entries.length === 0 ? (
        <p className="ds-paragraph mt-2">{t("empty")}</p>
      ) : (
        <>
          <p className="ds-paragraph mt-2">{t("historyIntro")}</p>
          <AdminLogTable entries={page.entries} locale={locale} linkTargets={false} caption={t("caption")} testId="admin-history-table" />
          <p className="ds-paragraph mt-2">
            <a className="ds-link" href={href}>
              {t("historyAll")}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
