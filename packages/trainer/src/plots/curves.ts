/** ROC and precision-recall curve plots. */
import type { PrCurve, RocCurve } from '../metrics/ranking.js';
import { frame, thinIndices, title } from './frame.js';
import { element, polyline, svgDocument, text } from './svg.js';

const SIZE = 480;
const BOX = { left: 70, top: 45, width: 380, height: 370 };
const LINE = '#1f77b4';
const REFERENCE = '#999999';

export interface RocPlotOptions {
  readonly curve: RocCurve;
  /** Shown in the title. */
  readonly auc: number;
  /** @default 'ROC curve' */
  readonly title?: string;
  /** Curves with more points are thinned evenly (SVG size stays bounded). @default 500 */
  readonly maxPoints?: number;
}

/** ROC curve with the chance diagonal; the title carries the AUC. */
export function rocCurveSvg(options: RocPlotOptions): string {
  const { fpr, tpr } = options.curve;
  const heading = `${options.title ?? 'ROC curve'} (AUC = ${options.auc.toFixed(4)})`;
  const f = frame({
    box: BOX,
    xDomain: [0, 1],
    yDomain: [0, 1],
    xLabel: 'False positive rate',
    yLabel: 'True positive rate',
  });
  const points = thinIndices(fpr.length, options.maxPoints ?? 500).map(
    (k) => [f.x(fpr[k] ?? 0), f.y(tpr[k] ?? 0)] as const,
  );
  return svgDocument({
    width: SIZE,
    height: SIZE,
    title: heading,
    children: [
      title(heading, { width: SIZE }),
      ...f.decorations,
      element({
        name: 'line',
        attrs: {
          x1: f.x(0),
          y1: f.y(0),
          x2: f.x(1),
          y2: f.y(1),
          stroke: REFERENCE,
          'stroke-dasharray': '5,4',
        },
      }),
      polyline(points, { id: 'curve', stroke: LINE, 'stroke-width': 2 }),
    ],
  });
}

export interface PrPlotOptions {
  readonly curve: PrCurve;
  /** Shown in the title. */
  readonly averagePrecision: number;
  /** Share of positives, drawn as the no-skill baseline when given. */
  readonly positiveRate?: number;
  /** @default 'Precision-recall curve' */
  readonly title?: string;
  /** @default 500 */
  readonly maxPoints?: number;
}

/** Precision against recall; the title carries the average precision. */
export function prCurveSvg(options: PrPlotOptions): string {
  const { recall, precision } = options.curve;
  const heading = `${options.title ?? 'Precision-recall curve'} (AP = ${options.averagePrecision.toFixed(4)})`;
  const f = frame({
    box: BOX,
    xDomain: [0, 1],
    yDomain: [0, 1],
    xLabel: 'Recall',
    yLabel: 'Precision',
  });
  const points = thinIndices(recall.length, options.maxPoints ?? 500).map(
    (k) => [f.x(recall[k] ?? 0), f.y(precision[k] ?? 0)] as const,
  );
  const baseline =
    options.positiveRate === undefined
      ? []
      : [
          element({
            name: 'line',
            attrs: {
              x1: f.x(0),
              y1: f.y(options.positiveRate),
              x2: f.x(1),
              y2: f.y(options.positiveRate),
              stroke: REFERENCE,
              'stroke-dasharray': '5,4',
            },
          }),
          text(`positive rate ${options.positiveRate.toFixed(3)}`, {
            x: f.right - 4,
            y: f.y(options.positiveRate) - 6,
            'text-anchor': 'end',
            fill: '#666666',
          }),
        ];
  return svgDocument({
    width: SIZE,
    height: SIZE,
    title: heading,
    children: [
      title(heading, { width: SIZE }),
      ...f.decorations,
      ...baseline,
      polyline(points, { id: 'curve', stroke: LINE, 'stroke-width': 2 }),
    ],
  });
}
