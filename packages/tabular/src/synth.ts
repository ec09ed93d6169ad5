/**
 * A seeded synthetic credit-default data set: 30 features (numeric and categorical) with missing
 * values, ~15% positives and a non-linear signal with interactions (utilisation thresholds,
 * debt ratio × employment type, renting × loan-to-income), so tree ensembles beat a linear model.
 * Rows are generated one after another from one RNG stream, so the data for a seed does not
 * depend on the chunk size.
 */
import { createRng } from './random.js';
import type { Rng } from './random.js';
import type { CategoricalColumn, Column, NumericColumn, Table } from './table.js';
import { TabularError } from './errors.js';

/** Options for {@link synthesize} and {@link synthesizeChunks}. */
export interface SynthOptions {
  readonly rows: number;
  /** @default 42 */
  readonly seed?: number;
  /**
   * Number of feature columns. Up to 30 takes the first N of the built-in features; more adds
   * pure-noise numeric columns `noise_31`, `noise_32`, ... @default 30
   */
  readonly features?: number;
}

/** Options for {@link synthesizeChunks}. */
export interface SynthChunkOptions extends SynthOptions {
  /** @default 32768 */
  readonly chunkRows?: number;
}

/** Name of the synthetic target column (values 0/1, 1 = default). */
export const SYNTH_TARGET = 'default';
/** Name of the synthetic id column. */
export const SYNTH_ID = 'id';

const CATEGORIES = {
  home_ownership: ['rent', 'own', 'mortgage', 'other'],
  employment_type: ['salaried', 'self_employed', 'contract', 'unemployed', 'retired'],
  region: ['north', 'south', 'east', 'west', 'central'],
  loan_purpose: [
    'debt_consolidation',
    'home_improvement',
    'car',
    'education',
    'medical',
    'business',
    'other',
  ],
  education: ['high_school', 'bachelor', 'master', 'doctorate', 'other'],
  marital_status: ['single', 'married', 'divorced', 'widowed'],
  application_channel: ['branch', 'online', 'broker', 'phone'],
  has_guarantor: ['no', 'yes'],
  account_type: ['basic', 'standard', 'premium'],
  industry: [
    'retail',
    'manufacturing',
    'finance',
    'health',
    'education',
    'construction',
    'it',
    'transport',
    'hospitality',
    'public',
    'agriculture',
    'other',
  ],
} as const;

type CategoricalName = keyof typeof CATEGORIES;

/** Built-in features in output order: numeric and categorical interleaved. */
const FEATURES: readonly { name: string; kind: 'numeric' | 'categorical' }[] = [
  { name: 'age', kind: 'numeric' },
  { name: 'income', kind: 'numeric' },
  { name: 'home_ownership', kind: 'categorical' },
  { name: 'employment_type', kind: 'categorical' },
  { name: 'employment_years', kind: 'numeric' },
  { name: 'debt_ratio', kind: 'numeric' },
  { name: 'credit_utilisation', kind: 'numeric' },
  { name: 'delinquencies_2y', kind: 'numeric' },
  { name: 'loan_purpose', kind: 'categorical' },
  { name: 'loan_amount', kind: 'numeric' },
  { name: 'region', kind: 'categorical' },
  { name: 'months_since_last_delinquency', kind: 'numeric' },
  { name: 'num_open_accounts', kind: 'numeric' },
  { name: 'credit_history_months', kind: 'numeric' },
  { name: 'education', kind: 'categorical' },
  { name: 'loan_term_months', kind: 'numeric' },
  { name: 'interest_rate', kind: 'numeric' },
  { name: 'monthly_payment', kind: 'numeric' },
  { name: 'marital_status', kind: 'categorical' },
  { name: 'savings_balance', kind: 'numeric' },
  { name: 'inquiries_6m', kind: 'numeric' },
  { name: 'application_channel', kind: 'categorical' },
  { name: 'num_dependents', kind: 'numeric' },
  { name: 'credit_limit', kind: 'numeric' },
  { name: 'revolving_balance', kind: 'numeric' },
  { name: 'has_guarantor', kind: 'categorical' },
  { name: 'years_at_address', kind: 'numeric' },
  { name: 'account_type', kind: 'categorical' },
  { name: 'late_payments_12m', kind: 'numeric' },
  { name: 'industry', kind: 'categorical' },
];

/** One generated applicant: numeric values (NaN = missing) and category codes (-1 = missing). */
type Row = Record<string, number>;

