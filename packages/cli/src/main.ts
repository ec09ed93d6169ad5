#!/usr/bin/env node
import { needsHeapLimit, rerunWithHeapLimit } from './heap.js';
import { runCli } from './run.js';

process.exitCode = needsHeapLimit(process.argv, process.env, process.execArgv)
  ? await rerunWithHeapLimit(process.argv)
  : await runCli(process.argv);
