import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { MlflowServerError } from './errors.js';

function invalid(file: string, problem: string, cause?: unknown): MlflowServerError {
  return new MlflowServerError(
    'CONDA_YAML_INVALID',
    `${file}: ${problem}. It must have a \`dependencies:\` list with a \`pip:\` list of ` +
      'requirement strings (e.g. `- mlflow==3.17.2`); fix the file and retry.',
    cause === undefined ? undefined : { cause },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The pip requirements listed under `dependencies: - pip: [...]` of a conda environment file, in
 * file order. `file` only names the source in error messages.
 */
export function parsePipPins(yamlText: string, file = 'conda.yaml'): string[] {
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (err) {
    throw invalid(file, 'is not valid YAML', err);
  }
  if (!isRecord(doc) || !Array.isArray(doc.dependencies)) {
    throw invalid(file, 'has no `dependencies:` list');
  }
  const pipEntry: unknown = doc.dependencies.find((d) => isRecord(d) && 'pip' in d);
  if (!isRecord(pipEntry) || !Array.isArray(pipEntry.pip)) {
    throw invalid(file, 'has no `pip:` list under `dependencies:`');
  }
  const pins = pipEntry.pip.map((pin: unknown, i) => {
    if (typeof pin !== 'string' || pin.trim() === '') {
      throw invalid(file, `pip entry #${i + 1} is not a requirement string`);
    }
    return pin.trim();
  });
  if (pins.length === 0) throw invalid(file, 'has an empty `pip:` list');
  return pins;
}

/** Reads and parses the pip pins of a conda environment file. */
export async function readPipPins(condaYamlPath: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(condaYamlPath, 'utf8');
  } catch (err) {
    throw invalid(condaYamlPath, 'cannot be read', err);
  }
  return parsePipPins(text, condaYamlPath);
}

/**
 * A digest of the pins, stored in the venv to tell whether it was built from the current list.
 * Order is kept: a reordered list is rare and a rebuild is always safe.
 */
export function pinsDigest(pins: readonly string[]): string {
  const hash = createHash('sha256');
  for (const pin of pins) hash.update(`${pin}\n`);
  return hash.digest('hex');
}
