/**
 * The CLI's names for what the packages call by their API option names, and which flag of each
 * command gives the file or port a message is about: messages shown to a CLI user name flags.
 */

/** API option spellings in package messages → the flag that does the same. */
export const API_TO_FLAG: readonly (readonly [RegExp, string])[] = [
  [/onBadRows: 'set-aside'/g, '--set-aside-bad-rows'],
];

/** The flag that names the input file, per command. */
export const DATA_FLAG: Readonly<Record<string, string>> = {
  train: '--data',
  promote: '--data',
  score: '--input',
  simulate: '--data',
};

/** The flag that sets the port a command listens on (champion's own service). */
export const SERVE_PORT_FLAG: Readonly<Record<string, string>> = {
  serve: '--port',
  demo: '--serve-port',
};

/** Commands whose `--port` is the MLflow server's. */
export const MLFLOW_PORT_COMMANDS: ReadonlySet<string> = new Set(['mlflow', 'demo']);
