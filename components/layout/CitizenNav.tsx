// The citizen's links in the header: "Mine saker" and "Logg ut" when signed in, otherwise "Logg inn".
// A server component with a plain form for signing out: no client JavaScript.
import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { citizenSignOutAction } from "@/app/(citizen)/login/actions";
import { currentCitizen } from "@/lib/citizen-auth/session";
import { safeReturnTo } from "@/lib/citizen-auth/return-to";

export async function CitizenNav() {
  const [citizen, t, h] = await Promise.all([currentCitizen(), getTranslations("identity.nav"), headers()]);
  if (citizen) {
    return (
      <nav aria-label={t("label")} className="flex flex-wrap items-center gap-4">
        <Link className="ds-link" href="/my-cases">
          {t("myCases")}
        </Link>
        <form action={citizenSignOutAction}>
          <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm">
            {t("signOut")}
          </button>
        </form>
      </nav>
    );
  }
  const here = h.get("x-pathname") ?? "/";
  // Back to the page you were on, except the sign-in pages themselves and staff pages.
  const returnTo = here === "/" || /^\/(login|staff|demo)(\/|\?|$)/.test(here) ? "/my-cases" : safeReturnTo(here);
  return (
    <nav aria-label={t("label")}>
      <Link className="ds-link" href={`/login?returnTo=${encodeURIComponent(returnTo)}`}>
        {t("signIn")}
      </Link>
    </nav>
  );
}
