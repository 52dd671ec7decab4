// Admin page: the municipality's retention period (years) and the latest entries of the retention
// log (what retention deleted or anonymised: reference and count only). Admins only (the admin
// layout and the service both answer 404 to everyone else).
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffActor } from "@/lib/auth/staff-actor";
import { getRetentionSettings } from "@/lib/admin/retention-settings";
import { hasPermission } from "@/lib/domain/policy";
import { isLocale } from "@/i18n/locales";
import { isOneOf } from "@/i18n/translator";
import { formatDateTime } from "@/components/my-cases/format";
import { RetentionYearsForm } from "./RetentionYearsForm";
import { AdminHistory } from "@/components/staff/admin/AdminHistory";
import { currentMunicipality } from "@/lib/config/current";
import { setRetentionYearsAction } from "./actions";

export const dynamic = "force-dynamic";

const ERROR_KEYS = ["required", "wholeNumber", "range"] as const;
const ACTION_KEYS = [
  "files_deleted",
  "case_anonymised",
  "outbox_deleted",
  "demo_mail_deleted",
  "drafts_deleted",
  "email_codes_deleted",
  "challenges_deleted",
  "sessions_deleted",
  "verification_tokens_deleted",
] as const;

export default async function AdminRetentionPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireStaffActor();
  if (!hasPermission(actor, "admin.manage_units")) notFound();
  const [{ done }, t, localeRaw, settings] = await Promise.all([searchParams, getTranslations("retention.admin"), getLocale(), getRetentionSettings(actor)]);
  const locale = isLocale(localeRaw) ? localeRaw : "nb";
  const errorTexts = Object.fromEntries(ERROR_KEYS.map((k) => [k, t(`errors.${k}`)]));
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {t("heading")}
      </h1>
      <p className="ds-paragraph mt-2 max-w-prose">{t("intro")}</p>
      {done === "saved" && (
        <div className="ds-alert mt-4" data-color="success" role="status">
          <p className="ds-paragraph">{t("saved")}</p>
        </div>
      )}
      <div className="mt-6">
        <RetentionYearsForm
          action={setRetentionYearsAction}
          initial={settings.retentionYears}
          errorTexts={errorTexts}
          labels={{
            years: t("yearsLabel"),
            yearsHelp: t("yearsHelp"),
            submit: t("submit"),
            summaryHeading: t("summaryHeading"),
            unexpected: t("errors.unexpected", { errorId: "{errorId}" }),
          }}
        />
      </div>
      <section aria-labelledby="retention-log-heading" className="mt-8">
        <h2 id="retention-log-heading" className="ds-heading" data-size="md">
          {t("logHeading")}
        </h2>
        <p className="ds-paragraph mt-2">{t("logIntro")}</p>
        {settings.log.length === 0 ? (
          <p className="ds-paragraph mt-2">{t("logEmpty")}</p>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="ds-table" data-zebra="true" data-size="sm" data-testid="retention-log">
              <caption className="ds-sr-only">{t("caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("at")}</th>
                  <th scope="col">{t("action")}</th>
                  <th scope="col">{t("reference")}</th>
                  <th scope="col">{t("count")}</th>
                </tr>
              </thead>
              <tbody>
                {settings.log.map((row) => (
                  <tr key={row.id} data-action={row.action}>
                    <td>{formatDateTime(row.at, locale)}</td>
                    <td>{t(isOneOf(ACTION_KEYS, row.action) ? `actions.${row.action}` : "actions.other")}</td>
                    <td>{row.reference ?? t("noReference")}</td>
                    <td>{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AdminHistory actor={actor} targetType="municipality" targetId={currentMunicipality().id} />
    </>
  );
}
