import { getTranslations } from "next-intl/server";
import { staffOidcConfig } from "@/auth";
import { staffOidcSignInAction, staffSignInAction } from "@/app/staff/actions";
import { STAFF_HOME, staffReturnTo } from "@/lib/auth/return-to";

type SearchParams = { error?: string | string[]; returnTo?: string | string[] };

export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [search, t, tq, tv] = await Promise.all([
    searchParams,
    getTranslations("staff"),
    getTranslations("staffQueue.signin"),
    getTranslations("validation"),
  ]);
  const error = typeof search.error === "string" ? search.error : undefined;
  // The page asked for before signing in (requireStaffActor sends it along): both forms carry it on.
  const returnTo = staffReturnTo(search.returnTo);
  // next-auth's error codes: AccessDenied = the signIn callback refused (no active staff user).
  const message =
    error === "email" ? tv("email.invalid") : error === "AccessDenied" ? tq("accessDenied") : error ? t("signinError") : undefined;
  const oidc = staffOidcConfig();
  return (
    <div className="max-w-md">
      <h1 className="ds-heading" data-size="lg">
        {t("signinHeading")}
      </h1>
      {returnTo !== STAFF_HOME && (
        <p className="ds-paragraph mt-2" data-testid="signin-return-note">
          {tq("returnNote")}
        </p>
      )}
      {message && (
        <div className="ds-alert mt-4" data-color="danger" role="alert">
          <a className="ds-link" href="#staff-email">
            {message}
          </a>
        </div>
      )}
      {oidc && (
        <section aria-labelledby="signin-oidc-heading" className="mt-6">
          <h2 id="signin-oidc-heading" className="ds-heading" data-size="sm">
            {tq("oidcHeading")}
          </h2>
          <p className="ds-paragraph mt-2">{tq("oidcIntro")}</p>
          <form action={staffOidcSignInAction} className="mt-4">
            <input type="hidden" name="returnTo" value={returnTo} />
            <button type="submit" className="ds-button" data-variant="primary">
              {oidc.name ? tq("oidcButtonNamed", { name: oidc.name }) : tq("oidcButton")}
            </button>
          </form>
        </section>
      )}
      <section aria-labelledby="signin-email-heading" className="mt-6">
        {oidc && (
          <h2 id="signin-email-heading" className="ds-heading" data-size="sm">
            {tq("emailHeading")}
          </h2>
        )}
        <p className="ds-paragraph mt-2" id={oidc ? undefined : "signin-email-heading"}>
          {t("signinIntro")}
        </p>
        <form action={staffSignInAction} className="mt-4 flex flex-col gap-4">
          <input type="hidden" name="returnTo" value={returnTo} />
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
            <button type="submit" className="ds-button" data-variant={oidc ? "secondary" : "primary"}>
              {t("signinButton")}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
