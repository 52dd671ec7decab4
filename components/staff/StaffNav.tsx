// The staff header: where to go, who is signed in, sign out. A server component; signing out is a
// plain form, so it works without JavaScript. Links only to what the person's roles allow.
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { staffSignOutAction } from "@/app/staff/actions";
import { hasPermission } from "@/lib/domain/policy";
import type { StaffActor } from "@/lib/auth/staff-actor";

export async function StaffNav({ actor }: { actor: StaffActor }) {
  const [t, tComplaints, tDashboard, h] = await Promise.all([
    getTranslations("staffQueue.nav"),
    getTranslations("complaints"),
    getTranslations("dashboard"),
    headers(),
  ]);
  const here = (h.get("x-pathname") ?? "").split("?")[0] ?? "";
  const links: { href: string; label: string; show: boolean; current: boolean }[] = [
    { href: "/staff", label: t("cases"), show: hasPermission(actor, "case.list"), current: here === "/staff" || here.startsWith("/staff/cases") },
    { href: "/staff/register", label: t("register"), show: hasPermission(actor, "case.register"), current: here.startsWith("/staff/register") },
    { href: "/staff/print-queue", label: t("printQueue"), show: hasPermission(actor, "case.list"), current: here.startsWith("/staff/print-queue") },
    { href: "/staff/dashboard", label: tDashboard("nav"), show: hasPermission(actor, "dashboard.view"), current: here.startsWith("/staff/dashboard") },
    { href: "/staff/complaints", label: tComplaints("nav"), show: hasPermission(actor, "complaint.handle"), current: here.startsWith("/staff/complaints") },
    { href: "/staff/admin/users", label: t("admin"), show: hasPermission(actor, "admin.manage_users"), current: here.startsWith("/staff/admin") },
  ];
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-4 border-b border-gray-300 pb-3">
      <nav aria-label={t("label")}>
        <ul className="flex flex-wrap gap-4">
          {links
            .filter((l) => l.show)
            .map((l) => (
              <li key={l.href}>
                <a className="ds-link" href={l.href} aria-current={l.current ? "page" : undefined}>
                  {l.label}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      <div className="flex flex-wrap items-center gap-4">
        <p className="ds-paragraph" data-size="sm">
          {t("signedInAs", { name: actor.name })}
        </p>
        <form action={staffSignOutAction}>
          <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
            {t("signOut")}
          </button>
        </form>
      </div>
    </div>
  );
}
