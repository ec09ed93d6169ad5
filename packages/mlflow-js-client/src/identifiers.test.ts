import {
  artifactPathProblem,
  identifierProblem,
  nameAsPathSegment,
  safeArtifactPath,
  validateIdentifier,
} from './identifiers.js';
import { isInside, resolveInside } from './local-paths.js';
import { modelVersionResponse } from './registry/schemas.js';
import { runInfoSchema } from './tracking/schemas.js';

describe('identifier rules', () => {
  it.each(['1', '42', '000123'])('accepts model version %j', (version) => {
    expect(identifierProblem('model version', version)).toBeUndefined();
  });

  it.each(['../../../../victim', '', '1/2', '1.0', ' 1', '-1', 'v1', '1\0', '..'])(
    'refuses model version %j, naming it',
    (version) => {
      expect(() => validateIdentifier('model version', version)).toThrow(
        `model version ${JSON.stringify(version)} is not valid`,
      );
    },
  );

  it.each(['0123456789abcdef0123456789abcdef', 'run_1-a'])('accepts run id %j', (id) => {
    expect(identifierProblem('run id', id)).toBeUndefined();
  });

  it.each(['../x', 'a/b', 'a\\b', '.hidden', '', 'a.b', `a${'b'.repeat(256)}`])(
    'refuses run id %j',
    (id) => {
      expect(identifierProblem('run id', id)).toMatch(/^run id .* is not valid/);
    },
  );

  it.each(['m-fedcba9876543210fedcba9876543210'])('accepts logged model id %j', (id) => {
    expect(identifierProblem('logged model id', id)).toBeUndefined();
  });

  it.each(['..', 'm-1/../../x', '%2e%2e'])('refuses logged model id %j', (id) => {
    expect(identifierProblem('logged model id', id)).toBeDefined();
  });

  it.each(['0', '123', 'abc_DEF-1'])('accepts experiment id %j', (id) => {
    expect(identifierProblem('experiment id', id)).toBeUndefined();
  });

  it.each(['../1', '1 ', `1${'0'.repeat(64)}`])('refuses experiment id %j', (id) => {
    expect(identifierProblem('experiment id', id)).toBeDefined();
  });

  it('shows a very long bad value cut, with its length', () => {
    const problem = identifierProblem('model version', 'x'.repeat(10_000)) ?? '';
    expect(problem.length).toBeLessThan(300);
    expect(problem).toContain('(10000 characters)');
  });
});

describe('artifact paths', () => {
  it.each([
    ['..data.csv', '..data.csv'],
    ['dir/..data.csv', 'dir/..data.csv'],
    ['...', '...'],
    ['a/./b//c', 'a/b/c'],
    ['', ''],
  ])('accepts %j as %j', (path, normalised) => {
    expect(safeArtifactPath(path, 'test')).toBe(normalised);
  });

  it.each([
    ['../x', "'..' segment"],
    ['a/../../x', "'..' segment"],
    ['..', "'..' segment"],
    ['/etc/passwd', 'absolute'],
    ['C:/x', 'drive letter'],
    ['a\\..\\x', 'backslash'],
    ['a\0b', 'NUL'],
  ])('refuses %j (%s)', (path, why) => {
    expect(artifactPathProblem(path)).toContain(why);
    expect(() => safeArtifactPath(path, 'download')).toThrow(JSON.stringify(path));
  });
});

describe('containment', () => {
  it('treats a child named ..data.csv as inside', () => {
    expect(isInside('/cache', '/cache/..data.csv')).toBe(true);
    expect(resolveInside({ root: '/cache', segments: ['..data.csv'], what: 't' })).toBe(
      '/cache/..data.csv',
    );
  });

  it.each([['..'], ['../x'], ['a/../../x'], ['/abs'], ['.']])(
    'refuses %j, which does not resolve strictly below the root',
    (segment) => {
      expect(() => resolveInside({ root: '/cache/v', segments: [segment], what: 'cache' })).toThrow(
        /outside|refused/,
      );
    },
  );

  it.each([
    ['..', '%2E.'],
    ['.', '%2E'],
    ['a/b', 'a%2Fb'],
    ['credit-default', 'credit-default'],
  ])('makes model name %j the folder name %j', (name, segment) => {
    expect(nameAsPathSegment(name)).toBe(segment);
  });
});

describe('response schemas', () => {
  it('refuse an alias answer whose version is a path, naming the value', () => {
    const result = modelVersionResponse.safeParse({
      model_version: { name: 'm', version: '../../../../victim' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['model_version', 'version']);
    expect(result.error?.issues[0]?.message).toContain('"../../../../victim"');
  });

  it('accept a version registered without a run (run_id "")', () => {
    const result = modelVersionResponse.safeParse({
      model_version: { name: 'm', version: '3', run_id: '' },
    });
    expect(result.success).toBe(true);
  });

  it('refuse a run whose id climbs out of a folder', () => {
    const result = runInfoSchema.safeParse({
      run_id: '../../x',
      experiment_id: '1',
      status: 'FINISHED',
      artifact_uri: 'mlflow-artifacts:/1/x/artifacts',
      lifecycle_stage: 'active',
    });
    expect(result.error?.issues[0]?.message).toContain('run id "../../x"');
  });
});
