// A bare page of the same build: the yardstick for scripts/measure-bundles.ts (what the framework and
// the shared layout cost before any page adds its own JavaScript). Not for people; not indexed.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("abuse.bare");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function BarePage() {
  const t = await getTranslations("abuse.bare");
  return (
    <main id="main" className="pv-container py-6">
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-3">{t("body")}</p>
    </main>
  );
}
