/**
 * How the CLI talks on stderr. At a terminal (stderr is a TTY) people read it: logs are plain
 * lines and a failure is a sentence or two. Anywhere else (pipes, CI, containers), or when asked
 * with `--json` or an explicit LOG_LEVEL, logs are JSON lines for machines.
 */
export type LogMode = 'human' | 'json';

export function logMode(options: {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stderrIsTTY: boolean;
}): LogMode {
  const args = options.argv.slice(2);
  const end = args.indexOf('--');
  const json = (end < 0 ? args : args.slice(0, end)).includes('--json');
  if (json || (options.env['LOG_LEVEL'] ?? '') !== '') return 'json';
  return options.stderrIsTTY ? 'human' : 'json';
}
