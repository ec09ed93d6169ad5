/** Reliability diagram with the histogram of predictions underneath. */
import type { CalibrationBin } from '../metrics/calibration.js';
import { frame, title } from './frame.js';
import { element, polyline, svgDocument } from './svg.js';

const WIDTH = 480;
const HEIGHT = 620;

export interface CalibrationPlotOptions {
  readonly bins: readonly CalibrationBin[];
  /** @default 'Calibration' */
  readonly title?: string;
}

/** Observed positive rate against mean prediction per bin (one marker per bin), plus row counts per bin. */
export function calibrationSvg(options: CalibrationPlotOptions): string {
  const heading = options.title ?? 'Calibration';
  const { bins } = options;
  const top = frame({
    box: { left: 70, top: 45, width: 380, height: 340 },
    xDomain: [0, 1],
    yDomain: [0, 1],
    xLabel: 'Mean predicted probability',
    yLabel: 'Fraction of positives',
  });
  const maxWeight = Math.max(1, ...bins.map((b) => b.weight));
  const bottom = frame({
    box: { left: 70, top: 460, width: 380, height: 110 },
    xDomain: [0, 1],
    yDomain: [0, maxWeight],
    xLabel: 'Predicted probability',
    yLabel: 'Rows',
    ticks: 3,
  });
  const points = bins.map((b) => [top.x(b.meanPredicted), top.y(b.fractionPositive)] as const);
  const markers = points.map(([cx, cy]) =>
    element({
      name: 'circle',
      attrs: { class: 'bin', cx, cy, r: 4, fill: '#1f77b4', stroke: 'white' },
    }),
  );
  const bars = bins.map((b) =>
    element({
      name: 'rect',
      attrs: {
        class: 'bar',
        x: bottom.x(b.lower),
        y: bottom.y(b.weight),
        width: Math.max(1, bottom.x(b.upper) - bottom.x(b.lower) - 1),
        height: bottom.bottom - bottom.y(b.weight),
        fill: '#9ecae1',
      },
    }),
  );
  return svgDocument({
    width: WIDTH,
    height: HEIGHT,
    title: heading,
    children: [
      title(heading, { width: WIDTH }),
      ...top.decorations,
      element({
        name: 'line',
        attrs: {
          x1: top.x(0),
          y1: top.y(0),
          x2: top.x(1),
          y2: top.y(1),
          stroke: '#999999',
          'stroke-dasharray': '5,4',
        },
      }),
      polyline(points, { id: 'curve', stroke: '#1f77b4', 'stroke-width': 1.5 }),
      ...markers,
      ...bottom.decorations,
      ...bars,
    ],
  });
}
