/** Horizontal bar chart of the largest feature importances (or signed coefficients). */
import { frame, title } from './frame.js';
import { element, svgDocument, text } from './svg.js';

export interface FeatureImportance {
  readonly name: string;
  /** Gain, split count or a (signed) coefficient; bars are ranked by absolute value. */
  readonly value: number;
}

export interface ImportancePlotOptions {
  readonly importances: readonly FeatureImportance[];
  /** @default 20 */
  readonly top?: number;
  /** @default 'Feature importance' */
  readonly title?: string;
  /** Axis title. @default 'Importance' */
  readonly valueLabel?: string;
}

const WIDTH = 640;
const BAR = 22;
const MAX_NAME = 28;

function shorten(name: string): string {
  return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

/** Largest `top` features by |value|, biggest first; negative values extend left of zero. */
export function featureImportanceSvg(options: ImportancePlotOptions): string {
  const heading = options.title ?? 'Feature importance';
  const shown = [...options.importances]
    .filter((f) => Number.isFinite(f.value))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.name.localeCompare(b.name))
    .slice(0, options.top ?? 20);
  const left = 20 + 7 * Math.max(4, ...shown.map((f) => shorten(f.name).length));
  const height = Math.max(1, shown.length) * BAR;
  const min = Math.min(0, ...shown.map((f) => f.value));
  const max = Math.max(0, ...shown.map((f) => f.value));
  const span = max - min;
  const f = frame({
    box: { left, top: 45, width: WIDTH - left - 60, height },
    // Room beyond the longest bars for their value labels.
    xDomain: [min < 0 ? min - 0.15 * span : 0, max > 0 ? max + 0.15 * span : min < 0 ? 0 : 1],
    yDomain: [0, 1],
    xLabel: options.valueLabel ?? 'Importance',
    ticks: 5,
    yTicks: false,
  });
  const bars = shown.flatMap((feature, k) => {
    const y = f.top + k * BAR + 3;
    const x0 = f.x(Math.min(0, feature.value));
    const x1 = f.x(Math.max(0, feature.value));
    return [
      element({
        name: 'rect',
        attrs: {
          class: 'bar',
          x: x0,
          y,
          width: Math.max(0.5, x1 - x0),
          height: BAR - 6,
          fill: feature.value < 0 ? '#ff7f0e' : '#1f77b4',
        },
      }),
      text(shorten(feature.name), { x: f.left - 8, y: y + BAR / 2, 'text-anchor': 'end' }),
      text(Number(feature.value.toPrecision(3)).toString(), {
        x: feature.value < 0 ? x0 - 4 : x1 + 4,
        y: y + BAR / 2,
        'text-anchor': feature.value < 0 ? 'end' : 'start',
        'font-size': 10,
        fill: '#555555',
      }),
    ];
  });
  const zero = element({
    name: 'line',
    attrs: { x1: f.x(0), y1: f.top, x2: f.x(0), y2: f.bottom, stroke: '#333333' },
  });
  return svgDocument({
    width: WIDTH,
    height: height + 110,
    title: heading,
    children: [title(heading, { width: WIDTH }), ...f.decorations, zero, ...bars],
  });
}