function poisson(rng: Rng, lambda: number): number {
  // Knuth's method; lambdas here are small.
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

function pick(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i] ?? 0;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function round(x: number, step: number): number {
  return Math.round(x / step) * step;
}

function maybeMissing(rng: Rng, value: number, share: number): number {
  return rng.next() < share ? NaN : value;
}

function generateRow(rng: Rng): { row: Row; target: number } {
  const risk = rng.normal(); // unobserved creditworthiness: caps the achievable AUC
  const age = Math.round(Math.min(75, Math.max(21, 42 + 12 * rng.normal())));
  const education = pick(rng, [35, 35, 18, 4, 8]);
  const employment = age > 64 ? pick(rng, [10, 5, 3, 2, 80]) : pick(rng, [62, 14, 12, 7, 5]);
  const ageFactor = 1 - Math.pow((age - 50) / 40, 2);
  const eduBoost = [0, 0.25, 0.45, 0.6, 0.05][education] ?? 0;
  const empFactor = [0, 0.1, -0.1, -0.9, -0.4][employment] ?? 0;
  const income = Math.max(
    6000,
    round(Math.exp(10.3 + 0.35 * ageFactor + eduBoost + empFactor + 0.45 * rng.normal()), 100),
  );
  const home = age < 28 ? pick(rng, [70, 8, 12, 10]) : pick(rng, [30, 25, 42, 3]);
  const employmentYears =
    employment === 3 ? 0 : Math.min(age - 18, Math.floor(-Math.log(1 - rng.next()) * 7));
  const debtRatio = Math.min(1.5, Math.max(0, 0.3 + 0.12 * risk + 0.15 * rng.normal()));
  const utilisation = Math.min(1.2, Math.max(0, sigmoid(-0.6 + 0.9 * risk + 1.1 * rng.normal())));
  const delinquencies = poisson(rng, Math.exp(-1.6 + 0.8 * risk));
  const lastDelinquency = delinquencies === 0 ? NaN : 1 + rng.int(24);
  const purpose = pick(rng, [35, 15, 15, 8, 7, 8, 12]);
  const loanAmount = round(Math.exp(8.8 + 0.5 * Math.log(income / 30000) + 0.6 * rng.normal()), 50);
  const region = pick(rng, [20, 22, 18, 25, 15]);
  const openAccounts = poisson(rng, 5 + 0.8 * Math.max(0, risk));
  const historyMonths = Math.max(0, Math.round((age - 20) * 12 * (0.3 + 0.6 * rng.next())));
  const term = [12, 24, 36, 48, 60][pick(rng, [10, 20, 35, 15, 20])] ?? 36;
  const rate =
    Math.round(100 * Math.max(2.5, 9 + 2.2 * risk + 1.5 * utilisation + 2 * rng.normal())) / 100;
  const monthlyRate = rate / 1200;
  const payment =
    Math.round((100 * loanAmount * monthlyRate) / (1 - Math.pow(1 + monthlyRate, -term))) / 100;
  const marital = pick(rng, [38, 45, 13, 4]);
  const savingsRaw =
    rng.next() < 0.25
      ? 0
      : round(Math.exp(7.5 + 0.8 * Math.log(income / 30000) - 0.3 * risk + 1.2 * rng.normal()), 10);
  const inquiries = poisson(rng, Math.exp(-0.2 + 0.35 * risk));
  const channel = pick(rng, [30, 45, 12, 13]);
  const dependents = Math.min(5, poisson(rng, marital === 1 ? 1.4 : 0.4));
  const creditLimit = round(income * (0.15 + 0.15 * rng.next()), 100);
  const revolving = round(creditLimit * utilisation, 1);
  const guarantor = rng.next() < 0.12 ? 1 : 0;
  const yearsAtAddress = Math.min(age - 18, Math.floor(-Math.log(1 - rng.next()) * 5));
  const latePayments = poisson(rng, Math.exp(-1.2 + 0.7 * risk) + 0.5 * delinquencies);
  const accountType = pick(rng, [30, 55, 15]);
  const industry = pick(rng, [12, 12, 8, 10, 8, 9, 9, 7, 7, 10, 3, 5]);

  const ratioToIncome = loanAmount / income;
  const riskyEmployment = employment === 1 || employment === 2 || employment === 3;
  const incomeMissing = rng.next() < 0.04;
  // Thresholds, U-shapes and interactions: what trees find and a linear model cannot.
  const logit =
    -2.75 +
    0.4 * risk +
    2.2 * sigmoid((utilisation - 0.85) * 20) +
    (utilisation < 0.03 ? 0.7 : 0) +
    0.3 * Math.min(delinquencies, 4) +
    0.1 * Math.min(latePayments, 6) +
    (riskyEmployment ? 5.0 : 0.2) * Math.max(0, debtRatio - 0.45) +
    -0.35 * Math.log(income / 40000) +
    (age < 28 ? 0.08 * (28 - age) : age > 65 ? 0.06 * (age - 65) : 0) +
    (home === 0 && ratioToIncome > 0.3 ? 1.0 : 0) +
    ([0, -0.1, -0.2, 0.15, 0.35, 0.45, 0.05][purpose] ?? 0) +
    (inquiries >= 3 ? 0.6 : 0) +
    (guarantor === 1 ? -0.45 : 0) +
    (region === 1 && channel === 2 ? 1.2 : 0) +
    (age < 30 && delinquencies > 0 ? 0.8 : 0) +
    (savingsRaw > 10000 ? -0.35 : 0) +
    (term === 60 && rate > 12 ? 0.6 : 0) +
    (employment === 1 && incomeMissing ? 1.0 : 0);
  const target = rng.next() < sigmoid(logit) ? 1 : 0;

  const row: Row = {
    age,
    income: incomeMissing ? NaN : income,
    home_ownership: rng.next() < 0.01 ? -1 : home,
    employment_type: employment,
    employment_years: maybeMissing(rng, employmentYears, 0.02),
    debt_ratio: Math.round(debtRatio * 1000) / 1000,
    credit_utilisation: Math.round(utilisation * 1000) / 1000,
    delinquencies_2y: delinquencies,
    loan_purpose: purpose,
    loan_amount: loanAmount,
    region,
    months_since_last_delinquency: lastDelinquency,
    num_open_accounts: openAccounts,
    credit_history_months: historyMonths,
    education: rng.next() < 0.02 ? -1 : education,
    loan_term_months: term,
    interest_rate: rate,
    monthly_payment: payment,
    marital_status: marital,
    savings_balance: maybeMissing(rng, savingsRaw, 0.03),
    inquiries_6m: inquiries,
    application_channel: channel,
    num_dependents: dependents,
    credit_limit: creditLimit,
    revolving_balance: revolving,
    has_guarantor: guarantor,
    years_at_address: yearsAtAddress,
    account_type: accountType,
    late_payments_12m: latePayments,
    industry: rng.next() < 0.03 ? -1 : industry,
  };
  return { row, target };
}

interface ColumnSpec {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
}

function columnSpecs(featureCount: number): ColumnSpec[] {
  const specs: ColumnSpec[] = [{ name: SYNTH_ID, kind: 'numeric' }];
  specs.push(...FEATURES.slice(0, Math.min(featureCount, FEATURES.length)));
  for (let i = FEATURES.length + 1; i <= featureCount; i++)
    specs.push({ name: `noise_${i}`, kind: 'numeric' });
  specs.push({ name: SYNTH_TARGET, kind: 'numeric' });
  return specs;
}

function checkOptions(options: SynthOptions): void {
  const features = options.features ?? FEATURES.length;
  if (!Number.isInteger(options.rows) || options.rows < 0) {
    throw new TabularError({
      code: 'BAD_OPTIONS',
      message: `rows must be a non-negative integer, got ${options.rows}`,
    });
  }
  if (!Number.isInteger(features) || features < 1) {
    throw new TabularError({
      code: 'BAD_OPTIONS',
      message: `features must be a positive integer, got ${features}`,
    });
  }
}

/**
 * Yields the synthetic data set in chunks of `chunkRows` rows (flat memory for any row count).
 * The concatenation of the chunks equals `synthesize` with the same seed.
 */
export function* synthesizeChunks(options: SynthChunkOptions): Generator<Table> {
  checkOptions(options);
  const chunkRows = options.chunkRows ?? 32768;
  const specs = columnSpecs(options.features ?? FEATURES.length);
  const rng = createRng(options.seed ?? 42);
  const noiseRng = rng.fork();
  for (
    let start = 0;
    start < options.rows || (start === 0 && options.rows === 0);
    start += chunkRows
  ) {
    const n = Math.min(chunkRows, options.rows - start);
    const arrays = specs.map((s) =>
      s.kind === 'numeric' ? new Float64Array(n) : new Int32Array(n),
    );
    for (let i = 0; i < n; i++) {
      const { row, target } = generateRow(rng);
      for (let c = 0; c < specs.length; c++) {
        const spec = specs[c] as ColumnSpec;
        const array = arrays[c] as Float64Array | Int32Array;
        if (spec.name === SYNTH_ID) array[i] = start + i + 1;
        else if (spec.name === SYNTH_TARGET) array[i] = target;
        else if (spec.name.startsWith('noise_'))
          array[i] = Math.round(noiseRng.normal() * 1000) / 1000;
        else array[i] = row[spec.name] ?? NaN;
      }
    }
    const columns: Column[] = specs.map((spec, c) => {
      const array = arrays[c] as Float64Array | Int32Array;
      if (spec.kind === 'numeric') {
        return {
          name: spec.name,
          kind: 'numeric',
          values: array as Float64Array,
        } satisfies NumericColumn;
      }
      return {
        name: spec.name,
        kind: 'categorical',
        codes: array as Int32Array,
        dictionary: CATEGORIES[spec.name as CategoricalName],
      } satisfies CategoricalColumn;
    });
    yield { rowCount: n, columns };
    if (n <= 0) return;
  }
}

/** Generates the whole synthetic data set in memory. Deterministic for a seed. */
export function synthesize(options: SynthOptions): Table {
  const chunks = [...synthesizeChunks({ ...options, chunkRows: Math.max(1, options.rows) })];
  const only = chunks[0];
  if (only === undefined)
    throw new TabularError({ code: 'BAD_OPTIONS', message: 'no rows generated' });
  return only;
}
