/**
 * A Dockerfile read into build stages, enough for tests to check what an image will do (its
 * user, healthcheck, entrypoint, base image). Not a full parser: no heredocs, no escape
 * directive, no variable expansion.
 */

/** One instruction: its keyword upper-cased and its arguments as written. */
export interface DockerInstruction {
  readonly keyword: string;
  readonly args: string;
}

/** One `FROM` and the instructions up to the next. */
export interface DockerStage {
  /** The `FROM` arguments, e.g. `node:20-bookworm-slim AS build`. */
  readonly from: string;
  readonly instructions: readonly DockerInstruction[];
}

/** Joins `\` continuations and drops comments and blank lines, as Docker does. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const trimmed = raw.trim();
    // Comment lines are removed even inside a continuation.
    if (trimmed.startsWith('#') || (trimmed === '' && pending === '')) continue;
    const continued = trimmed.endsWith('\\');
    pending += (pending === '' ? '' : ' ') + (continued ? trimmed.slice(0, -1).trim() : trimmed);
    if (!continued) {
      lines.push(pending);
      pending = '';
    }
  }
  if (pending !== '') lines.push(pending);
  return lines;
}

/** The build stages of a Dockerfile, in order; `ARG`s before the first `FROM` are dropped. */
export function parseDockerfile(text: string): DockerStage[] {
  const stages: { from: string; instructions: DockerInstruction[] }[] = [];
  for (const line of logicalLines(text)) {
    const match = /^(\S+)\s*(.*)$/.exec(line);
    if (!match) continue;
    const keyword = (match[1] ?? '').toUpperCase();
    const args = match[2] ?? '';
    if (keyword === 'FROM') stages.push({ from: args, instructions: [] });
    else stages.at(-1)?.instructions.push({ keyword, args });
  }
  return stages;
}

/** The arguments of the last `keyword` instruction of a stage (the one Docker applies). */
export function lastInstruction(stage: DockerStage, keyword: string): string | undefined {
  return stage.instructions.filter((i) => i.keyword === keyword).at(-1)?.args;
}

/**
 * The variables a stage's `ENV` instructions set (`ENV A=1 B=2` form only), later ones winning,
 * as a container of that stage starts with them. Quoted values are refused rather than misread.
 */
export function stageEnv(stage: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { args } of stage.instructions.filter((i) => i.keyword === 'ENV')) {
    if (/["']/.test(args)) throw new Error(`ENV with quotes is not read by this helper: ${args}`);
    for (const pair of args.split(/\s+/).filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new Error(`ENV ${args}: expected NAME=value pairs`);
      env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return env;
}
