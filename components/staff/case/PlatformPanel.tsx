// "Arkiv og utsending" on the staff case page: the case folder's number in the archive, each
// journal entry ("Journalført som 2026/1234-2"), each SvarUt letter ("Levert i digital postkasse",
// "Sendt til utskrift"), what is still waiting ("Venter på arkivet (3 forsøk)"), what the archive
// refused (with its words and a retry button), and KRR's channel decision. Without the archive
// integration: the archive reference recorded by hand, which retention waits for. Server component;
// the forms work without JavaScript.
import { getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/staff-actor";
import { ARCHIVE_REFERENCE_MAX, getCasePlatform, type CaseIntegrationItem } from "@/lib/cases/case-platform";
import { recordArchiveReferenceAction, retryIntegrationAction } from "@/app/staff/cases/[reference]/platform-actions";
import { formatDateTime } from "@/components/my-cases/format";
import type { Locale } from "@/i18n/locales";
import { isOneOf } from "@/i18n/translator";
import { CaseActionForm } from "./CaseActionForm";

const SVARUT_STATUSES = ["received", "accepted", "delivered_digitally", "read", "sent_to_print", "printed", "manually_handled", "not_delivered", "unknown"] as const;
const KRR_REASONS = ["citizen_chose_paper", "reserved", "inactive", "not_registered", "digital_mailbox", "no_digital_mailbox", "no_lookup"] as const;
const LETTER_KINDS = ["receipt", "response", "message"] as const;
const LANGUAGES = ["nb", "nn", "en", "se"] as const;

export async function PlatformPanel(props: { actor: StaffActor; reference: string; locale: Locale; search: Record<string, string | undefined> }) {
  const view = await getCasePlatform(props.actor, props.reference);
  if (!view) return null;
  const t = await getTranslations("platform.panel");
  const done = props.search.platform === "saved" || props.search.platform === "retried" ? props.search.platform : null;

  const what = (item: CaseIntegrationItem): string => {
    const letter = isOneOf(LETTER_KINDS, item.letterKind) ? t(`letterKinds.${item.letterKind}`) : t("letterKinds.message");
    switch (item.kind) {
      case "archive_case_folder":
        return t("kinds.archive_case_folder");
      case "archive_letter":
        return t("kinds.archive_letter", { letter });
      case "archive_close":
        return t("kinds.archive_close");
      case "svarut_letter":
        return t("kinds.svarut_letter", { letter });
      case "krr_lookup":
        return t("kinds.krr_lookup");
    }
  };
  const state = (item: CaseIntegrationItem): string => {
    if (item.status === "refused") return t("status.refused");
    if (item.status === "failed") return t("status.failed", { attempts: item.attempts });
    if (item.status === "awaiting_reply") return t("status.waitingArchive", { attempts: item.attempts });
    if (item.status !== "delivered") return item.kind.startsWith("archive") ? t("status.waitingArchive", { attempts: item.attempts }) : t("status.pending", { attempts: item.attempts });
    if (item.kind === "svarut_letter") return t(`svarut.${isOneOf(SVARUT_STATUSES, item.deliveryStatus) ? item.deliveryStatus : "received"}`);
    if (item.kind === "krr_lookup") return t("status.checked");
    if (item.kind === "archive_close") return t("status.closed");
    return item.externalId ? t("status.journaled", { reference: item.externalId }) : t("status.delivered");
  };

  const hidden = { reference: view.reference, version: String(view.version) };
  return (
    <section id="platform" aria-labelledby="platform-heading" tabIndex={-1} data-testid="platform-panel">
      <h2 id="platform-heading" className="ds-heading" data-size="xs">
        {t("heading")}
      </h2>
      {done && (
        <div className="ds-alert mt-2" data-color="success" role="status">
          <p className="ds-paragraph">{t(`done.${done}`)}</p>
        </div>
      )}
      {view.features.archive ? (
        <p className="ds-paragraph mt-2" data-testid="archive-case-number">
          {view.archiveCaseNumber ? t("caseFolder", { number: view.archiveCaseNumber }) : t("caseFolderWaiting")}
          {view.archiveClosedAt ? ` ${t("folderClosed")}` : ""}
        </p>
      ) : (
        <p className="ds-paragraph mt-2" data-testid="archive-manual">
          {view.archiveReferenceManual ? t("manualCurrent", { reference: view.archiveReferenceManual }) : t("archiveOff")}
        </p>
      )}
      {view.krr.reason && isOneOf(KRR_REASONS, view.krr.reason) && (
        <p className="ds-paragraph mt-2 text-sm" data-testid="krr-decision">
          {t(`krr.${view.krr.reason}`)}
          {view.krr.language && isOneOf(LANGUAGES, view.krr.language) ? ` ${t("krrLanguage", { language: t(`languages.${view.krr.language}`) })}` : ""}
        </p>
      )}
      {view.items.length > 0 && (
        <ul className="mt-3 flex flex-col gap-2" aria-label={t("listLabel")}>
          {view.items.map((item) => (
            <li key={item.id} className="ds-card p-3" data-testid="integration-item" data-kind={item.kind} data-status={item.status}>
              <p className="ds-paragraph font-semibold">{what(item)}</p>
              <p className="ds-paragraph text-sm" data-testid="integration-state">
                {state(item)}
                {item.deliveredAt ? ` · ${formatDateTime(item.deliveredAt, props.locale)}` : ""}
              </p>
              {item.status === "refused" && item.refusal && (
                <p className="ds-paragraph mt-1 text-sm break-words" data-testid="integration-refusal">
                  {t("refusal", { text: item.refusal })}
                </p>
              )}
              {(item.status === "refused" || item.status === "failed") && view.canWork && (
                <form action={retryIntegrationAction} className="mt-2">
                  <input type="hidden" name="reference" value={view.reference} />
                  <input type="hidden" name="integrationId" value={item.id} />
                  <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                    {t("retry")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {!view.features.archive && view.canWork && (
        <div className="mt-4">
          <CaseActionForm
            formId="archive-reference"
            disclosure={view.archiveReferenceManual ? t("manualChange") : t("manualHeading")}
            action={recordArchiveReferenceAction}
            hidden={hidden}
            reloadHref={`/staff/cases/${view.reference}#platform`}
            intro={<p className="ds-paragraph">{t("manualIntro")}</p>}
            fields={[{ kind: "text", name: "archiveReference", label: t("manualLabel"), help: t("manualHelp"), maxLength: ARCHIVE_REFERENCE_MAX, defaultValue: view.archiveReferenceManual ?? "", required: true }]}
            texts={{ submit: t("manualSubmit"), summaryHeading: t("summaryHeading"), reload: t("reload") }}
          />
        </div>
      )}
    </section>
  );
}
