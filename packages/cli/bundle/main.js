#!/usr/bin/env node
import { createRequire as __cr } from 'module';
const require = __cr(import.meta.url);
import './chunk-VCLZF4OS.js';
import { spawn as m } from 'node:child_process';
import { constants as f } from 'node:os';
var d = 256,
  c = /--max-old-space-size|--max_old_space_size/;
function a(i, r, n) {
  let e = i.slice(2),
    s = e.indexOf('--');
  return (s < 0 ? e : e.slice(0, s)).find((o) => !o.startsWith('-')) !== 'score' ||
    r.CHAMPION_HEAP_LIMITED === '1'
    ? !1
    : !n.some((o) => c.test(o)) && !c.test(r.NODE_OPTIONS ?? '');
}
function p(i) {
  return new Promise((r, n) => {
    let e = m(process.execPath, [...process.execArgv, `--max-old-space-size=${d}`, ...i.slice(1)], {
        stdio: 'inherit',
        env: { ...process.env, CHAMPION_HEAP_LIMITED: '1' },
      }),
      s = (t) => {
        e.kill(t);
      };
    (process.on('SIGTERM', s),
      process.on('SIGINT', s),
      e.on('error', n),
      e.on('exit', (t, o) => {
        (process.off('SIGTERM', s),
          process.off('SIGINT', s),
          r(t ?? (o === null ? 1 : 128 + f.signals[o])));
      }));
  });
}
process.exitCode = a(process.argv, process.env, process.execArgv)
  ? await p(process.argv)
  : await (await import('./run-VZPJLAQG.js')).runCli(process.argv);
