"use client";
// The queue table's markup (see QueueTable.tsx). A client component for one reason: its props are
// compact row data plus each text once, so the page's RSC payload (which repeats every server-rendered
// element as JSON) carries the data rather than a second copy of 50 rows of markup. It has no state
// and no effects; the HTML is server-rendered and the page works without JavaScript.
import type { IdentityLevel } from "@/lib/domain/case-status";

export type QueueTableRow = {
  id: string;
  version: number;
  reference: string;
  name: string;
  level: IdentityLevel;
  strong: boolean;
  /** Keys into the texts' maps (each text is sent once, not per row). */
  rights: string;
  status: string;
  days: string;
  /** The unit's name in the reader's language (shorter than any key would be). */
  unit: string;
  assignee: string | null;
  due: string;
  /** "overdue", "soon" or "" (colour plus a symbol in the text, never colour alone). */
  urgency: string;
  paused: boolean;
  followUp: boolean;
  extended: boolean;
};

export type QueueTableTexts = {
  caption: string;
  columns: { select: string; reference: string; requester: string; rights: string; status: string; unit: string; assignee: string; due: string; daysLeft: string; actions: string };
  /** "Velg {reference}". */
  selectCase: string;
  identityShort: Record<string, string>;
  identity: Record<string, string>;
  rights: Record<string, string>;
  status: Record<string, string>;
  days: Record<string, string>;
  extended: string;
  unassigned: string;
  paused: string;
  followUp: string;
  claim: string;
};

/** A CSS string literal for a custom property (the card view's column names, globals.css). */
const cssString = (text: string) => JSON.stringify(text);

export function QueueTableView(props: { rows: QueueTableRow[]; texts: QueueTableTexts; canAssign: boolean; canClaim: boolean; claimForm: string }) {
  const { texts: x, canAssign, canClaim } = props;
  const col = x.columns;
  const labels = {
    "--pv-c-n": cssString(col.requester),
    "--pv-c-r": cssString(col.rights),
    "--pv-c-s": cssString(col.status),
    "--pv-c-u": cssString(col.unit),
    "--pv-c-a": cssString(col.assignee),
    "--pv-c-d": cssString(col.due),
    "--pv-c-l": cssString(col.daysLeft),
  } as React.CSSProperties;
  return (
    <div className="pv-queue-wrap mt-3">
      <table className="ds-table pv-queue" data-size="sm" role="table" data-testid="queue-table" style={labels}>
        <caption className="ds-sr-only">{x.caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {canAssign && (
              <th scope="col" role="columnheader" className="pv-queue-select">
                <span className="ds-sr-only">{col.select}</span>
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
            {canClaim && (
              <th scope="col" role="columnheader">
                <span className="ds-sr-only">{col.actions}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {props.rows.map((row) => (
            <tr key={row.id} role="row" data-reference={row.reference}>
              {canAssign && (
                <td role="cell" className="pv-queue-select">
                  <input
                    type="checkbox"
                    className="ds-input"
                    name="caseId"
                    value={`${row.id}:${row.version}`}
                    form="bulk-assign"
                    aria-label={x.selectCase.replace("{reference}", row.reference)}
                  />
                </td>
              )}
              <th scope="row" role="rowheader" className="pv-queue-ref">
                <a className="ds-link" href={`/staff/cases/${row.reference}`}>
                  {row.reference}
                </a>
              </th>
              <td role="cell" className="c-n">
                <span>{row.name}</span>{" "}
                <span className="ds-tag" data-color={row.strong ? "success" : "warning"} data-size="sm" data-testid="identity-badge">
                  {x.identityShort[row.level]}
                  <span className="ds-sr-only">{` (${x.identity[row.level]})`}</span>
                </span>
              </td>
              <td role="cell" className="c-r">
                {x.rights[row.rights]}
              </td>
              <td role="cell" className="c-s">
                {x.status[row.status]}
                {row.extended && (
                  <>
                    {" "}
                    <span className="ds-tag" data-size="sm" data-color="info">
                      {x.extended}
                    </span>
                  </>
                )}
              </td>
              <td role="cell" className="c-u">
                <span>{row.unit}</span>
              </td>
              <td role="cell" className="c-a">
                <span>{row.assignee ?? x.unassigned}</span>
              </td>
              <td role="cell" className="c-d">
                {row.due}
              </td>
              <td role="cell" className="c-l">
                {/* Paused: the deadline moves one day per day until the requester answers, as in the case header. */}
                {row.followUp ? (
                  <span className="ds-tag" data-color="warning" data-size="sm" data-testid="follow-up-tag">
                    {x.followUp}
                  </span>
                ) : row.paused ? (
                  <span data-testid="days-left-paused">{x.paused}</span>
                ) : (
                  <span className={row.urgency ? `pv-days-${row.urgency}` : undefined}>{x.days[row.days]}</span>
                )}
              </td>
              {canClaim && (
                <td role="cell" className="pv-queue-action">
                  {row.assignee === null && (
                    <button type="submit" form={props.claimForm} name="caseId" value={row.id} className="ds-button" data-variant="secondary" data-size="sm">
                      {x.claim}
                      <span className="ds-sr-only">{` ${row.reference}`}</span>
                    </button>
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
