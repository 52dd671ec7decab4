// The two downloads of one table: "for Excel" (semicolons and decimal comma, what Excel with
// Norwegian settings opens as columns) and "as CSV" (commas and decimal point, for other programs).
// Each link's accessible name is its visible text; which table it downloads is its description
// (the section heading), so a screen reader says "Last ned for Excel, Åpne saker etter status".

export function DownloadLinks(props: { testId: string; href: string; describedBy: string; csvLabel: string; excelLabel: string }) {
  const excelHref = `${props.href}${props.href.includes("?") ? "&" : "?"}format=excel`;
  return (
    <ul className="mt-3 flex list-none flex-wrap gap-x-6 gap-y-2 p-0" data-testid={`downloads-${props.testId}`}>
      <li>
        <a className="ds-link" href={excelHref} download aria-describedby={props.describedBy} data-testid={`excel-${props.testId}`}>
          <DownloadIcon />
          {props.excelLabel}
        </a>
      </li>
      <li>
        <a className="ds-link" href={props.href} download aria-describedby={props.describedBy} data-testid={`csv-${props.testId}`}>
          <DownloadIcon />
          {props.csvLabel}
        </a>
      </li>
    </ul>
  );
}

function DownloadIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="1.1em" height="1.1em" viewBox="0 0 24 24" className="me-1 inline-block align-[-0.15em]">
      <path d="M12 3v12m0 0-5-5m5 5 5-5M4 20h16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
