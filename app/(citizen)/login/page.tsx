// /login: the two ways for a citizen to sign in, in plain language. Works without JavaScript
// (plain forms posting to server actions); the proof-of-work widget needs JavaScript.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProofOfWork } from "@/components/abuse/ProofOfWork";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import { currentCitizen } from "@/lib/citizen-auth/session";
import { PENDING_EMAIL_COOKIE } from "@/lib/citizen-auth/pending-email";
import { safeReturnTo } from "@/lib/citizen-auth/return-to";
import { requestEmailCodeAction, startIdPortenLoginAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("identity.login");
  return { title: t("title") };
}

type Search = { returnTo?: string; error?: string };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [{ returnTo: rawReturnTo, error }, t] = await Promise.all([searchParams, getTranslations("identity.login")]);
  const returnTo = safeReturnTo(rawReturnTo);
  if (!error && (await currentCitizen())) redirect(returnTo);
  const pendingEmail = (await cookies()).get(PENDING_EMAIL_COOKIE)?.value ?? "";

  const emailError = error === "email" ? t("errorEmail") : error === "proofOfWork" ? t("errorProofOfWork") : undefined;
  // Anything else comes from next-auth (?error=AccessDenied, OAuthCallbackError, …): ID-porten failed.
  const signInError = error && !emailError ? t("errorSignIn") : undefined;

  return (
    <div className="max-w-2xl flex flex-col gap-8">
      <div>
        <h1 className="ds-heading" data-size="lg">
          {t("heading")}
        </h1>
        <p className="ds-paragraph mt-2">{t("intro")}</p>
      </div>

      {emailError && <ErrorSummary heading={t("errorSummaryHeading")} errors={[{ fieldId: "email", message: emailError }]} />}
      {signInError && (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{signInError}</p>
        </div>
      )}

      <section aria-labelledby="login-idporten-heading" className="flex flex-col gap-3">
        <h2 id="login-idporten-heading" className="ds-heading" data-size="md">
          {t("idportenHeading")}
        </h2>
        <p className="ds-paragraph">{t("idportenBody")}</p>
        <form action={startIdPortenLoginAction}>
          <input type="hidden" name="returnTo" value={returnTo} />
          <button type="submit" className="ds-button" data-variant="primary">
            {t("idportenButton")}
          </button>
        </form>
      </section>

      <section aria-labelledby="login-email-heading" className="flex flex-col gap-3">
        <h2 id="login-email-heading" className="ds-heading" data-size="md">
          {t("emailHeading")}
        </h2>
        <p className="ds-paragraph">{t("emailBody")}</p>
        <form action={requestEmailCodeAction} className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="returnTo" value={returnTo} />
          <FormField id="email" label={t("emailLabel")} help={t("emailHelp")} error={emailError}>
            <input
              name="email"
              type="email"
              autoComplete="email"
              spellCheck={false}
              defaultValue={pendingEmail}
              className="ds-input"
            />
          </FormField>
          <ProofOfWork />
          <div>
            <button type="submit" className="ds-button" data-variant="secondary">
              {t("emailButton")}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
