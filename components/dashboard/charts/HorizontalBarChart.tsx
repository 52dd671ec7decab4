// Horizontal bar chart for counts by category with long labels (legal bases, identity levels,
// extension grounds). Server-rendered SVG: the label is written left of each bar and the value at
// its end, so nothing depends on colour.
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { fillOf, GRID, INK, seriesStyle, ChartFrame } from "./chart-style";

export type HorizontalBarChartProps = {
  id: string;
  title: string;
  description: string;
  items: { label: string; value: number }[];
  locale: string;
  width?: number;
  labelWidth?: number;
};

const ROW = 30;

export function HorizontalBarChart({ id, title, description, items, locale, width = 760, labelWidth = 330 }: HorizontalBarChartProps) {
  const height = Math.max(1, items.length) * ROW + 16;
  const innerW = width - labelWidth - 60;
  const max = Math.max(1, ...items.map((i) => i.value));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, innerW] });
  const y = scaleBand<number>({ domain: items.map((_, i) => i), range: [8, height - 8], padding: 0.25 });
  const fmt = new Intl.NumberFormat(locale);
  const style = seriesStyle(0);
  return (
    <ChartFrame id={id} title={title} description={description} width={width} height={height} patterns={1}>
      {items.map((item, i) => {
        const top = y(i) ?? 0;
        const label = item.label.length > 48 ? `${item.label.slice(0, 47)}…` : item.label;
        return (
          <g key={`${item.label}-${i}`}>
            <text x={labelWidth - 8} y={top + y.bandwidth() / 2 + 4} textAnchor="end" fontSize={12} fill={INK}>
              {label}
            </text>
            <Group left={labelWidth}>
              <Bar x={0} y={top} width={Math.max(x(item.value), item.value > 0 ? 2 : 0)} height={y.bandwidth()} fill={fillOf(id, 0)} stroke={style.color} />
              <text x={x(item.value) + 6} y={top + y.bandwidth() / 2 + 4} fontSize={12} fill={INK}>
                {fmt.format(item.value)}
              </text>
            </Group>
          </g>
        );
      })}
      <line x1={labelWidth} x2={labelWidth} y1={4} y2={height - 4} stroke={GRID} />
    </ChartFrame>
  );
}
