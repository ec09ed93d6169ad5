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
  const datasets = record.datasets.map(
    (d) =>
      html`<tr>
        <td>${d.context || '—'}</td>
        <td>${d.name}</td>
        <td><code>${d.digest}</code></td>
        <td>${d.source.slice(0, 200)}</td>
      </tr>`,
  );
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
        : html`<div class="scroll">
            <table>
              <caption>
                Datasets logged with the run
              </caption>
              <thead>
                <tr>
                  <th scope="col">Context</th>
                  <th scope="col">Name</th>
                  <th scope="col">Digest</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                ${datasets}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

function confusion(model: ServedModel): SafeHtml | string {
  const m = model.metrics;
  if (m['true_positive'] === undefined) return '';
  const { positive, negative } = model.target;
  return html`<div class="scroll">
    <table>
      <caption>
        Confusion matrix at the threshold ${figure(model.threshold, 6)} (test split)
      </caption>
      <thead>
        <tr>
          <th scope="col">Actual \\ predicted</th>
          <th scope="col">${positive}</th>
          <th scope="col">${negative}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">${positive}</th>
          <td>${figure(m['true_positive'])}</td>
          <td>${figure(m['false_negative'])}</td>
        </tr>
        <tr>
          <th scope="row">${negative}</th>
          <td>${figure(m['false_positive'])}</td>
          <td>${figure(m['true_negative'])}</td>
        </tr>
      </tbody>
    </table>
  </div>`;
}

function metricsSection(input: CardInput): SafeHtml {
  const { model } = input;
  const rows = SHOWN_METRICS.filter(([k]) => model.metrics[k] !== undefined).map(
    ([k, label]) =>
      html`<tr>
        <th scope="row">${label}</th>
        <td>${figure(model.metrics[k])}</td>
      </tr>`,
  );
  const plots = input.plots.map(
    (p) =>
      html`<figure>
        <img src="/ui/model/plots/${p.file}" alt="${p.title}" />
        <figcaption>${p.title}</figcaption>
      </figure>`,
  );
  return html`<section>
    <h2>Test metrics</h2>
    <table>
      <caption>
        On the held-out test split
      </caption>
      <tbody>
        ${rows}
      </tbody>
    </table>
    ${confusion(model)}
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
  const rows = tags.map(
    ([k, v]) =>
      html`<tr>
        <th scope="row">${k.replace(/^champion\./, '')}</th>
        <td>${v.slice(0, 2000)}</td>
      </tr>`,
  );
  return html`<section>
    <h2>Promotion gate</h2>
    <div class="scroll">
      <table>
        <caption>
          The gate's record on version ${input.model.version}
        </caption>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
  </section>`;
}

function historySection(input: CardInput): SafeHtml {
  const rows = input.record.history.map((v) => {
    const t = tagsOf(v);
    return html`<tr>
      <th scope="row">${v.version}</th>
      <td>${when(v.creation_timestamp)}</td>
      <td>${(input.record.aliases.get(v.version) ?? []).join(', ') || '—'}</td>
      <td>${t.get('champion.gate.decision') ?? '—'}</td>
      <td>${t.get('champion.gate.promoted_at') ?? '—'}</td>
      <td>${t.get('champion.gate.replaces') || '—'}</td>
    </tr>`;
  });
  return html`<section>
    <h2>Promotion history</h2>
    ${
      rows.length === 0
        ? html`<p>No versions listed.</p>`
        : html`<div class="scroll">
            <table>
              <caption>
                Versions of ${input.model.name}, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Registered</th>
                  <th scope="col">Aliases now</th>
                  <th scope="col">Gate decision</th>
                  <th scope="col">Promoted at</th>
                  <th scope="col">Replaced</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>
          </div>`
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
