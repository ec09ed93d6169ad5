/**
 * Code runs from typed module files (the style guide, rule 11): no `new Function`, no `eval`, no
 * worker started from source text anywhere in packages/*\/src. Worker threads start from module
 * files through startModuleWorker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const FORBIDDEN: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'new Function', pattern: /\bnew\s+Function\s*\(/ },
  { what: 'eval', pattern: /(?<![.\w])eval\s*\(/ },
  { what: 'a worker from source text', pattern: /\beval\s*:\s*true\b/ },
  { what: 'a worker from a string', pattern: /\bnew\s+Worker\s*\(\s*[`'"A-Z_]/ },
  { what: 'a lint exception for implied eval', pattern: /no-implied-eval/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('code runs from files', () => {
  it('has no new Function, eval or worker from source text in packages/*/src', () => {
    const root = process.cwd();
    const packages = join(root, 'packages');
    const files = readdirSync(packages).flatMap((name) => {
      try {
        return sourceFiles(join(packages, name, 'src'));
      } catch {
        return []; // a package without src/
      }
    });
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => {
      if (file === __filename) return [];
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter((f) => f.pattern.test(text)).map(
        (f) => `${relative(root, file)}: ${f.what}`,
      );
    });
    expect(found).toEqual([]);
  });
});
