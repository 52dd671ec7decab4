// /login/code: enter the 6-digit code sent by e-mail. The address comes from the short-lived cookie
// set when the code was asked for.
import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { FormField } from "@/components/ui/FormField";
import { PENDING_EMAIL_COOKIE } from "@/lib/citizen-auth/pending-email";
import { safeReturnTo } from "@/lib/citizen-auth/return-to";
import { verifyEmailCodeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("identity.code");
  return { title: t("title") };
}

type Search = { returnTo?: string; error?: string; left?: string };

/** Errors after which this code is dead: the citizen must ask for a new one. */
const DEAD_CODE = new Set(["expired", "too_many_attempts", "no_code"]);

export default async function EmailCodePage({ searchParams }: { searchParams: Promise<Search> }) {
  const [{ returnTo: rawReturnTo, error, left }, t] = await Promise.all([searchParams, getTranslations("identity.code")]);
  const returnTo = safeReturnTo(rawReturnTo);
  const email = (await cookies()).get(PENDING_EMAIL_COOKIE)?.value;
  const loginHref = `/login?returnTo=${encodeURIComponent(returnTo)}`;

  if (!email) {
    return (
      <div className="max-w-2xl flex flex-col gap-4">
        <h1 className="ds-heading" data-size="lg">
          {t("noPendingHeading")}
        </h1>
        <p className="ds-paragraph">{t("noPendingBody")}</p>
        <p className="ds-paragraph">
          <Link className="ds-link" href={loginHref}>
            {t("newCode")}
          </Link>
        </p>
      </div>
    );
  }

  const attemptsLeft = Math.max(0, Math.min(5, Number.parseInt(left ?? "", 10) || 0));
  const message =
    error === "wrong_code"
      ? t("errorWrong", { attemptsLeft })
      : error === "invalid_format"
        ? t("errorFormat")
        : error === "expired"
          ? t("errorExpired")
          : error === "too_many_attempts"
            ? t("errorTooMany")
            : error === "no_code"
              ? t("errorNoCode")
              : undefined;
  const dead = error !== undefined && DEAD_CODE.has(error);

  return (
    <div className="max-w-2xl flex flex-col gap-6">
      <div>
        <h1 className="ds-heading" data-size="lg">
          {t("heading")}
        </h1>
        <p className="ds-paragraph mt-2">{t("intro", { email })}</p>
      </div>

      {message && !dead && <ErrorSummary heading={t("errorSummaryHeading")} errors={[{ fieldId: "code", message }]} />}
      {message && dead && (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{message}</p>
          <p className="ds-paragraph mt-2">
            <Link className="ds-link" href={loginHref}>
              {t("newCode")}
            </Link>
          </p>
        </div>
      )}

      {!dead && (
        <form action={verifyEmailCodeAction} className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="returnTo" value={returnTo} />
          <FormField id="code" label={t("codeLabel")} help={t("codeHelp")} error={message}>
            <input
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              spellCheck={false}
              className="ds-input max-w-[10rem]"
            />
          </FormField>
          <div>
            <button type="submit" className="ds-button" data-variant="primary">
              {t("button")}
            </button>
          </div>
        </form>
      )}

      <ul className="ds-list flex flex-col gap-1">
        {!dead && (
          <li>
            <Link className="ds-link" href={loginHref}>
              {t("newCode")}
            </Link>
          </li>
        )}
        <li>
          <Link className="ds-link" href={loginHref}>
            {t("wrongAddress")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
