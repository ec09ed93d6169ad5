import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportOnnx } from './export.js';
import { HAND_GBDT, HAND_LOGREG } from './test-helpers.js';

const python = process.env.CHAMPION_MLFLOW_PYTHON;
const OPTIONS = {
  threshold: 0.5,
  positiveLabel: 'yes',
  schemaDigest: 'd',
  producerVersion: '0.1.0',
};
const CHECK =
  'import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True); print("ok")';

// Needs a Python with the `onnx` package: set CHAMPION_MLFLOW_PYTHON to its interpreter.
(python === undefined ? describe.skip : describe)(
  'the official ONNX checker (CHAMPION_MLFLOW_PYTHON)',
  () => {
    test.each([
      ['GBDT', HAND_GBDT],
      ['logistic regression', HAND_LOGREG],
    ] as const)('accepts the exported %s model with full shape inference', (_kind, model) => {
      const dir = mkdtempSync(join(tmpdir(), 'champion-onnx-'));
      try {
        const file = join(dir, 'model.onnx');
        writeFileSync(file, exportOnnx(model, OPTIONS));
        const result = spawnSync(python ?? 'python3', ['-c', CHECK, file], { encoding: 'utf8' });
        expect(result.stderr).toBe('');
        expect(result.stdout.trim()).toBe('ok');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
