#!/usr/bin/env node
// The `champion` command: runs the compiled CLI (dist/main.js). In a checkout it first rebuilds
// dist/ when sources changed since `pnpm install` built it (see src/build-freshness.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
if (!existsSync(new URL('main.js', dist))) {
  process.stderr.write('champion is not built yet: run `pnpm install` (or `pnpm build`).\n');
  process.exit(1);
}
const { ensureFreshBuild } = await import(new URL('build-freshness.js', dist).href);
if (!ensureFreshBuild(fileURLToPath(new URL('../../../', import.meta.url)))) {
  process.stderr.write(
    'champion: the build failed (errors above); fix them or run `pnpm dev:champion`.\n',
  );
  process.exit(1);
}
await import(new URL('main.js', dist).href);
