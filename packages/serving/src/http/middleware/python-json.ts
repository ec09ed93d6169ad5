/**
 * The JSON body parser of /invocations. MLflow's clients (`ScoringServerClient.invoke`,
 * `mlflow.deployments`) serialise a pandas frame with Python's `json.dumps`, which writes a
 * missing number as the bare token `NaN` (and infinities as `Infinity`): not JSON, but what
 * `mlflow models serve` reads (Python's `json.loads`), and what any `pd.read_csv` frame with an
 * empty cell sends. The body is parsed strictly first; only a body that fails and holds one of
 * those tokens outside a string is read again with `NaN` as null (a missing value, as pandas
 * meant it) and `±Infinity` as ±1e999 (JSON.parse makes that ±Infinity, which validation then
 * refuses as out of range, naming the field).
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { MALFORMED_JSON } from '@champion/http-kit';
import { ServingHttpError } from '../errors.js';

// A string literal (unrolled, so long strings do not backtrack) or one of Python's tokens.
const TOKENS = /"[^"\\]*(?:\\.[^"\\]*)*"|NaN|Infinity/g;
const PYTHON_TOKEN = /NaN|Infinity/;

function withoutPythonTokens(text: string): string {
  return text.replace(TOKENS, (token) =>
    token === 'NaN' ? 'null' : token === 'Infinity' ? '1e999' : token,
  );
}

/** Parses JSON, also as Python's `json.dumps` writes it (NaN, Infinity, -Infinity). */
export function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (strictError) {
    try {
      if (PYTHON_TOKEN.test(text)) return JSON.parse(withoutPythonTokens(text)) as unknown;
    } catch {
      // Reported below as the strict parse's failure: the body is not JSON either way.
    }
    throw malformed(strictError);
  }
}

function malformed(cause?: unknown): ServingHttpError {
  return new ServingHttpError({ code: 'MALFORMED_BODY', message: MALFORMED_JSON, cause });
}

// What express.json({strict: true}) reads: the first character that is not JSON whitespace.
const FIRST_CHAR = /^[ \t\n\r]*([^ \t\n\r])/;

/**
 * Parses a body as `express.json()` does (strict: an object or an array, nothing else), refused
 * with the error express's parse failures map to: the direct lane's /predict parser.
 */
export function parseStrictJson(text: string): unknown {
  const first = FIRST_CHAR.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw malformed();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw malformed(error);
  }
}

/** Reads an `application/json` body (up to `limit` bytes) with {@link parsePythonJson}. */
export function pythonJson(options: { limit: number }) {
  const read = express.text({ type: 'application/json', limit: options.limit });
  const parse = (req: Request, _res: Response, next: NextFunction): void => {
    if (typeof req.body === 'string' && req.is('application/json') !== false)
      req.body = parsePythonJson(req.body);
    next();
  };
  return [read, parse];
}
