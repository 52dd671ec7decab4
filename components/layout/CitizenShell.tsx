// The citizen side's frame: demo notice, header (portal name, sign-in / Mine saker, language),
// one readable column for the content, and the municipality's contact footer.
import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { currentMunicipality } from "@/lib/config/current";
import { CitizenNav } from "./CitizenNav";
import { DemoBanner } from "./DemoBanner";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { SiteFooter } from "./SiteFooter";

export async function CitizenShell({ children }: { children: ReactNode }) {
  const t = await getTranslations("layout");
  const municipality = currentMunicipality();
  return (
    <>
      <DemoBanner />
      <header className="border-b border-gray-300">
        <div className="pv-container flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3">
          <Link href="/" className="ds-link text-lg font-semibold">
            {t("portalName")} <span className="font-normal">– {municipality.name}</span>
          </Link>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <CitizenNav />
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="pv-container w-full flex-1 py-6">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
