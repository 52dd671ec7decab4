// Grouped vertical bar chart (e.g. received vs closed per month), rendered on the server as SVG with
// visx: no client JavaScript. role="img" with a title and a description that summarise it; each
// series has its own pattern, and every bar carries its value.
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { fillOf, GRID, INK, Legend, seriesStyle, ChartFrame } from "./chart-style";

export type BarChartProps = {
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: { label: string; values: number[] }[];
  locale: string;
  width?: number;
  height?: number;
};

const MARGIN = { top: 36, right: 16, bottom: 40, left: 48 };

export function BarChart({ id, title, description, categories, series, locale, width = 760, height = 320 }: BarChartProps) {
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = scaleBand<string>({ domain: categories, range: [0, innerW], padding: 0.2 });
  const inner = scaleBand<number>({ domain: series.map((_, i) => i), range: [0, x.bandwidth()], padding: 0.08 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerH, 0], nice: true });
  const fmt = new Intl.NumberFormat(locale);
  const showValues = inner.bandwidth() >= 14;
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} patterns={series.length}>
      <Legend chartId={id} labels={series.map((s) => s.label)} kind="bar" x={MARGIN.left} y={18} />
      <Group left={MARGIN.left} top={MARGIN.top}>
        <AxisLeft scale={y} numTicks={5} stroke={GRID} tickStroke={GRID} tickFormat={(v) => fmt.format(Number(v))} tickLabelProps={{ fill: INK, fontSize: 12 }} />
        <AxisBottom top={innerH} scale={x} stroke={GRID} tickStroke={GRID} tickLabelProps={{ fill: INK, fontSize: 12 }} />
        {categories.map((category, c) => (
          <Group key={category} left={x(category) ?? 0}>
            {series.map((s, i) => {
              const value = s.values[c] ?? 0;
              const barX = inner(i) ?? 0;
              const barY = y(value);
              const style = seriesStyle(i);
              return (
                <g key={s.label}>
                  <Bar x={barX} y={barY} width={inner.bandwidth()} height={innerH - barY} fill={fillOf(id, i)} stroke={style.color} strokeWidth={1.5} />
                  {showValues && (
                    <text x={barX + inner.bandwidth() / 2} y={barY - 4} textAnchor="middle" fontSize={11} fill={INK}>
                      {fmt.format(value)}
                    </text>
                  )}
                </g>
              );
            })}
          </Group>
        ))}
      </Group>
    </ChartFrame>
  );
}
