import { getTranslations } from "next-intl/server";

type StaffTranslator = Awaited<ReturnType<typeof getTranslations<"staff">>>;

/** The words for days left, with a symbol first when it is soon or late (colour is never the only signal, WCAG 1.4.1). */
export function daysLeftText(t: StaffTranslator, days: number): { urgency: "overdue" | "soon" | ""; text: string } {
  if (days < 0) return { urgency: "overdue", text: `⚠ ${t("daysOverdue", { days: -days })}` };
  if (days <= 7) return { urgency: "soon", text: `● ${t("daysLeft", { days })}` };
  return { urgency: "", text: t("daysLeft", { days }) };
}

/** Days left with words and an icon-like prefix, so colour is never the only signal (WCAG 1.4.1). */
export async function DaysLeft({ days }: { days: number }) {
  const { urgency, text } = daysLeftText(await getTranslations("staff"), days);
  return <span className={urgency ? `pv-days-${urgency}` : undefined}>{text}</span>;
}
