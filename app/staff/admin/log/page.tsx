// The administration's change log (issue 10): every admin change, newest first, 50 a page by
// keyset; ?target=<type>&id=<id> narrows it to one user, unit or letter paragraph. Admins and the
// DPO (admin.view_audit); the service answers not_found to everyone else.
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { isAdminAuditTarget, listAdminEvents, type AdminLogFilter } from "@/lib/admin/admin-audit";
import { hasPermission } from "@/lib/domain/policy";
import { isLocale } from "@/i18n/locales";
import { AdminLogTable, targetNamer } from "@/components/staff/admin/AdminLogTable";

export const dynamic = "force-dynamic";

type Search = { target?: string | string[]; id?: string | string[]; after?: string | string[] };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function AdminLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "admin.view_audit")) notFound();
  const search = await searchParams;
  const target = one(search.target);
  const id = one(search.id);
  const filter: AdminLogFilter | undefined = isAdminAuditTarget(target) && id && id.length <= 200 ? { targetType: target, targetId: id } : undefined;
  const cursor = one(search.after);
  const [t, localeRaw, page, targetName] = await Promise.all([
    getTranslations("adminLog"),
    getLocale(),
    listAdminEvents(actor, { filter, cursor }),
    targetNamer(),
  ]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams({ ...(filter ? { target: filter.targetType, id: filter.targetId } : {}), ...extra });
    const text = params.toString();
    return text ? `/staff/admin/log?${text}` : "/staff/admin/log";
  };
  const filteredName = filter && page.entries[0] ? targetName(page.entries[0]) : filter?.targetId;
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("intro")}</p>
      {filter && (
        <p className="ds-paragraph mt-4" data-testid="admin-log-filter">
          {t("filtered", { target: filteredName ?? "" })}{" "}
          <a className="ds-link" href="/staff/admin/log">
            {t("showAll")}
          </a>
        </p>
      )}
      {page.entries.length === 0 ? (
        <p className="ds-paragraph mt-4">{t("empty")}</p>
      ) : (
        <AdminLogTable entries={page.entries} locale={locale} linkTargets={hasPermission(actor, "admin.manage_users")} caption={t("caption")} />
      )}
      {(page.nextCursor || cursor) && (
        <nav aria-label={t("caption")} className="mt-4 flex flex-wrap gap-4">
          {cursor && (
            <a className="ds-link" href={query({})}>
              {t("newest")}
            </a>
          )}
          {page.nextCursor && (
            <a className="ds-link" href={query({ after: page.nextCursor })} rel="next">
              {t("older")}
            </a>
          )}
        </nav>
      )}
    </>
  );
}
