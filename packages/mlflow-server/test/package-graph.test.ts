/**
 * The package graph of docs/architecture.md, checked on the code: each package's source imports
 * only the workspace packages it may (dependencies point one way), declares them in its
 * package.json, never reaches into another package's folder by a relative path, protobuf is
 * decoded only in @champion/onnx, and no source file grows past a size one can hold in mind.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '../src/index.js';

const root = findRepoRoot();
/** Lines a source file may have before it wants splitting where its story has steps. */
const MAX_SOURCE_LINES = 400;

/** What the two front ends (the CLI and the bench) may import: every library package. */
const EVERY_LIBRARY = [
  'mlflow-server',
  'mlflow-js-client',
  'tabular',
  'trainer',
  'runtime',
  'batch',
  'serving',
  'inference-store',
  'http-kit',
  'monitor',
  'control',
];

/** Workspace packages each package's `src` may import (by folder name under packages/). */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  'mlflow-js-client': [],
  'mlflow-server': [],
  tabular: [],
  onnx: [],
  trainer: ['tabular', 'onnx', 'mlflow-js-client'],
  // MLmodel is read with mlflow-js-client's parser (a generic MLflow library, no server calls).
  runtime: ['onnx', 'tabular', 'mlflow-js-client'],
  batch: ['runtime', 'tabular', 'onnx', 'mlflow-js-client'],
  // The inference store's record format is shared by its writer (serving) and reader (monitor).
  'inference-store': [],
  // The HTTP pieces serving and control share (API key, request id, errors, router, metrics).
  'http-kit': [],
  serving: ['runtime', 'tabular', 'mlflow-js-client', 'inference-store', 'http-kit'],
  monitor: ['inference-store', 'runtime', 'tabular', 'trainer', 'mlflow-js-client'],
  // Jobs run the CLI in child processes or pods; the service itself never imports the CLI.
  control: ['trainer', 'monitor', 'tabular', 'mlflow-js-client', 'http-kit'],
  cli: EVERY_LIBRARY,
  bench: EVERY_LIBRARY,
};

const folders = readdirSync(path.join(root, 'packages')).filter((name) =>
  statSync(path.join(root, 'packages', name, 'package.json'), { throwIfNoEntry: false }),
);
const nameToFolder = new Map(folders.map((folder) => [packageJson(folder).name, folder] as const));

function packageJson(folder: string): { name: string; dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(path.join(root, 'packages', folder, 'package.json'), 'utf8')) as {
    name: string;
    dependencies?: Record<string, string>;
  };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

function allTsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : allTsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] ?? '');
}

/** The workspace package folder a specifier names, if it names one. */
function workspaceFolder(specifier: string): string | undefined {
  const name = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : specifier.split('/')[0];
  return nameToFolder.get(name ?? '');
}

it('knows every package in packages/', () => {
  expect([...folders].sort()).toEqual(Object.keys(MAY_IMPORT).sort());
});

describe.each(folders)('packages/%s', (folder) => {
  const srcDir = path.join(root, 'packages', folder, 'src');
  const files = sourceFiles(srcDir);
  const imports = files.flatMap((file) =>
    specifiers(file).map((specifier) => ({ file: path.relative(root, file), specifier })),
  );

  it('imports only the packages it may, in one direction', () => {
    const allowed = new Set(MAY_IMPORT[folder] ?? []);
    const wrong = imports.filter(({ specifier }) => {
      const target = workspaceFolder(specifier);
      return target !== undefined && target !== folder && !allowed.has(target);
    });
    expect(wrong).toEqual([]);
  });

  it('declares in package.json each workspace package its source imports', () => {
    const declared = new Set(Object.keys(packageJson(folder).dependencies ?? {}));
    const used = new Set(
      imports.flatMap(({ specifier }) => {
        const target = workspaceFolder(specifier);
        return target === undefined || target === folder ? [] : [packageJson(target).name];
      }),
    );
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
  });

  it('never reaches into another package by a relative path', () => {
    const escaping = imports.filter(({ file, specifier }) => {
      if (!specifier.startsWith('.')) return false;
      const target = path.resolve(root, path.dirname(file), specifier);
      return !target.startsWith(path.join(root, 'packages', folder) + path.sep);
    });
    expect(escaping).toEqual([]);
  });

  it(`has no source file over ${MAX_SOURCE_LINES} lines`, () => {
    const long = files
      .map((file) => ({
        file: path.relative(root, file),
        lines: readFileSync(file, 'utf8').split('\n').length,
      }))
      .filter(({ lines }) => lines > MAX_SOURCE_LINES);
    expect(long).toEqual([]);
  });

  it("has no test that reaches into another package's files by a relative path", () => {
    const testFiles = ['src', 'test'].flatMap((sub) => {
      const dir = path.join(root, 'packages', folder, sub);
      return statSync(dir, { throwIfNoEntry: false }) ? allTsFiles(dir) : [];
    });
    const escaping = testFiles.flatMap((file) =>
      specifiers(file)
        .filter((specifier) => specifier.startsWith('.'))
        .filter((specifier) => {
          const target = path.resolve(path.dirname(file), specifier);
          return !target.startsWith(path.join(root, 'packages', folder) + path.sep);
        })
        .map((specifier) => ({ file: path.relative(root, file), specifier })),
    );
    expect(escaping).toEqual([]);
  });

  if (folder !== 'onnx') {
    it('decodes no protobuf (that is @champion/onnx)', () => {
      const decoding = files.filter((file) =>
        /\bwireType\b|\breadVarint\b|\bfieldsOf\(/.test(readFileSync(file, 'utf8')),
      );
      expect(decoding.map((file) => path.relative(root, file))).toEqual([]);
    });
  }
});
