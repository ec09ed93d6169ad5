/**
 * /ui/model: the model card of the served version: intended use, training data, test metrics
 * with the trainer's plots and the confusion matrix at the threshold, how the threshold was
 * chosen, the gate's figures, the promotion history and the fairness report.
 */
import type { ServedModel } from '@champion/runtime';
import type { ModelVersion } from 'mlflow-js-client';
import type { CardRecord } from './card-data.js';
import { fairnessSection, type FairnessReport } from './fairness.js';
import { figure, percent, when } from './format.js';
import { html, type SafeHtml } from './html.js';
import type { PLOT_FILES, Read } from './model-files.js';
import { dataTable } from './table.js';

export interface CardInput {
  readonly model: ServedModel;
  readonly record: CardRecord;
  readonly plots: readonly (typeof PLOT_FILES)[number][];
  readonly fairness: Read<FairnessReport>;
}

const SHOWN_METRICS: readonly [string, string][] = [
  ['roc_auc', 'ROC AUC'],
  ['pr_auc', 'PR AUC (average precision)'],
  ['log_loss', 'Log loss'],
  ['brier', 'Brier score'],
  ['ks', 'KS statistic'],
  ['accuracy', 'Accuracy'],
  ['precision', 'Precision'],
  ['recall', 'Recall'],
  ['f1', 'F1'],
];

const THRESHOLD_OBJECTIVES: Readonly<Record<string, string>> = {
  f1: 'the threshold that maximises F1 on the validation split (never the test split)',
  cost: 'the threshold that minimises the expected cost of errors (the configured costs of a false positive and a false negative) on the validation split',
};

function tagsOf(v: ModelVersion | undefined): Map<string, string> {
  return new Map((v?.tags ?? []).map((t) => [t.key, t.value]));
}

function intendedUse(input: CardInput): SafeHtml {
  const { model, record } = input;
  const t = model.target;
  const stated =
    record.description === undefined
      ? html`<p>
          <em
            >No description is registered for this model; set one on the registered model or version
            in MLflow.</em
          >
        </p>`
      : html`<p>${record.description}</p>`;
  return html`<section>
    <h2>Intended use</h2>
    ${stated}
    <p>
      Scores one applicant (or a file of them) with the probability that <code>${t.name}</code> is
      <code>${t.positive}</code>; a probability at or above the threshold
      ${figure(model.threshold, 6)} is labelled ${t.positive}, otherwise ${t.negative}. It supports
      a credit officer's decision with its reasons; it is not validated for applicants unlike the
      training data (the form warns about values outside the training range and unseen categories).
    </p>
  </section>`;
}

function trainingData(input: CardInput): SafeHtml {
  const { model, record } = input;
  const m = model.metrics;
  const p = record.params;
  const positives = (m['true_positive'] ?? NaN) + (m['false_negative'] ?? NaN);
  const negatives = (m['true_negative'] ?? NaN) + (m['false_positive'] ?? NaN);
  const datasets = record.datasets.map((d) => [
    d.context || '—',
    d.name,
    html`<code>${d.digest}</code>`,
    d.source.slice(0, 200),
  ]);
  return html`<section>
    <h2>Training data</h2>
    <ul>
      <li>
        Rows: ${p['rows_train'] ?? '—'} training, ${p['rows_validation'] ?? '—'} validation,
        ${p['rows_test'] ?? '—'}
        test${p['rows_set_aside'] === undefined ? '' : `, ${p['rows_set_aside']} set aside`}
      </li>
      <li>
        Class balance (test split): ${figure(positives)} rows labelled ${model.target.positive},
        ${figure(negatives)} labelled ${model.target.negative}
        (${percent(positives / (positives + negatives))} ${model.target.positive})
      </li>
      <li>Training file: ${p['data'] ?? '—'}; excluded columns: ${p['excluded'] ?? '—'}</li>
      <li>
        ${record.runLink === undefined ? 'No MLflow run is recorded for this model.' : html`<a href="${record.runLink}">The training run in MLflow</a>`}
      </li>
    </ul>
    ${
      datasets.length === 0
        ? ''
        : dataTable({
            caption: 'Datasets logged with the run',
            headers: ['Context', 'Name', 'Digest', 'Source'],
            rows: datasets,
          })
    }
  </section>`;
}

