import { controlCommand } from './control.js';
import { dataCommand } from './data.js';
import { demoCommand } from './demo.js';
import { doctorCommand } from './doctor.js';
import { fairnessCommand } from './fairness.js';
import { mlflowCommand } from './mlflow.js';
import { modelsCommand } from './models.js';
import { monitorDriftCommand } from './monitor-drift.js';
import { monitorLabelsCommand } from './monitor-labels.js';
import { monitorRunCommand } from './monitor-run.js';
import { promoteCommand } from './promote.js';
import { rollbackCommand } from './rollback.js';
import { scoreCommand } from './score.js';
import { serveCommand } from './serve.js';
import { simulateCommand } from './simulate.js';
import { trainCommand } from './train.js';
import type { CommandModule } from './types.js';

/** Every top-level command, in help order. A new command is one file plus one line here. */
export const commands: readonly CommandModule[] = [
  demoCommand,
  trainCommand,
  promoteCommand,
  rollbackCommand,
  doctorCommand,
  serveCommand,
  controlCommand,
  scoreCommand,
  fairnessCommand,
  monitorRunCommand,
  monitorDriftCommand,
  monitorLabelsCommand,
  simulateCommand,
  modelsCommand,
  dataCommand,
  mlflowCommand,
];

export type { CommandModule, GlobalOptions } from './types.js';
