// Tests run against `src` through module mapping, so nothing needs a build first.
// Unit tests: `*.test.ts`. Integration tests (a real MLflow server, real onnxruntime):
// `*.integration.test.ts`, sharing one server started by jest/global-setup.ts.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^mlflow-js-client$': '<rootDir>/packages/mlflow-js-client/src/index.ts',
    '^mlflow-js-client/test-support$':
      '<rootDir>/packages/mlflow-js-client/src/test-support/index.ts',
    '^@champion/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^@champion/([a-z-]+)/([a-z-]+)$': '<rootDir>/packages/$1/src/$2/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/packages/.*/dist/'],
  // onnxruntime-node creates typed arrays in the main realm: see jest/realm.ts.
  setupFiles: ['<rootDir>/jest/realm.ts'],
};

/** @type {import('jest').Config} */
export default {
  // A project-level testTimeout is ignored by jest; integration tests need minutes.
  testTimeout: 180000,
  // A test that leaves a child process or socket open must not hold the run past its end (a CI
  // run once waited out its whole budget after "Jest did not exit"): tests still close what
  // they open; this is the backstop.
  forceExit: true,
  reporters: ['default', '<rootDir>/jest/summary-reporter.cjs'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/packages/*/src/**/*.test.ts',
        '<rootDir>/packages/*/test/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['\\.integration\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/packages/*/src/**/*.integration.test.ts',
        '<rootDir>/packages/*/test/**/*.integration.test.ts',
      ],
      globalSetup: '<rootDir>/jest/global-setup.ts',
      globalTeardown: '<rootDir>/jest/global-teardown.ts',
    },
  ],
};
