/**
 * THE translation from an error to what a person at a terminal reads: one or two plain sentences
 * naming the file, column, row, flag or URL and what to do next, in the CLI's own flag names.
 * Every command's failure goes through here (run.ts); `--json` and non-terminals keep the
 * structured log line instead.
 */
import { isMlflowServerError } from '@champion/mlflow-server';
import { TabularError } from '@champion/tabular';
import { MlflowError } from 'mlflow-js-client';
import { API_TO_FLAG, DATA_FLAG, MLFLOW_PORT_COMMANDS, SERVE_PORT_FLAG } from './flags.js';

/** Where the failure happened: the command (first word after `champion`) and the directory. */
export interface ErrorContext {
  readonly command: string | undefined;
  readonly cwd: string;
}

/** Package messages with API option names replaced by the CLI's flags. */
export function withCliFlags(message: string): string {
  return API_TO_FLAG.reduce((text, [api, flag]) => text.replace(api, flag), message);
}

function errnoCode(err: unknown): string | undefined {
  const code = err instanceof Error && 'code' in err ? err.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function portInUse(port: string, context: ErrorContext): string {
  const flag = SERVE_PORT_FLAG[context.command ?? ''] ?? '--port';
  return `port ${port} is in use: stop the other process or pass ${flag} N.`;
}

function parseUrl(url: string | undefined): URL | undefined {
  try {
    return url === undefined ? undefined : new URL(url);
  } catch {
    return undefined;
  }
}

/** MLflow answered (or did not): say which server and what it lacks, not the REST URL. */
function mlflowSentence(err: MlflowError): string {
  const [, url] = (err.endpoint ?? '').split(' ');
  const parsed = parseUrl(url);
  const at = parsed ? `MLflow at ${parsed.origin}` : 'MLflow';
  const name = parsed?.searchParams.get('name');
  const said = err.message.replace(/^\S+ \S+ failed with \S+ \(HTTP \d+\): /, '');
  if (err.code === 'UNAVAILABLE' || err.code === 'TIMEOUT') {
    return `${at} does not answer: start it (\`champion mlflow up\`) or set MLFLOW_TRACKING_URI to a running server.`;
  }
  if (err.code === 'RESOURCE_DOES_NOT_EXIST' && name) {
    if (/registered model/i.test(said)) {
      return `${at} has no registered model '${name}': see the names with \`champion models list\`, or check --name / --model.`;
    }
    const alias = parsed?.searchParams.get('alias');
    if (alias) {
      return `model '${name}' has no alias @${alias} in ${at}: see its versions and aliases with \`champion models show ${name}\`.`;
    }
    return `${at} has no such version of '${name}' (${said}): see \`champion models show ${name}\`.`;
  }
  if (err.code === 'UNAUTHENTICATED' || err.code === 'PERMISSION_DENIED') {
    return `${at} refused the credentials (${said}): check MLFLOW_TRACKING_USERNAME/PASSWORD or MLFLOW_TRACKING_TOKEN.`;
  }
  return `${at} answered ${err.code}: ${said}`;
}

/** The sentence(s) for `err`. */
export function explainError(err: unknown, context: ErrorContext): string {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof MlflowError) return mlflowSentence(err);
  if (err instanceof TabularError && err.code === 'FILE_NOT_FOUND') {
    const flag = DATA_FLAG[context.command ?? ''];
    return `${message} (looked in ${context.cwd})${flag ? `: check the ${flag} path` : ''}.`;
  }
  if (errnoCode(err) === 'EADDRINUSE') {
    const port = 'port' in (err as object) ? String((err as { port: unknown }).port) : '?';
    return portInUse(port, context);
  }
  if (isMlflowServerError(err, 'PORT_IN_USE') && !MLFLOW_PORT_COMMANDS.has(context.command ?? '')) {
    const port = /Port (\d+)/.exec(message)?.[1] ?? '5000';
    return `port ${port}, where champion starts its embedded MLflow, is taken by something that is not MLflow: stop it, or set MLFLOW_TRACKING_URI to your MLflow server.`;
  }
  return withCliFlags(message);
}
