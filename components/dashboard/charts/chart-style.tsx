// Shared look of the dashboard charts. Never colour alone: every series also has its own fill
// pattern (bars) or dash and marker shape (lines), and values are written on the chart. The colours
// reach at least 4.5:1 against white (WCAG AA for text, well above 3:1 for graphics).
import type { ReactNode } from "react";
export const INK = "#1f2937";
export const GRID = "#6b7280";

export type SeriesStyle = { color: string; pattern: "solid" | "diagonal" | "dots" | "cross"; dash?: string; marker: "circle" | "square" | "triangle" | "diamond" };

export const SERIES_STYLES: SeriesStyle[] = [
  { color: "#1e3a8a", pattern: "solid", marker: "circle" },
  { color: "#9a3412", pattern: "diagonal", dash: "8 4", marker: "square" },
  { color: "#166534", pattern: "dots", dash: "2 3", marker: "triangle" },
  { color: "#6b21a8", pattern: "cross", dash: "10 3 2 3", marker: "diamond" },
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length]!;
}

/** The fill of a series: its colour, or a pattern of its colour on white. */
export function fillOf(chartId: string, index: number): string {
  const style = seriesStyle(index);
  return style.pattern === "solid" ? style.color : `url(#${chartId}-pattern-${index})`;
}

/** <defs> with one pattern per patterned series. */
export function PatternDefs({ chartId, count }: { chartId: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const s = seriesStyle(i);
        if (s.pattern === "solid") return null;
        return (
          <pattern key={i} id={`${chartId}-pattern-${i}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill="#ffffff" />
            {s.pattern === "diagonal" && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={s.color} strokeWidth="2.5" />}
            {s.pattern === "dots" && <circle cx="4" cy="4" r="2.2" fill={s.color} />}
            {s.pattern === "cross" && <path d="M0,4 h8 M4,0 v8" stroke={s.color} strokeWidth="2.5" />}
          </pattern>
        );
      })}
    </defs>
  );
}

export function Marker({ shape, x, y, color }: { shape: SeriesStyle["marker"]; x: number; y: number; color: string }) {
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={4.5} fill={color} />;
    case "square":
      return <rect x={x - 4} y={y - 4} width={8} height={8} fill={color} />;
    case "triangle":
      return <path d={`M${x},${y - 5} L${x + 5},${y + 4} L${x - 5},${y + 4} Z`} fill={color} />;
    case "diamond":
      return <path d={`M${x},${y - 5} L${x + 5},${y} L${x},${y + 5} L${x - 5},${y} Z`} fill={color} />;
  }
}

/** The legend as SVG: a swatch with the series' pattern (bars) or line and marker (lines). */
export function Legend({ chartId, labels, kind, x, y }: { chartId: string; labels: string[]; kind: "bar" | "line"; x: number; y: number }) {
  // Each entry starts after the swatches and (estimated) label widths before it.
  const starts = labels.map((_, i) => labels.slice(0, i).reduce((sum, l) => sum + 44 + l.length * 7.5, 0));
  return (
    <g transform={`translate(${x},${y})`}>
      {labels.map((label, i) => {
        const s = seriesStyle(i);
        const at = starts[i]!;
        return (
          <g key={label} transform={`translate(${at},0)`}>
            {kind === "bar" ? (
              <rect width={16} height={16} y={-12} fill={fillOf(chartId, i)} stroke={s.color} strokeWidth={1.5} />
            ) : (
              <>
                <line x1={0} x2={24} y1={-4} y2={-4} stroke={s.color} strokeWidth={2.5} strokeDasharray={s.dash} />
                <Marker shape={s.marker} x={12} y={-4} color={s.color} />
              </>
            )}
            <text x={kind === "bar" ? 22 : 30} y={0} fontSize={13} fill={INK}>
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/**
 * The frame every chart shares: an SVG that reads as one image (role="img", named by its title and
 * described by its summary), the white background and, for bar charts, the fill patterns.
 */
export function ChartFrame({
  id,
  title,
  description,
  width,
  height,
  patterns = 0,
  children,
}: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  /** How many series' fill patterns the chart uses (0: none). */
  patterns?: number;
  children: ReactNode;
}) {
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, height: "auto" }}
      data-testid={`chart-${id}`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {patterns > 0 && <PatternDefs chartId={id} count={patterns} />}
      <rect width={width} height={height} fill="#ffffff" />
      {children}
    </svg>
  );
}
