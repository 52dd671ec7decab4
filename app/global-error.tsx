"use client";

// An error in the root layout itself: Next then replaces the whole document with this one, so it
// has its own <html> and <body>. Same text as every error page (components/layout/ErrorMessage.tsx).
import "./globals.css";
import { ERROR_TEXTS, ErrorMessage, useErrorLocale, type ErrorBoundaryProps } from "@/components/layout/ErrorMessage";

export default function GlobalError({ reset, retry }: ErrorBoundaryProps) {
  const locale = useErrorLocale();
  return (
    <html lang={locale} data-color-scheme="light">
      <head>
        <title>{`${ERROR_TEXTS[locale].heading} – ${ERROR_TEXTS[locale].portalName}`}</title>
      </head>
      <body className="flex min-h-screen flex-col">
        <main id="main" tabIndex={-1} className="pv-container w-full flex-1 py-6">
          <ErrorMessage reset={reset} retry={retry} />
        </main>
      </body>
    </html>
  );
}
