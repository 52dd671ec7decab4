// The staff workspace's header: portal and municipality, the sections the person's roles allow,
// who is signed in, language and sign out. A server component; signing out is a plain form, so it
// works without JavaScript. Without a signed-in person (the sign-in pages) only name and language.
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { staffSignOutAction } from "@/app/staff/actions";
import { currentMunicipality } from "@/lib/config/current";
import { hasPermission } from "@/lib/domain/policy";
import type { StaffActor } from "@/lib/auth/staff-actor";
import { LanguageSwitcher } from "@/components/layout/LanguageSwitcher";

export async function StaffNav({ actor }: { actor: StaffActor | null }) {
  const [t, tLayout, tComplaints, tDashboard, tLog, h] = await Promise.all([
    getTranslations("staffQueue.nav"),
    getTranslations("layout"),
    getTranslations("complaints"),
    getTranslations("dashboard"),
    getTranslations("adminLog"),
    headers(),
  ]);
  const here = (h.get("x-pathname") ?? "").split("?")[0] ?? "";
  const links: { href: string; label: string; show: boolean; current: boolean }[] = actor
    ? [
        { href: "/staff", label: t("cases"), show: hasPermission(actor, "case.list"), current: here === "/staff" || here.startsWith("/staff/cases") },
        { href: "/staff/register", label: t("register"), show: hasPermission(actor, "case.register"), current: here.startsWith("/staff/register") },
        { href: "/staff/print-queue", label: t("printQueue"), show: hasPermission(actor, "case.list"), current: here.startsWith("/staff/print-queue") },
        { href: "/staff/dashboard", label: tDashboard("nav"), show: hasPermission(actor, "dashboard.view"), current: here.startsWith("/staff/dashboard") },
        { href: "/staff/complaints", label: tComplaints("nav"), show: hasPermission(actor, "complaint.handle"), current: here.startsWith("/staff/complaints") },
        { href: "/staff/admin/users", label: t("admin"), show: hasPermission(actor, "admin.manage_users"), current: here.startsWith("/staff/admin") },
        // The DPO is no admin but reads the administration's change log.
        {
          href: "/staff/admin/log",
          label: tLog("nav"),
          show: !hasPermission(actor, "admin.manage_users") && hasPermission(actor, "admin.view_audit"),
          current: here.startsWith("/staff/admin/log"),
        },
      ]
    : [];
  return (
    <header className="pv-staff-header border-b border-gray-300" data-testid="staff-header">
      <div className="pv-app-container flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-2">
        <a href={actor ? "/staff" : "/staff/signin"} className="ds-link font-semibold">
          {tLayout("portalName")} <span className="font-normal">– {currentMunicipality().name}</span>
          <span className="ds-sr-only"> – </span> <span className="pv-staff-badge">{t("label")}</span>
        </a>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          {actor && (
            <>
              <p className="ds-paragraph" data-size="sm" data-testid="signed-in-as">
                {t("signedInAs", { name: actor.name })}
              </p>
              <form action={staffSignOutAction}>
                <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                  {t("signOut")}
                </button>
              </form>
            </>
          )}
          <LanguageSwitcher />
        </div>
      </div>
      {links.some((l) => l.show) && (
        <nav aria-label={t("label")} className="pv-staff-nav">
          <ul className="pv-app-container flex flex-wrap gap-x-1">
            {links
              .filter((l) => l.show)
              .map((l) => (
                <li key={l.href}>
                  <a className="pv-staff-nav-link" href={l.href} aria-current={l.current ? "page" : undefined}>
                    {l.label}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
