// One statistic of the "over time" page: heading, short explanation, chart, the data table behind
// the chart (a real table, always visible) and the downloads with the same filters. Side by side on
// a wide screen, one under the other on a narrow one; a chart or table wider than the screen
// scrolls inside its own focusable region, never the page.
import type { ReactNode } from "react";
import { DownloadLinks } from "./DownloadLinks";
import { ScrollRegion } from "./ScrollRegion";

export function TrendSection(props: {
  id: string;
  heading: string;
  explain?: string;
  chart: ReactNode;
  /** Name of the chart's scroll region (the chart's title). */
  chartLabel?: string;
  table: ReactNode;
  /** Name of the table's scroll region (the table's caption). */
  tableLabel: string;
  downloads?: { href: string; csvLabel: string; excelLabel: string };
}) {
  const headingId = `${props.id}-heading`;
  return (
    <section aria-labelledby={headingId} className="mt-12" data-testid={`section-${props.id}`}>
      <h2 className="ds-heading" data-size="sm" id={headingId}>
        {props.heading}
      </h2>
      {props.explain && <p className="ds-paragraph mt-2 max-w-prose">{props.explain}</p>}
      <div className="mt-4 grid grid-cols-1 items-start gap-6 xl:grid-cols-2">
        {props.chartLabel ? (
          <ScrollRegion label={props.chartLabel} className="rounded-lg border border-[var(--ds-color-neutral-border-subtle)] bg-white p-2">
            {/* Below this width the labels of a 760-wide chart get too small to read: scroll instead. */}
            <div className="min-w-[34rem]">{props.chart}</div>
          </ScrollRegion>
        ) : (
          <div>{props.chart}</div>
        )}
        <div className="min-w-0">
          <ScrollRegion label={props.tableLabel}>{props.table}</ScrollRegion>
          {props.downloads && (
            <DownloadLinks
              testId={props.id}
              href={props.downloads.href}
              describedBy={headingId}
              csvLabel={props.downloads.csvLabel}
              excelLabel={props.downloads.excelLabel}
            />
          )}
        </div>
      </div>
    </section>
  );
}
