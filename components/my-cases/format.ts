// Formatting helpers for the case pages (server-side; Oslo time, the page's language).
import type { Locale } from "@/i18n/locales";

const INTL_LOCALE: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: "Europe/Oslo",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

export function formatSize(bytes: number, locale: Locale): string {
  const nf = (max: number) => new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: max });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${nf(0).format(bytes / 1024)} kB`;
  return `${nf(1).format(bytes / (1024 * 1024))} MB`;
}
