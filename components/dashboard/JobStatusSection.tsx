// "Is the warning system working?": when the reminder, digest and retention jobs last finished, a
// clear alert when the latest run of a job failed, and how many reminders and escalations went out
// in the last 7 days. A server component.
import { getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/staff-actor";
import { dashboardJobStatus } from "@/lib/dashboard/job-status";
import type { Locale } from "@/i18n/locales";
import { formatDateTime } from "@/components/my-cases/format";
import { DataTable } from "@/components/ui/DataTable";
import { ScrollRegion } from "./ScrollRegion";

export async function JobStatusSection({ actor, locale }: { actor: StaffActor; locale: Locale }) {
  const [status, t] = await Promise.all([dashboardJobStatus(actor), getTranslations("dashboard.jobs")]);
  const failing = status.jobs.filter((j) => j.lastFailedAt && (!j.lastCompletedAt || j.lastFailedAt > j.lastCompletedAt));
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : t("never"));
  return (
    <section aria-labelledby="dash-jobs" className="mt-8" data-testid="job-status">
      <h2 className="ds-heading" data-size="sm" id="dash-jobs">
        {t("heading")}
      </h2>
      <p className="ds-paragraph mt-2 max-w-prose">
        {t("sent", { reminders: status.remindersLast7Days, escalations: status.escalationsLast7Days })}
      </p>
      {failing.length > 0 && (
        <div className="ds-alert mt-3" data-color="danger" role="alert" data-testid="job-failed">
          <p className="ds-paragraph">{t("failed", { jobs: failing.map((j) => t(`names.${j.job}`)).join(", ") })}</p>
        </div>
      )}
      <ScrollRegion label={t("caption")} className="mt-2">
        <DataTable
          testId="table-jobs"
          caption={t("caption")}
          columns={[t("colJob"), t("colLastCompleted"), t("colLastFailed")]}
          rows={status.jobs.map((j) => ({
            key: j.job,
            cells: [t(`names.${j.job}`), when(j.lastCompletedAt), j.lastFailedAt ? formatDateTime(j.lastFailedAt, locale) : t("noFailure")],
          }))}
        />
      </ScrollRegion>
    </section>
  );
}
