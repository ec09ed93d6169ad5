/**
 * The UI's one table shape: a caption, column headers and rows whose first cell names the row
 * (`<th scope="row">`), inside a wrapper that scrolls sideways on a narrow screen instead of the
 * page.
 */
import { html, type HtmlValue, type SafeHtml } from './html.js';

export function dataTable(options: {
  /** Also the name of the scrolling box, which a keyboard can focus to scroll it. */
  readonly caption: string;
  /** Column headers; none for a two-column list of named values. */
  readonly headers?: readonly string[];
  /** Each row's cells; the first is the row's header. */
  readonly rows: readonly (readonly HtmlValue[])[];
}): SafeHtml {
  const { caption, headers } = options;
  const rows = options.rows.map(
    ([name, ...cells]) =>
      html`<tr>
        <th scope="row">${name}</th>
        ${cells.map((c) => html`<td>${c}</td>`)}
      </tr>`,
  );
  // Named values (no headers) wrap anywhere: a long value must not push the table sideways.
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${caption}">
    <table class="${headers === undefined ? 'pairs' : ''}">
      <caption>
        ${caption}
      </caption>
      ${
        headers === undefined
          ? ''
          : html`<thead>
              <tr>
                ${headers.map((h) => html`<th scope="col">${h}</th>`)}
              </tr>
            </thead>`
      }
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}
