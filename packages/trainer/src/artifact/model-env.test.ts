import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_PIP_REQUIREMENTS, condaYaml } from './model-env.js';
import { findRepoRoot } from '@champion/mlflow-server';

describe('model environment', () => {
  it('pins the same versions as the project conda.yaml', () => {
    const project = readFileSync(join(findRepoRoot(), 'conda.yaml'), 'utf8');
    for (const pin of MODEL_PIP_REQUIREMENTS) expect(project).toContain(`- ${pin}`);
  });

  it('lists every pin under pip in the logged conda.yaml', () => {
    const text = condaYaml();
    for (const pin of MODEL_PIP_REQUIREMENTS) expect(text).toContain(`  - ${pin}`);
  });
});
