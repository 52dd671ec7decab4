import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { hasPermission } from "@/lib/domain/policy";

/**
 * Admin pages exist only for admins, and the change log and the records of processing also for the
 * DPO: everyone else gets the ordinary 404 (every page checks its own permission again, and so does its service).
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaffActor();
  const isAdmin = hasPermission(actor, "admin.manage_users") && hasPermission(actor, "admin.manage_units");
  const mayKeepRecords = hasPermission(actor, "admin.manage_records");
  if (!isAdmin && !mayKeepRecords && !hasPermission(actor, "admin.view_audit")) notFound();
  const [t, tRetention, tSite, tContact, tTemplates, tLog, h, tCaseRules, tRecords] = await Promise.all([
    getTranslations("staffQueue.admin.nav"),
    getTranslations("retention.admin"),
    getTranslations("sitePages.admin"),
    getTranslations("contactAdmin"),
    getTranslations("letterTemplates"),
    getTranslations("adminLog"),
    headers(),
    getTranslations("unanswered.admin"),
    getTranslations("records"),
  ]);
  const here = (h.get("x-pathname") ?? "").split("?")[0] ?? "";
  const links = [
    ...(isAdmin
      ? [
          { href: "/staff/admin/users", label: t("users") },
          { href: "/staff/admin/units", label: t("units") },
          { href: "/staff/admin/retention", label: tRetention("navLabel") },
          { href: "/staff/admin/case-rules", label: tCaseRules("navLabel") },
          { href: "/staff/admin/templates", label: tTemplates("navLabel") },
          { href: "/staff/admin/website", label: tSite("navLabel") },
          { href: "/staff/admin/contact", label: tContact("navLabel") },
        ]
      : []),
    ...(mayKeepRecords ? [{ href: "/staff/admin/records", label: tRecords("navLabel") }] : []),
    { href: "/staff/admin/log", label: tLog("nav") },
  ];
  return (
    <>
      {links.length > 1 && (
        <nav aria-label={t("label")} className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {links.map((l) => {
              const current = here.startsWith(l.href);
              return (
                <li key={l.href}>
                  <a className="ds-button" data-variant={current ? "primary" : "secondary"} data-size="sm" href={l.href} aria-current={current ? "page" : undefined}>
                    {l.label}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      {children}
    </>
  );
}
