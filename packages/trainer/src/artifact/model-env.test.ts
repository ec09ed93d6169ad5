import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_PIP_REQUIREMENTS, condaYaml } from './model-env.js';

function repoRoot(): string {
  let dir = process.cwd();
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) dir = join(dir, '..');
  return dir;
}

describe('model environment', () => {
  it('pins the same versions as the project conda.yaml', () => {
    const project = readFileSync(join(repoRoot(), 'conda.yaml'), 'utf8');
    for (const pin of MODEL_PIP_REQUIREMENTS) expect(project).toContain(`- ${pin}`);
  });

  it('lists every pin under pip in the logged conda.yaml', () => {
    const text = condaYaml();
    for (const pin of MODEL_PIP_REQUIREMENTS) expect(text).toContain(`  - ${pin}`);
  });
});
