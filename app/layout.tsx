import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { currentMunicipality } from "@/lib/config/current";
// Inter (Designsystemet's typeface), self-hosted from the package: nothing is fetched at run time.
import "@fontsource-variable/inter";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  const municipality = currentMunicipality().name;
  return { title: t("title", { municipality }), description: t("description", { municipality }) };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * The document only: language, skip link, body. The frame around the content differs per side:
 * `(citizen)/layout.tsx` (one readable column) and `staff/layout.tsx` (a full-width workspace).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("layout")]);
  return (
    <html lang={locale} data-color-scheme="light">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="ds-skip-link">
          {t("skipToContent")}
        </a>
        {children}
      </body>
    </html>
  );
}
