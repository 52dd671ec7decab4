import { getTranslations } from "next-intl/server";

/** Days left with words and an icon-like prefix, so colour is never the only signal (WCAG 1.4.1). */
export async function DaysLeft({ days }: { days: number }) {
  const t = await getTranslations("staff");
  if (days < 0) {
    return <span className="pv-days-overdue">⚠ {t("daysOverdue", { days: -days })}</span>;
  }
  if (days <= 7) return <span className="pv-days-soon">● {t("daysLeft", { days })}</span>;
  return <span>{t("daysLeft", { days })}</span>;
}
