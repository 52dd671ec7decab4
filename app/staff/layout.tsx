import type { ReactNode } from "react";
import { currentStaffActor } from "@/lib/auth/staff-actor";
import { DemoBanner } from "@/components/layout/DemoBanner";
import { StaffNav } from "@/components/staff/StaffNav";
import { SiteLinks } from "@/components/layout/SiteLinks";

/**
 * Every staff page: a full-width workspace (the queue and the case page need the width), with the
 * staff header (no citizen sign-in link); the sign-in pages show the header without navigation.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await currentStaffActor();
  return (
    <>
      <DemoBanner wide />
      <StaffNav actor={actor} />
      <main id="main" tabIndex={-1} className="pv-app-container w-full flex-1 py-6">
        {children}
      </main>
      <footer className="border-t border-gray-300 mt-8">
        <div className="pv-app-container py-4 text-sm">
          <SiteLinks />
        </div>
      </footer>
    </>
  );
}
