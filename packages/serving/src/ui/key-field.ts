/**
 * The API key field of the form and the batch page, shown when /predict needs the key. A browser
 * signed in to the UI with the key (CHAMPION_UI_AUTH=key, HTTP Basic) finds it filled in, so it
 * is not asked twice; ui-static/api-key.js keeps a typed key in the tab (sessionStorage) only.
 */
import { html, type SafeHtml } from './html.js';

export interface KeyFieldOptions {
  /** Whether /predict needs the API key. */
  readonly needsKey: boolean;
  /** The key this browser signed in to the UI with, if it did. */
  readonly signedIn?: string | undefined;
}

export function keyField(options: KeyFieldOptions): SafeHtml | string {
  if (!options.needsKey) return '';
  const note =
    options.signedIn === undefined
      ? 'this server requires one for scoring; kept in this tab only'
      : 'filled in from your sign-in; kept in this tab only';
  return html`<fieldset>
    <legend>API key</legend>
    <label for="api-key">API key (${note})</label>
    <input
      type="password"
      id="api-key"
      autocomplete="off"
      spellcheck="false"
      value="${options.signedIn ?? ''}"
    />
  </fieldset>`;
}
