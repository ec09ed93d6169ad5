/**
 * Reads a policy file (JSON, or YAML by extension `.yaml`/`.yml`) and validates it; every problem
 * names the file and the key path (`retrain.holdoutShare: expected number, received string`).
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { MonitorLoopError } from '../loop/errors.js';
import { DEFAULT_POLICY, policySchema, type Policy } from './schema.js';

function describeIssue(issue: z.core.$ZodIssue): string {
  const at = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `'${k}'`).join(', ');
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}${at ? ` in ${at}` : ''}`;
  }
  return `${at || '(top level)'}: ${issue.message}`;
}

/** Validates an already parsed document; `source` names it in errors. */
export function parsePolicy(document: unknown, source: string): Policy {
  const parsed = policySchema.safeParse(document ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(describeIssue);
  throw new MonitorLoopError('POLICY', `${source}: invalid policy: ${problems.join('; ')}`);
}

function parseText(text: string, path: string): unknown {
  try {
    return /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new MonitorLoopError(
      'POLICY',
      `${path}: not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${why}`,
    );
  }
}

/** The policy in `path`, or the documented defaults when no path is given. */
export async function loadPolicy(path: string | undefined): Promise<Policy> {
  if (path === undefined) return DEFAULT_POLICY;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new MonitorLoopError('POLICY', `cannot read the policy file ${path}: ${why}`);
  }
  return parsePolicy(parseText(text, path), path);
}
