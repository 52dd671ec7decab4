import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getRequestReceipt } from "@/lib/requests/receipt";
import { municipalityContact } from "@/lib/admin/profile-contact";
import { formatDateLong, osloDateOf } from "@/lib/domain/calendar";
import { isLocale } from "@/i18n/locales";

export const dynamic = "force-dynamic";

export default async function ReceiptPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const receipt = await getRequestReceipt(token);
  if (!receipt) notFound();
  const [t, localeRaw] = await Promise.all([getTranslations(), getLocale()]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const municipality = await municipalityContact();
  const dpo = [municipality.dpo.name, municipality.dpo.email, municipality.dpo.phone].filter(Boolean).join(", ");
  const paper = receipt.answerChannel === "paper";
  return (
    <>
      <div className="ds-alert" data-color="success">
        <h1 className="ds-heading" data-size="md">
          {t("receipt.heading")}
        </h1>
      </div>
      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("receipt.referenceLabel")}</dt>
        <dd data-testid="case-reference" className="text-xl font-bold">
          {receipt.reference}
        </dd>
        <dt className="font-semibold">{t("receipt.rightsLabel")}</dt>
        <dd data-testid="receipt-rights">{receipt.rights.map((r) => t(`rights.${r}.title`)).join(", ")}</dd>
        <dt className="font-semibold">{t("receipt.receivedLabel")}</dt>
        <dd>{formatDateLong(osloDateOf(receipt.receivedAt), locale)}</dd>
        <dt className="font-semibold">{t("receipt.statusLabel")}</dt>
        <dd>{t(`caseStatus.${receipt.status}`)}</dd>
        <dt className="font-semibold">{t("requestFlow.receipt.answerLabel")}</dt>
        <dd data-testid="receipt-answer-channel">{t(`requestFlow.fields.answerChannel.${receipt.answerChannel}`)}</dd>
        {receipt.onBehalfOf !== "self" && (
          <>
            <dt className="font-semibold">{t("requestFlow.receipt.behalfLabel")}</dt>
            {/* The kind only, never the other person's name: the page is reached by a token. */}
            <dd data-testid="receipt-behalf">{t(`requestFlow.receipt.behalf.${receipt.onBehalfOf}`)}</dd>
          </>
        )}
      </dl>
      <p className="ds-paragraph mt-4 text-lg font-semibold" data-testid="due-line">
        {t("receipt.dueLine", { date: formatDateLong(receipt.dueDate, locale) })}
      </p>
      <p className="ds-paragraph mt-2">{t("receipt.keepReference")}</p>
      <div className="mt-4 flex flex-col items-start gap-2">
        <a className="ds-button" data-variant="secondary" href={`/receipt/${token}/pdf`} download data-testid="receipt-pdf-link">
          {t("requestFlow.receipt.downloadPdf")}
        </a>
        <p className="ds-paragraph" data-size="sm">
          {t("requestFlow.receipt.downloadPdfHelp")}
        </p>
      </div>
      {paper && (
        <div className="ds-alert mt-4" data-color="info" data-testid="letter-note">
          <p className="ds-paragraph">{t(receipt.letterQueued ? "requestFlow.receipt.letterComing" : "requestFlow.receipt.paperAnswer")}</p>
        </div>
      )}

      <h2 className="ds-heading mt-8" data-size="sm">
        {t("receipt.nextHeading")}
      </h2>
      <ol className="ds-list mt-2 max-w-prose list-decimal">
        <li>{t(paper ? "requestFlow.receipt.next1Paper" : "requestFlow.receipt.next1Digital")}</li>
        {receipt.onBehalfOf === "guardian" && (
          <li data-testid="receipt-guardian-next">
            {t(paper ? "requestFlow.receipt.guardianNextPaper" : "requestFlow.receipt.guardianNextDigital", { address: municipality.postalAddress })}
          </li>
        )}
        <li>{t("receipt.next2")}</li>
        <li>{t("receipt.next3")}</li>
        <li>{t("requestFlow.receipt.next4")}</li>
      </ol>

      <h2 className="ds-heading mt-8" data-size="sm">
        {t("receipt.complaintHeading")}
      </h2>
      <p className="ds-paragraph mt-2 max-w-prose">
        {t("requestFlow.receipt.complaintDpo", { contact: dpo || municipality.postalAddress })}
      </p>
      <p className="ds-paragraph mt-2 max-w-prose" data-testid="complaint-datatilsynet">
        {t("requestFlow.receipt.complaintDatatilsynet")}
      </p>
    </>
  );
}
