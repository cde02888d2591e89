import type { Child, FC } from "hono/jsx";

/** The stylesheet's colours, as SVG presentation attributes (inline styles are barred by the CSP). */
export const ink = { text: "#1b1f24", muted: "#57606a", line: "#d0d7de", grid: "#eaeef2", accent: "#0a58ca", good: "#116329", bad: "#a40e26", warn: "#7d4e00", paper: "#ffffff" };

/**
 * An SVG chart that a screen reader announces as one image with its title and a description
 * that holds every figure; the same figures are printed as text in the chart and beside it, so
 * nothing depends on colour or on seeing the marks. Drawn at its natural size, the stylesheet
 * shrinks it to a narrow screen (svg.chart).
 */
export const Chart: FC<{ id: string; title: string; desc: string; width: number; height: number; children: Child }> = ({ id, title, desc, width, height, children }) => (
  <svg
    class="chart"
    role="img"
    aria-labelledby={`${id}-title ${id}-desc`}
    viewBox={`0 0 ${width} ${height}`}
    width={width}
    height={height}
    preserveAspectRatio="xMinYMin meet"
    font-family="system-ui, sans-serif"
    font-size="13"
  >
    <title id={`${id}-title`}>{title}</title>
    <desc id={`${id}-desc`}>{desc}</desc>
    {children}
  </svg>
);

/** Diagonal hatching, for marks that are not final (immature cohorts) or that the chart warns about. */
export const Hatch: FC<{ id: string; colour?: string }> = ({ id, colour = ink.muted }) => (
  <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
    <line x1="0" y1="0" x2="0" y2="6" stroke={colour} stroke-width="2" />
  </pattern>
);

/** A horizontal 95% or 80% interval: a line with end caps at `y`, from x1 to x2. */
export const WhiskerH: FC<{ x1: number; x2: number; y: number; cap?: number; colour?: string }> = ({ x1, x2, y, cap = 6, colour = ink.text }) => (
  <g stroke={colour} stroke-width="2">
    <line x1={x1} y1={y} x2={x2} y2={y} />
    <line x1={x1} y1={y - cap} x2={x1} y2={y + cap} />
    <line x1={x2} y1={y - cap} x2={x2} y2={y + cap} />
  </g>
);

/** The vertical counterpart, from y1 to y2 at `x`. */
export const WhiskerV: FC<{ x: number; y1: number; y2: number; cap?: number; colour?: string }> = ({ x, y1, y2, cap = 8, colour = ink.text }) => (
  <g stroke={colour} stroke-width="2">
    <line x1={x} y1={y1} x2={x} y2={y2} />
    <line x1={x - cap} y1={y1} x2={x + cap} y2={y1} />
    <line x1={x - cap} y1={y2} x2={x + cap} y2={y2} />
  </g>
);
