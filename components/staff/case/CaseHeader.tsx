// The case page's facts band: what, who, how sure the identity is, when and how it came in, unit,
// assignee, status with badges, and the due date in words with days left (colour is never the only
// signal: DaysLeft adds words and a sign). A description list of label/value groups, in columns on
// wide screens.
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { StaffCaseWorkView } from "@/lib/cases/staff-case-view";
import { caseStatusI18nKey } from "@/lib/domain/case-status";
import { formatDateLong } from "@/lib/domain/calendar";
import { unitNameIn } from "@/lib/domain/unit-names";
import type { Locale } from "@/i18n/locales";
import { DaysLeft } from "@/components/staff/DaysLeft";
import { formatDateTime } from "@/components/my-cases/format";
import { rightsShortLabel } from "@/components/staff/right-labels";

const WEAK_IDENTITY = ["none", "email_code"];

function Fact({ label, children, testId, wide }: { label: string; children: ReactNode; testId?: string; wide?: boolean }) {
  return (
    <div className={wide ? "pv-fact sm:col-span-2" : "pv-fact"}>
      <dt className="pv-fact-label">{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

export async function CaseHeader({ view, locale }: { view: StaffCaseWorkView; locale: Locale }) {
  const t = await getTranslations();
  const r = view.requester;
  return (
    <dl className="pv-facts mt-4" data-testid="case-header">
      <Fact label={t("myCases.staff.dueLabel")} testId="due-date">
        <span className="font-semibold">{formatDateLong(view.dueDate, locale)}</span>
        {!view.closed && !view.openPause && (
          <span className="block text-sm">
            <DaysLeft days={view.daysLeft} />
          </span>
        )}
        {view.openPause && (
          <span className="block text-sm">{t("caseWork.header.pausedSince", { date: formatDateTime(view.openPause.since, locale) })}</span>
        )}
        {view.extended && (
          <span className="block text-sm">{t("caseWork.header.oneMonthWas", { date: formatDateLong(view.oneMonthDueDate, locale) })}</span>
        )}
      </Fact>
      <Fact label={t("myCases.staff.statusLabel")} testId="case-status">
        {t(caseStatusI18nKey(view.status, "staff"))}
        <span className="mt-1 flex flex-wrap gap-1" data-testid="badges">
          {view.openPause && (
            <span className="ds-tag" data-color="warning" data-size="sm" data-badge="paused">
              {t("caseWork.badges.paused")}
            </span>
          )}
          {view.extended && (
            <span className="ds-tag" data-color="info" data-size="sm" data-badge="extended">
              {t("caseWork.badges.extended")}
            </span>
          )}
          {view.complex && (
            <span className="ds-tag" data-color="info" data-size="sm" data-badge="complex">
              {t("caseWork.badges.complex")}
            </span>
          )}
          {view.restrictedAt && (
            <span className="ds-tag" data-color="danger" data-size="sm" data-badge="restricted">
              {t("caseWork.badges.restricted")}
            </span>
          )}
        </span>
      </Fact>
      <Fact label={t("myCases.staff.rightsLabel")}>{rightsShortLabel(t, view.rights)}</Fact>
      <Fact label={t("caseWork.header.receivedLabel")} testId="received">
        {t("caseWork.header.received", { when: formatDateTime(view.receivedAt, locale), channel: t(`channel.${view.channel}`) })}
      </Fact>
      <Fact label={t("myCases.staff.requesterLabel")}>
        <span data-testid="requester-name">{r.name}</span>
        {[r.email, r.phone].filter(Boolean).length > 0 && <span className="block text-sm">{[r.email, r.phone].filter(Boolean).join(" · ")}</span>}
        {r.postalAddress && <span className="block whitespace-pre-line text-sm">{r.postalAddress}</span>}
      </Fact>
      {view.concerns.onBehalfOf !== "self" && (
        <Fact label={t("caseWork.header.concernsLabel")} testId="case-concerns">
          {t("caseWork.header.concerns", { onBehalfOf: view.concerns.onBehalfOf, name: view.concerns.subjectName ?? "–" })}
          {view.concerns.onBehalfOf === "guardian" && (
            <span className="ds-tag ml-2" data-color="warning" data-size="sm" data-testid="guardian-check">
              {t("caseWork.header.guardianCheck")}
            </span>
          )}
        </Fact>
      )}
      <Fact label={t("myCases.staff.identityLabel")} testId="identity-level">
        {t(`myCases.staff.identityLevels.${r.identityLevel}`)}
        {WEAK_IDENTITY.includes(r.identityLevel) && (
          <span className="ds-tag ml-2" data-color="warning" data-size="sm">
            {t("caseWork.header.weakIdentity")}
          </span>
        )}
      </Fact>
      <Fact label={t("myCases.staff.unitLabel")}>{view.unit ? unitNameIn(view.unit, locale) : t("myCases.staff.noUnit")}</Fact>
      <Fact label={t("caseWork.header.assigneeLabel")} testId="assignee">
        {view.assigneeName ?? t("caseWork.header.unassigned")}
      </Fact>
    </dl>
  );
}
