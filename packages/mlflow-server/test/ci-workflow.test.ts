/**
 * The GitHub workflows (.github/workflows/*.yml) checked for their supply chain: actions pinned
 * by commit SHA (one version each), images by digest, a dependency audit that can fail the run
 * and block the images, and least-privilege token permissions. The files cannot run here; this
 * reads them as GitHub would parse them (YAML) plus the raw `uses:` lines, whose comments YAML
 * drops. `.ci/validate-deploy` additionally runs actionlint on them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { findRepoRoot } from '../src/index.js';
import { isPinnedImage, parseUse, unpinnedUses } from './pins.js';

const root = findRepoRoot();
const DIR = '.github/workflows';

type Step = { uses?: string; run?: string; 'continue-on-error'?: boolean | string };
type Job = {
  needs?: string | string[];
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  permissions?: Record<string, string> | string;
  services?: Record<string, { image?: string }>;
  container?: string | { image?: string };
  steps?: Step[];
  'continue-on-error'?: boolean | string;
};
type Workflow = { permissions?: Record<string, string> | string; jobs: Record<string, Job> };

const files = readdirSync(path.join(root, DIR)).filter((f) => /\.ya?ml$/.test(f));
const texts = new Map(files.map((f) => [f, readFileSync(path.join(root, DIR, f), 'utf8')]));
const workflows = new Map([...texts].map(([f, text]) => [f, parse(text) as Workflow]));
const jobs = [...workflows].flatMap(([file, wf]) =>
  Object.entries(wf.jobs).map(([name, job]) => ({ file, name, job })),
);
const needsOf = (job: Job): string[] =>
  job.needs === undefined ? [] : typeof job.needs === 'string' ? [job.needs] : job.needs;

/** A step that runs `pnpm audit` at a level that fails the step, without swallowing the failure. */
function isBlockingAudit(step: Step): boolean {
  const run = step.run ?? '';
  return (
    /\bpnpm audit\b.*--audit-level[= ](high|critical)\b/.test(run) &&
    !/\|\|\s*(true|:|exit 0)/.test(run) &&
    step['continue-on-error'] !== true
  );
}

