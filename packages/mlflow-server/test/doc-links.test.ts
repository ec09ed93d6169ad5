/**
 * The project's documents link only to files inside the repository: a clone on its own must be
 * able to follow every relative link in README.md and docs/*.md. External links (http, https,
 * mailto) and in-page anchors are left alone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '../src/index.js';

const root = findRepoRoot();
const documents = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Relative link targets of a markdown text, without their `#anchor`. */
function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] ?? '');
  return targets
    .filter((t) => t !== '' && !t.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(t))
    .map((t) => t.split('#')[0] ?? t);
}

describe.each(documents)('%s', (doc) => {
  const links = relativeLinks(readFileSync(path.join(root, doc), 'utf8'));

  it('links only to files that exist inside the repository', () => {
    const broken = links.filter((link) => {
      const target = path.resolve(root, path.dirname(doc), link);
      const inside = !path.relative(root, target).startsWith('..');
      return !inside || !existsSync(target);
    });
    expect(broken).toEqual([]);
  });
});

it('README links to the architecture document', () => {
  expect(relativeLinks(readFileSync(path.join(root, 'README.md'), 'utf8'))).toContain(
    'docs/architecture.md',
  );
});
