import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { currentStaffActor } from "@/lib/auth/staff-actor";
import { hasPermission } from "@/lib/domain/policy";
import { StaffNav } from "@/components/staff/StaffNav";

/** Every staff page: the staff header when someone is signed in (the sign-in pages have none). */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await currentStaffActor();
  const tDashboard = await getTranslations("dashboard");
  return (
    <>
      {actor && <StaffNav actor={actor} />}
      {actor && hasPermission(actor, "dashboard.view") && (
        <p className="ds-paragraph -mt-3 mb-6" data-size="sm">
          <a className="ds-link" href="/staff/dashboard">
            {tDashboard("nav")}
          </a>
        </p>
      )}
      {children}
    </>
  );
}
