/**
 * A few SVG primitives for the evaluation plots. The well-kept charting libraries that render SVG
 * without a DOM (vega 6, vega-lite 6) are ESM-only, which our Jest setup cannot load, so these
 * plots are hand-written: static SVG 1.1 with inline styles, which the MLflow UI shows as an
 * image artifact. Not a general charting library.
 */

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Formats a coordinate compactly (2 decimals is sub-pixel). */
export function num(x: number): string {
  return String(Math.round(x * 100) / 100);
}

export type Attributes = Readonly<Record<string, string | number>>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? num(v) : v)}"`)
    .join('');
}

/** An element with attributes and (already serialised) children. */
export function element(options: {
  name: string;
  attrs?: Attributes;
  children?: readonly string[];
}): string {
  const open = `<${options.name}${attributes(options.attrs ?? {})}`;
  const children = options.children ?? [];
  return children.length === 0 ? `${open}/>` : `${open}>${children.join('')}</${options.name}>`;
}

/** A text element; `content` is escaped. */
export function text(content: string, attrs: Attributes): string {
  return `<text${attributes(attrs)}>${escapeXml(content)}</text>`;
}

/** A polyline through `points` ([x, y] pixel pairs). */
export function polyline(
  points: readonly (readonly [number, number])[],
  attrs: Attributes,
): string {
  return element({
    name: 'polyline',
    attrs: {
      points: points.map(([x, y]) => `${num(x)},${num(y)}`).join(' '),
      fill: 'none',
      ...attrs,
    },
  });
}

/** A complete SVG document of the given size. */
export function svgDocument(options: {
  width: number;
  height: number;
  title: string;
  children: readonly string[];
}): string {
  const { width, height, title, children } = options;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    element({
      name: 'svg',
      attrs: {
        xmlns: 'http://www.w3.org/2000/svg',
        width,
        height,
        viewBox: `0 0 ${width} ${height}`,
        'font-family': 'Helvetica, Arial, sans-serif',
        'font-size': 12,
      },
      children: [
        `<title>${escapeXml(title)}</title>`,
        element({ name: 'rect', attrs: { width, height, fill: 'white' } }),
        ...children,
      ],
    }) +
    '\n'
  );
}

/** Maps a data interval linearly onto a pixel interval. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (x: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (x) => r0 + ((x - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering [min, max] (1, 2 or 5 times a power of ten apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  const last = Math.floor(max / step + 1e-9);
  // k * step, cleaned of binary rounding (3 * 0.2 = 0.6000000000000001).
  for (let k = Math.ceil(min / step - 1e-9); k <= last; k++)
    ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** Tick label without floating-point noise (0.30000000000000004 -> 0.3, 12000 -> 12k). */
export function tickLabel(value: number): string {
  if (Math.abs(value) >= 10000) return `${Number((value / 1000).toPrecision(6))}k`;
  return String(Number(value.toPrecision(6)));
}
