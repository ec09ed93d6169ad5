import { InvalidArgumentError, Option } from 'commander';

/** Commander parser for a TCP port. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InvalidArgumentError('a port is an integer from 1 to 65535.');
  }
  return port;
}

/** Commander parser for a small positive count. */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected an integer ≥ 1.');
  return n;
}

/** Commander parser for a comma-separated list. */
export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function parseFinite(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number.');
  return n;
}

const FAIRNESS_RULE_HELP = {
  'max-equalized-odds-diff <d>': 'equalized odds difference at most this',
  'max-demographic-parity-diff <d>': 'demographic parity difference at most this',
  'min-demographic-parity-ratio <r>': 'demographic parity ratio at least this (e.g. 0.8)',
} as const;

/** A fairness gate rule's flag, the same for `champion train` and `champion promote`. */
export function fairnessRuleOption(flag: keyof typeof FAIRNESS_RULE_HELP): Option {
  return new Option(
    `--${flag}`,
    `promotion: ${FAIRNESS_RULE_HELP[flag]}, for every --sensitive column`,
  ).argParser(parseFinite);
}
