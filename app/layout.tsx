import Link from "next/link";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/LanguageSwitcher";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { CitizenNav } from "@/components/layout/CitizenNav";
import { currentMunicipality, isDemoMailboxEnabled, isDemoMode } from "@/lib/config/current";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  const municipality = currentMunicipality().name;
  return { title: t("title", { municipality }), description: t("description", { municipality }) };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("layout")]);
  const municipality = currentMunicipality();
  return (
    <html lang={locale} data-color-scheme="light">
      <body className="min-h-screen flex flex-col">
        <a href="#main" className="ds-skip-link">
          {t("skipToContent")}
        </a>
        {isDemoMode() && (
          <div className="ds-alert" data-color="warning" role="note">
            <div className="pv-container">
              <p>
                <strong>{t("demoBanner")}</strong>{" "}
                {isDemoMailboxEnabled() && (
                  <a className="ds-link" href="/demo/mailbox">
                    {t("demoMailboxLink")}
                  </a>
                )}
              </p>
            </div>
          </div>
        )}
        <header className="border-b border-gray-300">
          <div className="pv-container flex flex-wrap items-center justify-between gap-4 py-3">
            <Link href="/" className="ds-link text-lg font-semibold">
              {t("portalName")} <span className="font-normal">– {municipality.name}</span>
            </Link>
            <div className="flex flex-wrap items-center gap-4">
              <CitizenNav />
              <LanguageSwitcher />
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="pv-container flex-1 w-full py-6">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
