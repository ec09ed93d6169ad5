/**
 * The shell of every UI page: pico's classless stylesheet and champion's few extra rules (served
 * from /ui/assets, never a CDN), the navigation, and the Content-Security-Policy that allows
 * nothing but this origin (no inline script, no inline style attribute).
 */
import { html, type SafeHtml } from './html.js';

/**
 * Only this origin: scripts and styles are files under /ui/assets; SVG plots are images. `data:`
 * images are pico's icons (select arrows); an image cannot run script.
 */
export const UI_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export type UiPageName = 'predict' | 'model' | 'monitoring' | 'batch';

const NAV: readonly { readonly page: UiPageName; readonly href: string; readonly label: string }[] =
  [
    { page: 'predict', href: '/ui/', label: 'Score an applicant' },
    { page: 'batch', href: '/ui/batch', label: 'Score a file' },
    { page: 'model', href: '/ui/model', label: 'Model card' },
    { page: 'monitoring', href: '/ui/monitoring', label: 'Monitoring' },
  ];

export interface PageOptions {
  readonly title: string;
  readonly active: UiPageName;
  /** e.g. "credit-default v3". */
  readonly subtitle?: string;
  readonly body: SafeHtml;
  /** Module scripts under /ui/assets (file names). */
  readonly scripts?: readonly string[];
}

export function page(options: PageOptions): string {
  const nav = NAV.map(
    (n) =>
      html`<li>
        <a href="${n.href}" ${n.page === options.active ? html` aria-current="page"` : ''}
          >${n.label}</a
        >
      </li>`,
  );
  const scripts = (options.scripts ?? []).map(
    (s) => html`<script type="module" src="/ui/assets/${s}"></script>`,
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · champion</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/ui/assets/pico.classless.min.css" />
        <link rel="stylesheet" href="/ui/assets/ui.css" />
        ${scripts}
      </head>
      <body>
        <header>
          <nav aria-label="Main">
            <ul>
              <li><strong>champion</strong></li>
            </ul>
            <ul>
              ${nav}
            </ul>
          </nav>
          <h1>${options.title}</h1>
          ${options.subtitle === undefined ? '' : html`<p>${options.subtitle}</p>`}
        </header>
        <main>${options.body}</main>
        <footer>
          <small>Served by champion · <a href="/docs">API documentation</a></small>
        </footer>
      </body>
    </html> `.value;
}
