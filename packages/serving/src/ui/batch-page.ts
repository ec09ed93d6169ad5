/**
 * /ui/batch: upload a CSV (header row of feature names, optional `id` column), get the scored CSV
 * back. batch.js streams the file to POST /predict/batch with `Accept: text/csv`; the limits are
 * that route's.
 */
import type { ServedModel } from '@champion/runtime';
import { html, type SafeHtml } from './html.js';
import { keyField, type KeyFieldOptions } from './key-field.js';

export function batchPageBody(options: {
  readonly model: ServedModel;
  readonly key: KeyFieldOptions;
  readonly maxBytes: number;
}): SafeHtml {
  const { model } = options;
  const columns = model.features.map((f) => f.name).join(',');
  return html`<section>
    <h2>Score a CSV file</h2>
    <p>
      The file needs a header row naming the model's features (any order; an optional
      <code>id</code> column is echoed back); an empty field is a missing value. Up to
      ${Math.floor(options.maxBytes / 1048576)} MiB. Each row of the answer has the row number, id,
      probability, label, and the row's error or warnings.
    </p>
    <details>
      <summary>Expected columns</summary>
      <p><code>${columns}</code></p>
    </details>
    <form id="batch-form">
      ${keyField(options.key)}
      <label for="batch-file">CSV file</label>
      <input type="file" id="batch-file" name="file" accept=".csv,text/csv" required />
      <button type="submit">Score the file</button>
    </form>
    <p id="batch-status" role="status" aria-live="polite"></p>
    <p><a id="batch-download" href="#" hidden>Download the scored CSV</a></p>
  </section>`;
}
