import { getTranslations } from "next-intl/server";
import { STAFF_SIGNIN_PATH, withStaffReturnTo } from "@/lib/auth/return-to";

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ returnTo?: string | string[] }> }) {
  const [{ returnTo }, t, tq] = await Promise.all([searchParams, getTranslations("staff"), getTranslations("staffQueue.signin")]);
  return (
    <div className="max-w-prose">
      <h1 className="ds-heading" data-size="lg">
        {t("checkEmailHeading")}
      </h1>
      <p className="ds-paragraph mt-2">{t("checkEmailBody")}</p>
      <p className="ds-paragraph mt-4">
        {/* Back to the sign-in form with the same return path (validated again there). */}
        <a className="ds-link" href={withStaffReturnTo(STAFF_SIGNIN_PATH, returnTo)} data-testid="signin-retry">
          {tq("checkEmailRetry")}
        </a>
      </p>
    </div>
  );
}
