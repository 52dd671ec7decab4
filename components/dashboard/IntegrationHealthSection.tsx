// The dashboard's "Arkiv og utsending": waiting and failed messages to the archive, SvarUt and KRR,
// an alert naming the cases to open when something failed or was refused, and how long the oldest
// message has waited. A server component.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/staff-actor";
import { dashboardIntegrationHealth } from "@/lib/dashboard/integration-health";
import type { Locale } from "@/i18n/locales";
import { formatDateTime } from "@/components/my-cases/format";

export async function IntegrationHealthSection({ actor, locale }: { actor: StaffActor; locale: Locale }) {
  const [health, t] = await Promise.all([dashboardIntegrationHealth(actor), getTranslations("platform.dashboard")]);
  const cases = [...new Set(health.failedCases.map((c) => c.reference))];
  return (
    <section aria-labelledby="dash-platform" className="mt-8" data-testid="integration-health">
      <h2 className="ds-heading" data-size="sm" id="dash-platform">
        {t("heading")}
      </h2>
      {!health.enabled && health.waiting + health.failed === 0 ? (
        <p className="ds-paragraph mt-2 max-w-prose">{t("off")}</p>
      ) : (
        <>
          <p className="ds-paragraph mt-2 max-w-prose">{t("intro")}</p>
          {health.failed > 0 && (
            <div className="ds-alert mt-3" data-color="danger" role="alert" data-testid="integration-failed">
              <p className="ds-paragraph">{t("alert", { count: health.failed })}</p>
              <p className="ds-paragraph mt-2">
                {t("cases")}:{" "}
                {cases.map((reference, i) => (
                  <span key={reference}>
                    {i > 0 ? ", " : ""}
                    <Link className="ds-link" href={`/staff/cases/${reference}#platform`}>
                      {reference}
                    </Link>
                  </span>
                ))}
              </p>
            </div>
          )}
          <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
            <dt className="font-semibold">{t("pending")}</dt>
            <dd data-testid="integration-waiting">{health.waiting}</dd>
            <dt className="font-semibold">{t("failed")}</dt>
            <dd data-testid="integration-failed-count">{health.failed}</dd>
            <dt className="font-semibold">{t("oldest")}</dt>
            <dd>{health.oldestWaitingSince ? t("since", { when: formatDateTime(health.oldestWaitingSince, locale) }) : t("oldestNone")}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
