// The case page's header: who, what, which unit, who works on it, status with badges, and the due
// date in words with days left (colour is never the only signal: DaysLeft adds words and a sign).
import { getTranslations } from "next-intl/server";
import type { StaffCaseWorkView } from "@/lib/cases/staff-get-case";
import { formatDateLong } from "@/lib/domain/calendar";
import type { Locale } from "@/i18n/locales";
import { DaysLeft } from "@/components/staff/DaysLeft";
import { formatDateTime } from "@/components/my-cases/format";

const WEAK_IDENTITY = ["none", "email_code"];

export async function CaseHeader({ view, locale }: { view: StaffCaseWorkView; locale: Locale }) {
  const t = await getTranslations();
  const r = view.requester;
  return (
    <dl className="mt-6 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="case-header">
      <dt className="font-semibold">{t("myCases.staff.rightsLabel")}</dt>
      <dd>{view.rights.map((right) => t(`rights.${right}.title`)).join(", ")}</dd>
      <dt className="font-semibold">{t("myCases.staff.requesterLabel")}</dt>
      <dd>
        <span data-testid="requester-name">{r.name}</span>
        {[r.email, r.phone].filter(Boolean).length > 0 && <span className="block text-sm">{[r.email, r.phone].filter(Boolean).join(" · ")}</span>}
        {r.postalAddress && <span className="block whitespace-pre-line text-sm">{r.postalAddress}</span>}
      </dd>
      <dt className="font-semibold">{t("myCases.staff.identityLabel")}</dt>
      <dd data-testid="identity-level">
        {t(`myCases.staff.identityLevels.${r.identityLevel}`)}
        {WEAK_IDENTITY.includes(r.identityLevel) && (
          <span className="ds-tag ml-2" data-color="warning">
            {t("caseWork.header.weakIdentity")}
          </span>
        )}
      </dd>
      <dt className="font-semibold">{t("caseWork.header.receivedLabel")}</dt>
      <dd data-testid="received">
        {t("caseWork.header.received", { when: formatDateTime(view.receivedAt, locale), channel: t(`channel.${view.channel}`) })}
      </dd>
      <dt className="font-semibold">{t("myCases.staff.unitLabel")}</dt>
      <dd>{view.unit?.name ?? t("myCases.staff.noUnit")}</dd>
      <dt className="font-semibold">{t("caseWork.header.assigneeLabel")}</dt>
      <dd data-testid="assignee">{view.assigneeName ?? t("caseWork.header.unassigned")}</dd>
      <dt className="font-semibold">{t("myCases.staff.statusLabel")}</dt>
      <dd data-testid="case-status">
        {t(`caseStatus.${view.status}`)}
        <span className="ml-2 inline-flex flex-wrap gap-2" data-testid="badges">
          {view.openPause && (
            <span className="ds-tag" data-color="warning" data-badge="paused">
              {t("caseWork.badges.paused")}
            </span>
          )}
          {view.extended && (
            <span className="ds-tag" data-color="info" data-badge="extended">
              {t("caseWork.badges.extended")}
            </span>
          )}
          {view.complex && (
            <span className="ds-tag" data-color="info" data-badge="complex">
              {t("caseWork.badges.complex")}
            </span>
          )}
          {view.restrictedAt && (
            <span className="ds-tag" data-color="danger" data-badge="restricted">
              {t("caseWork.badges.restricted")}
            </span>
          )}
        </span>
      </dd>
      <dt className="font-semibold">{t("myCases.staff.dueLabel")}</dt>
      <dd data-testid="due-date">
        {formatDateLong(view.dueDate, locale)}
        {!view.closed && !view.openPause && (
          <>
            {" "}
            (<DaysLeft days={view.daysLeft} />)
          </>
        )}
        {view.openPause && (
          <span className="block text-sm">{t("caseWork.header.pausedSince", { date: formatDateTime(view.openPause.since, locale) })}</span>
        )}
        {view.extended && (
          <span className="block text-sm">{t("caseWork.header.oneMonthWas", { date: formatDateLong(view.oneMonthDueDate, locale) })}</span>
        )}
      </dd>
    </dl>
  );
}
