// One statistic of the "over time" page: heading, short explanation, chart, the data table behind
// the chart (a real table, always visible) and a CSV link with the same filters.
import type { ReactNode } from "react";

export function TrendSection(props: {
  id: string;
  heading: string;
  explain?: string;
  chart: ReactNode;
  table: ReactNode;
  csvHref?: string;
  csvLabel: string;
}) {
  return (
    <section aria-labelledby={`${props.id}-heading`} className="mt-10" data-testid={`section-${props.id}`}>
      <h2 className="ds-heading" data-size="sm" id={`${props.id}-heading`}>
        {props.heading}
      </h2>
      {props.explain && <p className="ds-paragraph mt-2 max-w-prose">{props.explain}</p>}
      <div className="mt-3">{props.chart}</div>
      <div className="mt-3 overflow-x-auto">{props.table}</div>
      {props.csvHref && (
        <p className="ds-paragraph mt-2">
          <a className="ds-link" href={props.csvHref} data-testid={`csv-${props.id}`} download>
            {props.csvLabel}
            <span className="ds-sr-only">: {props.heading}</span>
          </a>
        </p>
      )}
    </section>
  );
}

/** A simple data table: caption, column headers, row headers in the first column. */
