// /login/step-up: a page needs a stronger sign-in (idporten-loa-high before special-category data,
// or ID-porten at all). One button: sign in with ID-porten asking for that level, then back.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { safeReturnTo } from "@/lib/citizen-auth/return-to";
import { currentCitizen } from "@/lib/citizen-auth/session";
import { startIdPortenLoginAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("identity.stepUp");
  return { title: t("title") };
}

export default async function StepUpPage({ searchParams }: { searchParams: Promise<{ returnTo?: string; level?: string }> }) {
  const [{ returnTo: rawReturnTo, level }, t, citizen] = await Promise.all([searchParams, getTranslations("identity.stepUp"), currentCitizen()]);
  const returnTo = safeReturnTo(rawReturnTo);
  const high = level !== "idporten_substantial";
  return (
    <div className="max-w-2xl flex flex-col gap-4">
      <h1 className="ds-heading" data-size="lg">
        {high ? t("headingHigh") : t("headingSubstantial")}
      </h1>
      <p className="ds-paragraph">{high ? t("bodyHigh") : t("bodySubstantial")}</p>
      {/* A case filed with an e-mail code belongs to that sign-in; ID-porten is another identity and
          never takes such a case over (lib/citizen-auth/link-requesters.ts). */}
      {citizen?.method === "email_code" && <p className="ds-paragraph">{t("emailCodeNote")}</p>}
      <form action={startIdPortenLoginAction}>
        <input type="hidden" name="returnTo" value={returnTo} />
        <input type="hidden" name="level" value={high ? "high" : "substantial"} />
        <button type="submit" className="ds-button" data-variant="primary">
          {t("button")}
        </button>
      </form>
      <p className="ds-paragraph">
        <Link className="ds-link" href="/my-cases">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