describe(DIR, () => {
  test('holds the CI workflow', () => {
    expect(files).toContain('ci.yml');
  });

  test('pins every action to a full commit SHA with its release tag in a comment', () => {
    for (const [file, text] of texts) {
      expect({ file, unpinned: unpinnedUses(text) }).toEqual({ file, unpinned: [] });
    }
  });

  test('is checked by a rule that refuses a tag, a branch, a short SHA or a SHA without its tag', () => {
    const sha = 'fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09';
    for (const bad of [
      '      - uses: actions/checkout@v4',
      '      - uses: actions/checkout@main',
      '        uses: actions/checkout@fbc6f39 # v5.1.0',
      `      - uses: actions/checkout@${sha}`,
    ]) {
      expect(unpinnedUses(bad)).toHaveLength(1);
    }
    expect(unpinnedUses(`      - uses: actions/checkout@${sha} # v5.1.0`)).toEqual([]);
    expect(unpinnedUses('      - uses: ./.github/actions/setup')).toEqual([]);
  });

  test('uses one version of each action across the workflow files', () => {
    const versions = new Map<string, Set<string>>();
    for (const text of texts.values()) {
      for (const line of text.split('\n')) {
        const use = parseUse(line);
        if (!use) continue;
        versions.set(
          use.action,
          (versions.get(use.action) ?? new Set()).add(`${use.ref} ${use.tag}`),
        );
      }
    }
    expect(versions.size).toBeGreaterThan(0);
    for (const [action, seen] of versions) {
      expect({ action, versions: [...seen] }).toEqual({ action, versions: [[...seen][0]] });
    }
  });

  test('pins every service and job container image by digest, with its tag', () => {
    const images = jobs.flatMap(({ file, name, job }) => [
      ...Object.values(job.services ?? {}).map((s) => ({ file, name, image: s.image ?? '' })),
      ...(job.container === undefined
        ? []
        : [
            {
              file,
              name,
              image:
                typeof job.container === 'string' ? job.container : (job.container.image ?? ''),
            },
          ]),
    ]);
    expect(images.length).toBeGreaterThan(0);
    for (const { file, name, image } of images) {
      expect({ file, name, image, pinned: isPinnedImage(image) }).toEqual({
        file,
        name,
        image,
        pinned: true,
      });
    }
  });

  test('audits the locked dependencies and fails on a high or critical advisory', () => {
    const audits = jobs.filter(({ job }) => (job.steps ?? []).some(isBlockingAudit));
    expect(audits.map(({ name }) => name)).toEqual(['audit']);
    expect(audits[0]?.job['continue-on-error']).not.toBe(true);
  });

  test('is checked by an audit rule that refuses a swallowed or low-bar audit', () => {
    expect(isBlockingAudit({ run: 'pnpm audit --audit-level high' })).toBe(true);
    expect(isBlockingAudit({ run: 'pnpm audit --audit-level high || true' })).toBe(false);
    expect(isBlockingAudit({ run: 'pnpm audit' })).toBe(false);
    expect(
      isBlockingAudit({ run: 'pnpm audit --audit-level high', 'continue-on-error': true }),
    ).toBe(false);
  });

  test('builds and pushes the images only after the tests and the audit pass', () => {
    const pushing = jobs.filter(({ job }) =>
      (job.steps ?? []).some((s) => (s.uses ?? '').startsWith('docker/build-push-action@')),
    );
    expect(pushing.length).toBeGreaterThan(0);
    for (const { name, job } of pushing) {
      expect({ name, needs: needsOf(job) }).toEqual({
        name,
        needs: expect.arrayContaining(['check', 'audit']) as unknown,
      });
    }
  });

  test('smoke-tests the images it pushed, by digest, then runs docker compose on them', () => {
    const byName = new Map(jobs.map(({ name, job }) => [name, job]));
    const image = byName.get('image');
    const smoke = byName.get('smoke');
    expect(image?.outputs).toEqual({
      champion: expect.stringMatching(/@\$\{\{ steps\.build\.outputs\.digest \}\}$/) as unknown,
      mlflow: expect.stringMatching(
        /@\$\{\{ steps\.build-mlflow\.outputs\.digest \}\}$/,
      ) as unknown,
    });
    expect(needsOf(smoke ?? {})).toEqual(['image']);
    expect(smoke?.env).toEqual({
      CHAMPION_IMAGE: '${{ needs.image.outputs.champion }}',
      MLFLOW_IMAGE: '${{ needs.image.outputs.mlflow }}',
    });
    const runs = (smoke?.steps ?? []).map((step) => step.run ?? '');
    for (const script of ['.ci/smoke-images', '.ci/compose-e2e']) {
      expect(runs).toContain(`${script} "$CHAMPION_IMAGE" "$MLFLOW_IMAGE"`);
      expect(statSync(path.join(root, script)).mode & 0o111).not.toBe(0);
    }
  });

  test('grants the token nothing by default and each job only what it needs', () => {
    for (const [file, wf] of workflows) {
      expect({ file, permissions: wf.permissions }).toEqual({ file, permissions: {} });
    }
    for (const { file, name, job } of jobs) {
      const permissions = job.permissions;
      expect({ file, name, declared: typeof permissions === 'object' }).toEqual({
        file,
        name,
        declared: true,
      });
      const granted = typeof permissions === 'object' ? permissions : {};
      const writes = Object.entries(granted).filter(([, level]) => level === 'write');
      const pushes = (job.steps ?? []).some((s) =>
        (s.uses ?? '').startsWith('docker/build-push-action@'),
      );
      // Only a job that builds and pushes images may write, and only packages (the smoke job
      // logs in to pull: read).
      expect({ name, writes }).toEqual({ name, writes: pushes ? [['packages', 'write']] : [] });
    }
  });
});
