// Line chart for a rate or a duration per month (on-time rate, median and 90th percentile days).
// Server-rendered SVG with visx. Each series has its own dash pattern and marker shape, and the last
// value of each line is written next to it; months without data leave a gap instead of a zero.
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scalePoint, scaleLinear } from "@visx/scale";
import { LinePath } from "@visx/shape";
import { GRID, INK, Legend, Marker, seriesStyle, ChartFrame } from "./chart-style";

export type LineChartProps = {
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: { label: string; values: (number | null)[] }[];
  locale: string;
  /** Fixed top of the value axis (100 for a percentage); otherwise from the data. */
  yMax?: number;
  unit?: string;
  width?: number;
  height?: number;
};

const MARGIN = { top: 36, right: 56, bottom: 40, left: 52 };

export function LineChart({ id, title, description, categories, series, locale, yMax, unit = "", width = 760, height = 300 }: LineChartProps) {
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const x = scalePoint<string>({ domain: categories, range: [0, innerW], padding: 0.5 });
  const y = scaleLinear<number>({ domain: [0, yMax ?? Math.max(1, ...values)], range: [innerH, 0], nice: yMax === undefined });
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height}>
      <Legend chartId={id} labels={series.map((s) => s.label)} kind="line" x={MARGIN.left} y={18} />
      <Group left={MARGIN.left} top={MARGIN.top}>
        <AxisLeft scale={y} numTicks={5} stroke={GRID} tickStroke={GRID} tickFormat={(v) => `${fmt.format(Number(v))}${unit}`} tickLabelProps={{ fill: INK, fontSize: 12 }} />
        <AxisBottom top={innerH} scale={x} stroke={GRID} tickStroke={GRID} tickLabelProps={{ fill: INK, fontSize: 12 }} />
        {series.map((s, i) => {
          const style = seriesStyle(i);
          const points = s.values.map((v, c) => ({ c, v }));
          const last = [...points].reverse().find((p) => p.v !== null);
          return (
            <g key={s.label}>
              <LinePath
                data={points}
                defined={(p) => p.v !== null}
                x={(p) => x(categories[p.c]!) ?? 0}
                y={(p) => y(p.v ?? 0)}
                stroke={style.color}
                strokeWidth={2.5}
                strokeDasharray={style.dash}
              />
              {points.map((p) =>
                p.v === null ? null : <Marker key={p.c} shape={style.marker} x={x(categories[p.c]!) ?? 0} y={y(p.v)} color={style.color} />,
              )}
              {last && last.v !== null && (
                <text x={(x(categories[last.c]!) ?? 0) + 8} y={y(last.v) - 6} fontSize={12} fill={INK}>
                  {`${fmt.format(last.v)}${unit}`}
                </text>
              )}
            </g>
          );
        })}
      </Group>
    </ChartFrame>
  );
}
