/** 2x2 confusion-matrix heatmap with counts and shares. */
import type { ConfusionMatrix } from '../metrics/confusion.js';
import { title } from './frame.js';
import { element, svgDocument, text } from './svg.js';

export interface ConfusionPlotOptions {
  readonly matrix: ConfusionMatrix;
  /** Shown in the title when given. */
  readonly threshold?: number;
  /** Class names for the axes. @default ['negative', 'positive'] */
  readonly classNames?: readonly [string, string];
  /** @default 'Confusion matrix' */
  readonly title?: string;
}

const WIDTH = 440;
const HEIGHT = 420;
const CELL = 140;
const LEFT = 130;
const TOP = 90;

function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Blends white into a blue by `t` in [0, 1]. */
function shade(t: number): string {
  const mix = (a: number, b: number): number => Math.round(a + (b - a) * t);
  return `rgb(${mix(247, 8)},${mix(251, 81)},${mix(255, 156)})`;
}

/** Rows are the actual class, columns the predicted one. */
export function confusionMatrixSvg(options: ConfusionPlotOptions): string {
  const { matrix } = options;
  const [negative, positive] = options.classNames ?? ['negative', 'positive'];
  const heading =
    (options.title ?? 'Confusion matrix') +
    (options.threshold === undefined
      ? ''
      : ` (threshold = ${Number(options.threshold.toPrecision(4))})`);
  const cells = [
    [matrix.trueNegative, matrix.falsePositive],
    [matrix.falseNegative, matrix.truePositive],
  ] as const;
  const total =
    matrix.trueNegative + matrix.falsePositive + matrix.falseNegative + matrix.truePositive;
  const max = Math.max(1e-12, ...cells.flat());
  const out: string[] = [title(heading, { width: WIDTH })];
  cells.forEach((row, r) =>
    row.forEach((value, c) => {
      const x = LEFT + c * CELL;
      const y = TOP + r * CELL;
      const t = value / max;
      out.push(
        element({
          name: 'rect',
          attrs: {
            class: 'cell',
            x,
            y,
            width: CELL,
            height: CELL,
            fill: shade(t),
            stroke: 'white',
          },
        }),
      );
      const colour = t > 0.5 ? 'white' : '#222222';
      out.push(
        text(formatCount(value), {
          x: x + CELL / 2,
          y: y + CELL / 2,
          'text-anchor': 'middle',
          'font-size': 22,
          fill: colour,
        }),
      );
      const share = total > 0 ? `${((100 * value) / total).toFixed(1)}%` : '';
      out.push(
        text(share, {
          x: x + CELL / 2,
          y: y + CELL / 2 + 22,
          'text-anchor': 'middle',
          fill: colour,
        }),
      );
    }),
  );
  [negative, positive].forEach((name, k) => {
    out.push(text(name, { x: LEFT + k * CELL + CELL / 2, y: TOP - 10, 'text-anchor': 'middle' }));
    out.push(text(name, { x: LEFT - 10, y: TOP + k * CELL + CELL / 2 + 4, 'text-anchor': 'end' }));
  });
  out.push(
    text('Predicted', {
      x: LEFT + CELL,
      y: TOP - 34,
      'text-anchor': 'middle',
      'font-size': 13,
      'font-weight': 'bold',
    }),
  );
  const cy = TOP + CELL;
  out.push(
    text('Actual', {
      x: 40,
      y: cy,
      'text-anchor': 'middle',
      'font-size': 13,
      'font-weight': 'bold',
      transform: `rotate(-90 40 ${cy})`,
    }),
  );
  return svgDocument({ width: WIDTH, height: HEIGHT, title: heading, children: out });
}
