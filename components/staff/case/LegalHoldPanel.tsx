// Legal hold and retention status on the staff case page: everyone who can see the case reads, in
// plain language, when its files are deleted and when it is anonymised (or that it is held back, or
// already anonymised); unit leads and the DPO (case.legal_hold) get a form to hold it back or lift
// the hold. Server component; the forms work without JavaScript (CaseActionForm + server actions).
import { getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/staff-actor";
import { getRetentionInfo, LEGAL_HOLD_REASON_MAX } from "@/lib/cases/set-legal-hold";
import { formatDateLong } from "@/lib/domain/calendar";
import { retentionStatus } from "@/lib/domain/retention";
import type { Locale } from "@/i18n/locales";
import { liftLegalHoldAction, setLegalHoldAction } from "@/app/staff/cases/[reference]/legal-hold-actions";
import { CaseActionForm } from "./CaseActionForm";
import { now as clockNow } from "@/lib/clock";

export async function LegalHoldPanel(props: {
  actor: StaffActor;
  reference: string;
  locale: Locale;
  search: Record<string, string | undefined>;
}) {
  const info = await getRetentionInfo(props.actor, props.reference);
  if (!info) return null;
  const t = await getTranslations("retention.panel");
  const { locale } = props;
  const status = retentionStatus(info, info.retentionYears, clockNow(), info.files);
  const done = props.search.hold === "set" || props.search.hold === "lifted" ? props.search.hold : null;
  const date = (d: string) => formatDateLong(d, locale);

  let text: string;
  switch (status.kind) {
    case "open":
      text = t("open");
      break;
    case "legal_hold":
      text = t("onHold", { reason: info.legalHoldReason ?? "" });
      break;
    case "anonymised":
      text = t("anonymised", { date: date(status.on) });
      break;
    case "scheduled": {
      const files = {
        none: t("noFiles"),
        pending: t("filesPending", { date: date(status.filesOn) }),
        next_run: t("filesNextRun"),
        gone: t("filesGone", { date: date(status.filesOn) }),
      }[status.files];
      text = `${files} ${status.caseNextRun ? t("caseNextRun") : t("casePending", { date: date(status.anonymiseOn) })}`;
      // Nothing goes before the archive has the case (or staff recorded its reference by hand).
      if (!info.archived) text = `${text} ${t("waitsForArchive")}`;
      break;
    }
  }

  const hidden = { reference: props.reference, version: String(info.version) };
  const formTexts = (submit: string) => ({ submit, summaryHeading: t("summaryHeading"), reload: t("reload") });
  const reload = `/staff/cases/${props.reference}#retention`;

  return (
    <section id="retention" aria-labelledby="retention-heading" tabIndex={-1}>
      <h2 id="retention-heading" className="ds-heading" data-size="xs">
        {t("heading")}
      </h2>
      {done && (
        <div className="ds-alert mt-2" data-color="success" role="status" data-testid="hold-done">
          <p className="ds-paragraph">{t(`done.${done}`)}</p>
        </div>
      )}
      <p className="ds-paragraph mt-2 whitespace-pre-wrap" data-testid="retention-status" data-status={status.kind}>
        {text}
      </p>
      {status.kind !== "anonymised" && <p className="ds-paragraph mt-1 text-sm">{t("rule", { years: info.retentionYears })}</p>}
      {info.canHold && !info.anonymisedAt && (
        <div className="mt-4">
          {info.legalHold ? (
            <CaseActionForm
              formId="legal-hold-lift"
              disclosure={t("liftHeading")}
              action={liftLegalHoldAction}
              hidden={hidden}
              reloadHref={reload}
              submitVariant="secondary"
              intro={<p className="ds-paragraph">{t("liftIntro")}</p>}
              fields={[]}
              texts={formTexts(t("liftSubmit"))}
            />
          ) : (
            <CaseActionForm
              formId="legal-hold-set"
              disclosure={t("setHeading")}
              action={setLegalHoldAction}
              hidden={hidden}
              reloadHref={reload}
              intro={<p className="ds-paragraph">{t("setIntro")}</p>}
              fields={[{ kind: "textarea", name: "reason", label: t("reasonLabel"), help: t("reasonHelp"), rows: 3, maxLength: LEGAL_HOLD_REASON_MAX }]}
              texts={formTexts(t("setSubmit"))}
            />
          )}
        </div>
      )}
    </section>
  );
}
