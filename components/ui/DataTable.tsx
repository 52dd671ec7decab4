// A plain data table: a caption for screen readers, column headers, the first cell of each row as
// its row header. Used by the dashboard's tables and behind every chart.
export type DataTableRow = { key: string; cells: (string | number)[] };

export function DataTable(props: { testId: string; caption: string; columns: string[]; rows: DataTableRow[] }) {
  return (
    <table className="ds-table" data-zebra="true" data-size="sm" data-testid={props.testId}>
      <caption className="ds-sr-only">{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