function confusion(model: ServedModel): SafeHtml | string {
  const m = model.metrics;
  if (m['true_positive'] === undefined) return '';
  const { positive, negative } = model.target;
  return dataTable({
    caption: `Confusion matrix at the threshold ${figure(model.threshold, 6)} (test split)`,
    headers: ['Actual \\ predicted', positive, negative],
    rows: [
      [positive, figure(m['true_positive']), figure(m['false_negative'])],
      [negative, figure(m['false_positive']), figure(m['true_negative'])],
    ],
  });
}

function metricsSection(input: CardInput): SafeHtml {
  const { model } = input;
  const rows = SHOWN_METRICS.filter(([k]) => model.metrics[k] !== undefined).map(([k, label]) => [
    label,
    figure(model.metrics[k]),
  ]);
  const plots = input.plots.map(
    (p) =>
      // A row per feature: the whole width, so its labels stay legible.
      html`<figure class="${p.file === 'feature_importance.svg' ? 'wide' : ''}">
        <img src="/ui/model/plots/${p.file}" alt="${p.title}" />
        <figcaption>${p.title}</figcaption>
      </figure>`,
  );
  return html`<section>
    <h2>Test metrics</h2>
    ${dataTable({ caption: 'On the held-out test split', rows })} ${confusion(model)}
    ${plots.length === 0 ? html`<p>The model folder has no plots.</p>` : html`<div class="plots">${plots}</div>`}
  </section>`;
}

function thresholdSection(input: CardInput): SafeHtml {
  const objective = input.record.params['threshold_for'];
  const how =
    objective === undefined
      ? 'how it was chosen is not recorded with this model'
      : (THRESHOLD_OBJECTIVES[objective] ?? `objective ${objective}`);
  return html`<section>
    <h2>Threshold</h2>
    <p>${figure(input.model.threshold, 6)}: ${how}.</p>
  </section>`;
}

function gateSection(input: CardInput): SafeHtml {
  const tags = [...tagsOf(input.record.version)].filter(
    ([k]) =>
      k.startsWith('champion.gate.') ||
      k.startsWith('champion.approval.') ||
      k.startsWith('champion.rollback.'),
  );
  if (tags.length === 0)
    return html`<section>
      <h2>Promotion gate</h2>
      <p>No gate record on this version (registered without the gate, or MLflow did not answer).</p>
    </section>`;
  const rows = tags.map(([k, v]) => [k.replace(/^champion\./, ''), v.slice(0, 2000)]);
  return html`<section>
    <h2>Promotion gate</h2>
    ${dataTable({ caption: `The gate's record on version ${input.model.version}`, rows })}
  </section>`;
}

function historySection(input: CardInput): SafeHtml {
  const rows = input.record.history.map((v) => {
    const t = tagsOf(v);
    return [
      v.version,
      when(v.creation_timestamp),
      (input.record.aliases.get(v.version) ?? []).join(', ') || '—',
      t.get('champion.gate.decision') ?? '—',
      t.get('champion.gate.promoted_at') ?? '—',
      t.get('champion.gate.replaces') || '—',
    ];
  });
  return html`<section>
    <h2>Promotion history</h2>
    ${
      rows.length === 0
        ? html`<p>No versions listed.</p>`
        : dataTable({
            caption: `Versions of ${input.model.name}, newest first`,
            headers: [
              'Version',
              'Registered',
              'Aliases now',
              'Gate decision',
              'Promoted at',
              'Replaced',
            ],
            rows,
          })
    }
  </section>`;
}

export function cardPageBody(input: CardInput): SafeHtml {
  const problems = input.record.problems;
  return html`${problems.length === 0 ? '' : html`<p role="status">Some MLflow facts are missing: ${problems.join('; ')}</p>`}
    ${intendedUse(input)} ${trainingData(input)} ${metricsSection(input)} ${thresholdSection(input)}
    ${gateSection(input)} ${historySection(input)}
    <section>
      <h2>Fairness</h2>
      ${fairnessSection(input.fairness)}
    </section>`;
}
