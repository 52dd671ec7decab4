"use client";

// The text of the error pages (app/error.tsx, app/(citizen)/error.tsx, app/staff/error.tsx,
// app/global-error.tsx): "the service is temporarily unavailable, try again shortly", in the
// user's language. The usual reason is the database being away (restarting, recovering), and the
// same words are true for any other unexpected error; the error's own text is never shown (it may
// contain data). An error boundary is a client component outside next-intl's provider, so it picks
// the language itself, the same way the server does: the page's <html lang> (which the server set
// from the pv_locale cookie or Accept-Language), else that cookie, else the browser's languages.
import { useSyncExternalStore } from "react";
import Link from "next/link";
// Its own small message area (messages/errorPage): the bundler does not tree-shake JSON, and the
// core file would add every core text (about 10 KB gzip) to every page's JavaScript.
import nb from "@/messages/errorPage/nb.json";
import nn from "@/messages/errorPage/nn.json";
import en from "@/messages/errorPage/en.json";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "@/i18n/locales";

export const ERROR_TEXTS = { nb: nb.errorPage, nn: nn.errorPage, en: en.errorPage } satisfies Record<Locale, unknown>;

export function browserLocale(): Locale {
  const lang = document.documentElement.lang;
  if (isLocale(lang)) return lang;
  const cookie = document.cookie
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(navigator.languages.join(",")) ?? DEFAULT_LOCALE;
}

const noSubscription = () => () => {};

/** The language to show an error in; bokmål until the browser has said otherwise. */
export function useErrorLocale(): Locale {
  return useSyncExternalStore(noSubscription, browserLocale, () => DEFAULT_LOCALE);
}

/** What Next passes an error boundary: `retry` (Next 16) renders the page on the server again. */
export type ErrorBoundaryProps = { error: Error & { digest?: string }; reset: () => void; retry?: () => void };

export function ErrorMessage({ reset, retry }: Pick<ErrorBoundaryProps, "reset" | "retry">) {
  const locale = useErrorLocale();
  const t = ERROR_TEXTS[locale];
  return (
    <div role="alert" lang={locale} data-testid="error-page">
      <h1 className="ds-heading" data-size="lg">
        {t.heading}
      </h1>
      <p className="ds-paragraph mt-2">{t.body}</p>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="button" className="ds-button" data-variant="primary" onClick={() => (retry ?? reset)()}>
          {t.tryAgain}
        </button>
        <Link className="ds-link" href="/">
          {t.toFrontPage}
        </Link>
      </div>
    </div>
  );
}
