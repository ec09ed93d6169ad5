import { XMLValidator } from 'fast-xml-parser';

import { calibrationSvg } from './calibration.js';
import { confusionMatrixSvg } from './confusion.js';
import { prCurveSvg, rocCurveSvg } from './curves.js';
import { featureImportanceSvg } from './importance.js';

function expectValidSvg(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
}

function curvePointCount(svg: string): number {
  const match = /<polyline points="([^"]*)"[^>]*id="curve"/.exec(svg);
  return match?.[1]?.split(' ').length ?? 0;
}

const count = (svg: string, pattern: RegExp): number => svg.match(pattern)?.length ?? 0;

const roc = {
  fpr: Float64Array.from([0, 0, 0.5, 0.5, 1, 1]),
  tpr: Float64Array.from([0, 1 / 3, 1 / 3, 2 / 3, 2 / 3, 1]),
  thresholds: Float64Array.from([Infinity, 0.9, 0.8, 0.7, 0.3, 0.2]),
};

describe('rocCurveSvg', () => {
  it('draws one point per curve point with the AUC in the title and labelled axes', () => {
    const svg = rocCurveSvg({ curve: roc, auc: 0.5 });
    expectValidSvg(svg);
    expect(svg).toContain('ROC curve (AUC = 0.5000)');
    expect(svg).toContain('False positive rate');
    expect(svg).toContain('True positive rate');
    expect(curvePointCount(svg)).toBe(6);
  });

  it('thins long curves to at most maxPoints', () => {
    const n = 5000;
    const fpr = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    const svg = rocCurveSvg({
      curve: { fpr, tpr: fpr, thresholds: fpr },
      auc: 0.5,
      maxPoints: 200,
    });
    expect(curvePointCount(svg)).toBe(200);
  });

  it('escapes markup in a custom title', () => {
    const svg = rocCurveSvg({ curve: roc, auc: 0.5, title: 'Model <A & B>' });
    expectValidSvg(svg);
    expect(svg).toContain('Model &lt;A &amp; B&gt;');
  });
});

describe('prCurveSvg', () => {
  it('draws the curve, the average precision and the positive-rate baseline', () => {
    const curve = {
      recall: Float64Array.from([0, 1 / 3, 1 / 3, 2 / 3, 2 / 3, 1]),
      precision: Float64Array.from([1, 1, 0.5, 2 / 3, 0.5, 0.6]),
      thresholds: roc.thresholds,
    };
    const svg = prCurveSvg({ curve, averagePrecision: 34 / 45, positiveRate: 0.6 });
    expectValidSvg(svg);
    expect(svg).toContain('(AP = 0.7556)');
    expect(svg).toContain('>Recall<');
    expect(svg).toContain('>Precision<');
    expect(svg).toContain('positive rate 0.600');
    expect(curvePointCount(svg)).toBe(6);
  });
});

describe('calibrationSvg', () => {
  it('draws one marker and one histogram bar per bin', () => {
    const bins = [
      { lower: 0, upper: 0.1, meanPredicted: 0.05, fractionPositive: 0, weight: 10 },
      { lower: 0.1, upper: 0.2, meanPredicted: 0.14, fractionPositive: 0.2, weight: 5 },
      { lower: 0.9, upper: 1, meanPredicted: 0.95, fractionPositive: 1, weight: 2 },
    ];
    const svg = calibrationSvg({ bins });
    expectValidSvg(svg);
    expect(svg).toContain('Mean predicted probability');
    expect(svg).toContain('Fraction of positives');
    expect(count(svg, /<circle class="bin"/g)).toBe(3);
    expect(count(svg, /<rect class="bar"/g)).toBe(3);
  });
});

describe('confusionMatrixSvg', () => {
  it('shows four cells with their counts, the class names and the threshold', () => {
    const svg = confusionMatrixSvg({
      matrix: { truePositive: 830, falsePositive: 642, trueNegative: 5199, falseNegative: 829 },
      threshold: 0.2887,
      classNames: ['good', 'bad'],
    });
    expectValidSvg(svg);
    expect(count(svg, /<rect class="cell"/g)).toBe(4);
    for (const label of [
      '>830<',
      '>642<',
      '>5199<',
      '>829<',
      '>good<',
      '>bad<',
      '>Predicted<',
      '>Actual<',
    ]) {
      expect(svg).toContain(label);
    }
    expect(svg).toContain('threshold = 0.2887');
  });
});

describe('featureImportanceSvg', () => {
  const importances = Array.from({ length: 30 }, (_, i) => ({
    name: `f${i}`,
    value: (i % 2 === 0 ? 1 : -1) * i,
  }));

  it('draws the top 20 features by absolute value, largest first', () => {
    const svg = featureImportanceSvg({ importances });
    expectValidSvg(svg);
    expect(count(svg, /<rect class="bar"/g)).toBe(20);
    expect(svg.indexOf('>f29<')).toBeLessThan(svg.indexOf('>f28<'));
    expect(svg).not.toContain('>f9<');
    expect(svg).toContain('Feature importance');
  });

  it('honours a smaller top and escapes feature names', () => {
    const svg = featureImportanceSvg({
      importances: [{ name: 'a<b', value: 2 }, ...importances],
      top: 3,
    });
    expectValidSvg(svg);
    expect(count(svg, /<rect class="bar"/g)).toBe(3);
  });
});
