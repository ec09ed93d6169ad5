import type { EncodedDataset, FeatureSpec } from '../../model/types.js';
import { TrainerError } from '../../errors.js';
import { predictProba } from './predict.js';
import { trainLogReg } from './train.js';

function dataset(features: FeatureSpec[], columns: number[][], labels: number[]): EncodedDataset {
  return {
    features,
    rowCount: labels.length,
    columns: columns.map((c) => Float32Array.from(c)),
    labels: Uint8Array.from(labels),
  };
}

const colour: FeatureSpec = { name: 'colour', kind: 'categorical', categories: ['red', 'blue'] };
const income: FeatureSpec = { name: 'income', kind: 'numeric' };

describe('trainLogReg', () => {
  it('fits the log-odds of the positive rate when the only feature is constant', () => {
    // 3 positives out of 4: intercept = ln(3/1); the constant column gets scale 1 and weight 0.
    const model = trainLogReg(dataset([income], [[5, 5, 5, 5]], [1, 1, 1, 0]));
    expect(model.intercept).toBeCloseTo(Math.log(3), 5);
    expect(model.numeric[0]).toMatchObject({ mean: 5, scale: 1, weight: 0 });
  });

  it('imputes missing numbers with the training mean and scales by the population std over all rows', () => {
    // Non-missing values 1 and 3: mean 2; imputed row adds no deviation: std = sqrt((1 + 1 + 0) / 3).
    const model = trainLogReg(dataset([income], [[1, 3, NaN]], [0, 1, 1]));
    expect(model.numeric[0]?.impute).toBe(2);
    expect(model.numeric[0]?.mean).toBe(2);
    expect(model.numeric[0]?.scale).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });

  it('predicts each category at its own positive rate when regularisation is negligible', () => {
    // red: 3 of 4 positive, blue: 1 of 4 positive.
    const data = dataset([colour], [[0, 0, 0, 0, 1, 1, 1, 1]], [1, 1, 1, 0, 1, 0, 0, 0]);
    const model = trainLogReg(data, { params: { C: 1e6 } });
    const p = predictProba(model, data);
    expect(p[0]).toBeCloseTo(0.75, 4);
    expect(p[4]).toBeCloseTo(0.25, 4);
  });

  it('learns a weight for missing categories and applies it to unseen codes too', () => {
    // Missing rows: 2 of 2 positive vs red 1 of 3, blue 1 of 3.
    const data = dataset([colour], [[0, 0, 0, 1, 1, 1, NaN, NaN]], [1, 0, 0, 1, 0, 0, 1, 1]);
    const model = trainLogReg(data);
    const missingWeight = model.categorical[0]?.missingWeight ?? 0;
    expect(missingWeight).toBeGreaterThan(model.categorical[0]?.weights[0] ?? Infinity);
    const p = predictProba(model, { rowCount: 2, columns: [Float32Array.from([NaN, 7])] });
    expect(p[1]).toBe(p[0]);
    expect(p[0]).toBeGreaterThan(0.5);
  });

  it('gives missing categories weight 0 when training had none', () => {
    const model = trainLogReg(dataset([colour], [[0, 0, 1, 1]], [1, 0, 0, 0]));
    expect(model.categorical[0]?.missingWeight).toBe(0);
  });

  it('matches the positive rate on average over training rows (the intercept is not penalised)', () => {
    const x = Array.from({ length: 40 }, (_, i) => (i * 7) % 13);
    const y = x.map((v, i) => (v + (i % 3) > 7 ? 1 : 0));
    const data = dataset([income], [x], y);
    const p = predictProba(trainLogReg(data, { params: { C: 0.01 } }), data);
    const meanP = p.reduce((s, v) => s + v, 0) / p.length;
    expect(meanP).toBeCloseTo(y.reduce((s: number, v) => s + v, 0) / y.length, 6);
  });

  it('shrinks weights more when C is smaller', () => {
    const data = dataset([income], [[1, 2, 3, 4, 5, 6]], [0, 0, 1, 0, 1, 1]);
    const strong = trainLogReg(data, { params: { C: 0.01 } }).numeric[0]?.weight ?? 0;
    const weak = trainLogReg(data, { params: { C: 100 } }).numeric[0]?.weight ?? 0;
    expect(Math.abs(strong)).toBeLessThan(Math.abs(weak));
  });

  it("with class_weight 'balanced' weighs the classes equally", () => {
    // 3 positives, 1 negative: weights 4/(2*3) and 4/(2*1) make both classes weigh 2 -> intercept 0.
    const model = trainLogReg(dataset([income], [[5, 5, 5, 5]], [1, 1, 1, 0]), {
      params: { class_weight: 'balanced' },
    });
    expect(model.intercept).toBeCloseTo(0, 6);
  });

  it('treats a row weight of 2 like the row appearing twice', () => {
    const x = [1, 2, 3, 4, 5];
    const y = [0, 1, 0, 1, 1];
    const weighted = trainLogReg({
      ...dataset([income], [x], y),
      weights: Float32Array.from([1, 2, 1, 1, 1]),
    });
    const duplicated = trainLogReg(dataset([income], [[...x, 2]], [...y, 1]));
    expect(weighted.intercept).toBeCloseTo(duplicated.intercept, 5);
    expect(weighted.numeric[0]?.weight).toBeCloseTo(duplicated.numeric[0]?.weight ?? NaN, 5);
  });

  it('records the parameters it was trained with, defaults included', () => {
    const model = trainLogReg(dataset([income], [[1, 2, 3, 4]], [0, 1, 0, 1]), {
      params: { C: 0.5 },
    });
    expect(model.params).toEqual({ C: 0.5, max_iter: 200, tol: 1e-6, class_weight: 'none' });
  });

  it('gives the same model every time', () => {
    const data = dataset(
      [income, colour],
      [
        [1, 2, NaN, 4, 5, 6],
        [0, 1, 1, NaN, 0, 1],
      ],
      [0, 1, 0, 1, 1, 0],
    );
    expect(trainLogReg(data)).toEqual(trainLogReg(data));
  });

  it('rejects invalid parameters naming the field', () => {
    const data = dataset([income], [[1, 2]], [0, 1]);
    expect(() => trainLogReg(data, { params: { C: -1 } })).toThrow(/C:/);
    expect(() => trainLogReg(data, { params: { C: -1 } })).toThrow(TrainerError);
  });

  it('refuses training data with a single class', () => {
    const data = dataset([income], [[1, 2]], [1, 1]);
    let error: unknown;
    try {
      trainLogReg(data);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'DATA',
      message: expect.stringMatching(/only positive labels/),
    });
  });

  it('refuses category codes outside the feature categories', () => {
    const data = dataset([colour], [[0, 2]], [0, 1]);
    expect(() => trainLogReg(data)).toThrow(/code 2 at row 1/);
  });

  it('warns through the logger when it stops before converging', () => {
    const warn = jest.fn();
    const logger = { debug: jest.fn(), info: jest.fn(), warn, error: jest.fn() };
    const x = Array.from({ length: 30 }, (_, i) => i);
    const data = dataset(
      [income],
      [x],
      x.map((v) => (v % 4 === 0 ? 1 : 0)),
    );
    trainLogReg(data, { params: { max_iter: 1 }, logger });
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('max_iter'),
      expect.objectContaining({ iterations: 1 }),
    );
  });
});
