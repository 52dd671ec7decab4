import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { hasPermission } from "@/lib/domain/policy";

/** Admin pages exist only for admins: everyone else gets the ordinary 404. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "admin.manage_users") || !hasPermission(actor, "admin.manage_units")) notFound();
  const [t, tRetention, tTemplates, h] = await Promise.all([
    getTranslations("staffQueue.admin.nav"),
    getTranslations("retention.admin"),
    getTranslations("letterTemplates"),
    headers(),
  ]);
  const here = (h.get("x-pathname") ?? "").split("?")[0] ?? "";
  const links = [
    { href: "/staff/admin/users", label: t("users") },
    { href: "/staff/admin/units", label: t("units") },
    { href: "/staff/admin/retention", label: tRetention("navLabel") },
    { href: "/staff/admin/templates", label: tTemplates("navLabel") },
  ];
  return (
    <>
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
      {children}
    </>
  );
}
