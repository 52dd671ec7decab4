// Where a person lands after hitting a rate limit (callers redirect here with ?retryAfter=<seconds>):
// what happened in plain words, when to try again, and other ways to reach the municipality.
// The HTTP status is set to 429 by proxy.ts for this path where that is wired up (see the README).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageMunicipalityContact } from "@/components/layout/MunicipalityContact";
import { parseRetryAfter, retryAfterMinutes } from "@/lib/abuse/rate-limit-rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("abuse.tooManyRequests");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function TooManyRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { retryAfter } = await searchParams;
  const seconds = parseRetryAfter(retryAfter);
  const [t, layout] = await Promise.all([getTranslations("abuse.tooManyRequests"), getTranslations("layout")]);
  const m = await pageMunicipalityContact();
  const dpoContact = m.dpo.email ?? m.dpo.phone;
  return (
    <div className="max-w-prose">
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-3">{t("what")}</p>
      <p className="ds-paragraph mt-2">{t("notYourFault")}</p>

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("whenHeading")}
      </h2>
      <p className="ds-paragraph mt-2" data-testid="retry-after">
        {seconds ? t("whenMinutes", { minutes: retryAfterMinutes(seconds) }) : t("whenUnknown")}
      </p>

      <h2 className="ds-heading mt-6" data-size="sm">
        {t("otherWaysHeading", { municipality: m.name })}
      </h2>
      <p className="ds-paragraph mt-2">{t("otherWaysIntro")}</p>
      <ul className="ds-list mt-2">
        {m.phone && <li>{layout("footerPhone", { phone: m.phone })}</li>}
        {m.postmottakEmail && <li>{layout("footerEmail", { email: m.postmottakEmail })}</li>}
        {m.visitingAddress && <li>{layout("footerVisiting", { address: m.visitingAddress })}</li>}
        <li>{layout("footerPostal", { address: m.postalAddress })}</li>
        {dpoContact && <li>{t("dpoLine", { contact: dpoContact })}</li>}
      </ul>
      <p className="ds-paragraph mt-2">{layout("footerNoSensitiveEmail")}</p>

      <p className="mt-6">
        <Link className="ds-link" href="/">
          {t("toFrontPage")}
        </Link>
      </p>
    </div>
  );
}
