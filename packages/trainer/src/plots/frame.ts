import { element, linearScale, niceTicks, text, tickLabel } from './svg.js';

/** The plotting area of a chart and the scales that map data into it. */
export interface Frame {
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** Axes, grid, tick labels and axis titles, to draw below the data. */
  readonly decorations: string[];
}

export interface FrameOptions {
  /** Pixel box of the plotting area. */
  readonly box: {
    readonly left: number;
    readonly top: number;
    readonly width: number;
    readonly height: number;
  };
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** @default 5 */
  readonly ticks?: number;
  /** Draw y grid lines and tick labels (off for bar charts whose y axis is categories). @default true */
  readonly yTicks?: boolean;
}

const GRID = '#e6e6e6';
const AXIS = '#333333';

/** Axes with ticks, light grid lines and axis titles around a plotting box. */
export function frame(options: FrameOptions): Frame {
  const { left, top, width, height } = options.box;
  const right = left + width;
  const bottom = top + height;
  const x = linearScale(options.xDomain, [left, right]);
  const y = linearScale(options.yDomain, [bottom, top]);
  const out: string[] = [];
  for (const t of niceTicks(options.xDomain[0], options.xDomain[1], options.ticks ?? 5)) {
    const px = x(t);
    out.push(
      element({ name: 'line', attrs: { x1: px, y1: top, x2: px, y2: bottom, stroke: GRID } }),
    );
    out.push(
      element({
        name: 'line',
        attrs: { x1: px, y1: bottom, x2: px, y2: bottom + 5, stroke: AXIS },
      }),
    );
    out.push(text(tickLabel(t), { x: px, y: bottom + 18, 'text-anchor': 'middle', fill: AXIS }));
  }
  const yTicks =
    options.yTicks === false
      ? []
      : niceTicks(options.yDomain[0], options.yDomain[1], options.ticks ?? 5);
  for (const t of yTicks) {
    const py = y(t);
    out.push(
      element({ name: 'line', attrs: { x1: left, y1: py, x2: right, y2: py, stroke: GRID } }),
    );
    out.push(
      element({ name: 'line', attrs: { x1: left - 5, y1: py, x2: left, y2: py, stroke: AXIS } }),
    );
    out.push(text(tickLabel(t), { x: left - 8, y: py + 4, 'text-anchor': 'end', fill: AXIS }));
  }
  out.push(
    element({ name: 'line', attrs: { x1: left, y1: bottom, x2: right, y2: bottom, stroke: AXIS } }),
  );
  out.push(
    element({ name: 'line', attrs: { x1: left, y1: top, x2: left, y2: bottom, stroke: AXIS } }),
  );
  if (options.xLabel !== undefined) {
    out.push(
      text(options.xLabel, {
        x: (left + right) / 2,
        y: bottom + 38,
        'text-anchor': 'middle',
        'font-size': 13,
      }),
    );
  }
  if (options.yLabel !== undefined) {
    const cy = (top + bottom) / 2;
    out.push(
      text(options.yLabel, {
        x: left - 44,
        y: cy,
        'text-anchor': 'middle',
        'font-size': 13,
        transform: `rotate(-90 ${left - 44} ${cy})`,
      }),
    );
  }
  return { x, y, left, right, top, bottom, decorations: out };
}

/** A centred chart title. */
export function title(content: string, options: { width: number; y?: number }): string {
  return text(content, {
    x: options.width / 2,
    y: options.y ?? 24,
    'text-anchor': 'middle',
    'font-size': 15,
    'font-weight': 'bold',
  });
}

/** Keeps at most `max` of `n` indices, evenly spaced, always including the first and last. */
export function thinIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < max; k++) out.push(Math.round((k * (n - 1)) / (max - 1)));
  return [...new Set(out)];
}
