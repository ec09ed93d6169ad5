/**
 * /ui/: the prediction form, generated from the served model: one input per feature, named after
 * it and labelled, numeric ones hinted with the training range and median, categorical ones a
 * select of every training category plus "(missing)", prefilled from the model's example (the
 * same record GET /model/example serves). predict.js submits it to /predict?explain=true.
 */
import type { ServedFeature, ServedModel } from '@champion/runtime';
import { figure } from './format.js';
import { html, type SafeHtml } from './html.js';
import { keyField, type KeyFieldOptions } from './key-field.js';

export interface PredictPageInput {
  readonly model: ServedModel;
  readonly example: Readonly<Record<string, unknown>>;
  /** Numeric features' training medians (champion/profile.json), when known. */
  readonly medians: ReadonlyMap<string, number>;
  /** Whether /predict needs the API key (the page then asks for it), and a signed-in key. */
  readonly key: KeyFieldOptions;
}

function hint(f: ServedFeature, median: number | undefined): string {
  const range =
    f.min === undefined || f.min === null || f.max === undefined || f.max === null
      ? 'no training range recorded'
      : `training range ${figure(f.min, 6)} to ${figure(f.max, 6)}`;
  return median === undefined ? range : `${range}, median ${figure(median, 6)}`;
}

function numericInput(f: ServedFeature, at: number, input: PredictPageInput): SafeHtml {
  const value = input.example[f.name];
  const shown = typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  const min = f.min === undefined || f.min === null ? '' : String(f.min);
  const max = f.max === undefined || f.max === null ? '' : String(f.max);
  return html`<label for="f${at}">${f.name}</label>
    <input
      type="number"
      step="any"
      id="f${at}"
      name="${f.name}"
      value="${shown}"
      data-feature="numeric"
      data-min="${min}"
      data-max="${max}"
      aria-describedby="h${at}"
    />
    <small id="h${at}">${hint(f, input.medians.get(f.name))}; empty = missing</small>`;
}

function categoricalInput(f: ServedFeature, at: number, input: PredictPageInput): SafeHtml {
  const value = input.example[f.name];
  const chosen = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const categories = f.categories ?? [];
  const options = categories.map(
    (c) => html`<option value="${c}" ${c === chosen ? ' selected' : ''}>${c}</option>`,
  );
  return html`<label for="f${at}">${f.name}</label>
    <select id="f${at}" name="${f.name}" data-feature="categorical" aria-describedby="h${at}">
      <option value="" ${chosen === '' ? ' selected' : ''}>(missing)</option>
      ${options}
    </select>
    <small id="h${at}">${categories.length} categories seen in training</small>`;
}

export function predictPageBody(input: PredictPageInput): SafeHtml {
  const { model } = input;
  const fields = model.features.map(
    (f, i) =>
      html`<div class="field">
        ${f.type === 'numeric' ? numericInput(f, i, input) : categoricalInput(f, i, input)}
      </div>`,
  );
  return html`<section aria-labelledby="form-title">
      <h2 id="form-title">Applicant</h2>
      <p>
        Every field is prefilled from the model's example record. The decision threshold is
        ${figure(model.threshold, 6)}; a probability at or above it is labelled
        ${model.target.positive}.
      </p>
      <form id="predict-form" action="/predict?explain=true" method="post" novalidate>
        ${keyField(input.key)}
        <fieldset id="features">
          <legend>Features of ${model.name} v${model.version}</legend>
          <div class="grid-fields">${fields}</div>
        </fieldset>
        <button type="submit">Score</button>
        <noscript
          ><p>
            This form needs JavaScript to show the decision; without it, POST the record as JSON to
            <code>/predict?explain=true</code>.
          </p></noscript
        >
      </form>
    </section>
    <section id="result" aria-live="polite" tabindex="-1">
      <h2>Decision</h2>
      <p>Submit the form to see the probability, the label and the reasons.</p>
    </section>`;
}
