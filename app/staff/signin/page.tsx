import { getTranslations } from "next-intl/server";
import { staffSignInAction } from "@/app/staff/actions";

export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const [{ error }, t] = await Promise.all([searchParams, getTranslations("staff")]);
  const tv = await getTranslations("validation");
  const message = error === "email" ? tv("email.invalid") : error ? t("signinError") : undefined;
  return (
    <div className="max-w-md">
      <h1 className="ds-heading" data-size="lg">
        {t("signinHeading")}
      </h1>
      <p className="ds-paragraph mt-2">{t("signinIntro")}</p>
      {message && (
        <div className="ds-alert mt-4" data-color="danger" role="alert">
          <a className="ds-link" href="#staff-email">
            {message}
          </a>
        </div>
      )}
      <form action={staffSignInAction} className="mt-6 flex flex-col gap-4">
        <div className="ds-field flex flex-col gap-1">
          <label className="ds-label" htmlFor="staff-email">
            {t("emailLabel")}
          </label>
          <input
            id="staff-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            className="ds-input"
            aria-invalid={message ? true : undefined}
          />
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {t("signinButton")}
          </button>
        </div>
      </form>
    </div>
  );
}
