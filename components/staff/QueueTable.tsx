// The queue as a compact table: one line per case at 1280 px and wider (short right names, compact
// dates, no wrapping), and below ~700 px each row becomes a card whose cells carry their column
// name (CSS in globals.css). Explicit table roles keep the table semantics when the cards change
// the cells' display (browsers drop them otherwise).
import { getTranslations } from "next-intl/server";
import type { QueueRow } from "@/lib/cases/list-queue";
import { caseStatusI18nKey } from "@/lib/domain/case-status";
import { formatDateShort } from "@/lib/domain/calendar";
import { unitNameIn } from "@/lib/domain/unit-names";
import type { Locale } from "@/i18n/locales";
import { DaysLeft } from "./DaysLeft";
import { rightsShortLabel } from "./right-labels";

const STRONG = ["idporten_high", "idporten_substantial", "verified_in_person"];

export async function QueueTable(props: {
  rows: QueueRow[];
  locale: Locale;
  canAssign: boolean;
  canClaim: boolean;
  claimAction: (formData: FormData) => Promise<void>;
  back: string;
}) {
  const [t, tAll] = await Promise.all([getTranslations("staffQueue"), getTranslations()]);
  const col = {
    reference: tAll("staff.colReference"),
    requester: tAll("staff.colRequester"),
    rights: tAll("staff.colRights"),
    status: tAll("staff.colStatus"),
    unit: tAll("staff.colUnit"),
    assignee: tAll("staff.colAssignee"),
    due: tAll("staff.colDue"),
    daysLeft: tAll("staff.colDaysLeft"),
  };
  return (
    <div className="pv-queue-wrap mt-3">
      <table className="ds-table pv-queue" data-size="sm" role="table" data-testid="queue-table">
        <caption className="ds-sr-only">{t("caption")}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {props.canAssign && (
              <th scope="col" role="columnheader" className="pv-queue-select">
                <span className="ds-sr-only">{t("colSelect")}</span>
              </th>
            )}
            <th scope="col" role="columnheader">{col.reference}</th>
            <th scope="col" role="columnheader">{col.requester}</th>
            <th scope="col" role="columnheader">{col.rights}</th>
            <th scope="col" role="columnheader">{col.status}</th>
            <th scope="col" role="columnheader">{col.unit}</th>
            <th scope="col" role="columnheader">{col.assignee}</th>
            <th scope="col" role="columnheader">{col.due}</th>
            <th scope="col" role="columnheader">{col.daysLeft}</th>
            {props.canClaim && (
              <th scope="col" role="columnheader">
                <span className="ds-sr-only">{t("colActions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {props.rows.map((row) => (
            <tr key={row.id} role="row" data-reference={row.reference}>
              {props.canAssign && (
                <td role="cell" className="pv-queue-select">
                  <input
                    type="checkbox"
                    className="ds-input"
                    name="caseId"
                    value={`${row.id}:${row.version}`}
                    form="bulk-assign"
                    aria-label={t("selectCase", { reference: row.reference })}
                  />
                </td>
              )}
              <th scope="row" role="rowheader" className="pv-queue-ref">
                <a className="ds-link" href={`/staff/cases/${row.reference}`}>
                  {row.reference}
                </a>
              </th>
              <td role="cell" data-label={col.requester}>
                <span className="pv-queue-name">{row.requesterName}</span>{" "}
                <span className="ds-tag" data-color={STRONG.includes(row.identityLevel) ? "success" : "warning"} data-size="sm" data-testid="identity-badge">
                  {t(`identityShort.${row.identityLevel}`)}
                  <span className="ds-sr-only"> ({t(`identity.${row.identityLevel}`)})</span>
                </span>
              </td>
              <td role="cell" data-label={col.rights}>
                {rightsShortLabel(tAll, row.rights)}
              </td>
              <td role="cell" data-label={col.status}>
                {tAll(caseStatusI18nKey(row.status, "staff"))}
                {row.extended && (
                  <>
                    {" "}
                    <span className="ds-tag" data-size="sm" data-color="info">
                      {tAll("staff.extended")}
                    </span>
                  </>
                )}
              </td>
              <td role="cell" data-label={col.unit}>
                <span className="pv-clip">{row.unit ? unitNameIn(row.unit, props.locale) : tAll("staff.noUnit")}</span>
              </td>
              <td role="cell" data-label={col.assignee}>
                <span className="pv-clip">{row.assigneeName ?? tAll("staff.unassigned")}</span>
              </td>
              <td role="cell" data-label={col.due}>{formatDateShort(row.dueDate, props.locale)}</td>
              <td role="cell" data-label={col.daysLeft}>
                {/* Paused: the deadline moves one day per day until the requester answers, as in the case header. */}
                {row.followUpAt ? (
                  <span className="ds-tag" data-color="warning" data-size="sm" data-testid="follow-up-tag">
                    {t("followUpTag")}
                  </span>
                ) : row.status === "awaiting_requester" ? (
                  <span data-testid="days-left-paused">{tAll("caseRules.queue.paused")}</span>
                ) : (
                  <DaysLeft days={row.daysLeft} />
                )}
              </td>
              {props.canClaim && (
                <td role="cell" className="pv-queue-action">
                  {row.assigneeName === null && (
                    <form action={props.claimAction}>
                      <input type="hidden" name="caseId" value={row.id} />
                      <input type="hidden" name="back" value={props.back} />
                      <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
                        {t("claim")}
                        <span className="ds-sr-only"> {row.reference}</span>
                      </button>
                    </form>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
