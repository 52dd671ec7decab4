import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getReceipt } from "@/lib/cases/get-receipt";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { isLocale } from "@/i18n/locales";

export default async function ReceiptPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const receipt = await getReceipt(token);
  if (!receipt) notFound();
  const [t, localeRaw] = await Promise.all([getTranslations(), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  return (
    <>
      <div className="ds-alert" data-color="success">
        <h1 className="ds-heading" data-size="md">
          {t("receipt.heading")}
        </h1>
      </div>
      <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("receipt.referenceLabel")}</dt>
        <dd data-testid="case-reference" className="text-xl font-bold">
          {receipt.reference}
        </dd>
        <dt className="font-semibold">{t("receipt.rightsLabel")}</dt>
        <dd>{receipt.rights.map((r) => t(`rights.${r}.title`)).join(", ")}</dd>
        <dt className="font-semibold">{t("receipt.receivedLabel")}</dt>
        <dd>{formatDateLong(osloDateOf(receipt.receivedAt), locale)}</dd>
        <dt className="font-semibold">{t("receipt.statusLabel")}</dt>
        <dd>{t(`caseStatus.${receipt.status}`)}</dd>
      </dl>
      <p className="ds-paragraph mt-4 text-lg font-semibold" data-testid="due-line">
        {t("receipt.dueLine", { date: formatDateLong(receipt.dueDate, locale) })}
      </p>
      <p className="ds-paragraph mt-2">{t("receipt.keepReference")}</p>

      <h2 className="ds-heading mt-8" data-size="sm">
        {t("receipt.nextHeading")}
      </h2>
      <ol className="ds-list mt-2 max-w-prose">
        <li>{t("receipt.next1")}</li>
        <li>{t("receipt.next2")}</li>
        <li>{t("receipt.next3")}</li>
      </ol>

      <h2 className="ds-heading mt-8" data-size="sm">
        {t("receipt.complaintHeading")}
      </h2>
      <p className="ds-paragraph mt-2 max-w-prose">{t("receipt.complaint")}</p>
    </>
  );
}
