#!/usr/bin/env node
import { needsHeapLimit, rerunWithHeapLimit } from './heap.js';

process.exitCode = needsHeapLimit(process.argv, process.env, process.execArgv)
  ? await rerunWithHeapLimit(process.argv)
  : // The CLI proper is imported only here: a process that just restarts itself skips loading it.
    await (await import('./run.js')).runCli(process.argv);
