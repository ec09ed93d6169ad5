import { dataCommand } from './data.js';
import { demoCommand } from './demo.js';
import { doctorCommand } from './doctor.js';
import { mlflowCommand } from './mlflow.js';
import { modelsCommand } from './models.js';
import { monitorCommand } from './monitor.js';
import { promoteCommand } from './promote.js';
import { scoreCommand } from './score.js';
import { serveCommand } from './serve.js';
import { trainCommand } from './train.js';
import type { CommandModule } from './types.js';

/** Every top-level command, in help order. A new command is one file plus one line here. */
export const commands: readonly CommandModule[] = [
  demoCommand,
  trainCommand,
  promoteCommand,
  doctorCommand,
  serveCommand,
  scoreCommand,
  monitorCommand,
  modelsCommand,
  dataCommand,
  mlflowCommand,
];

export type { CommandModule, GlobalOptions } from './types.js';
