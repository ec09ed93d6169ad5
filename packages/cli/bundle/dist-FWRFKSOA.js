import { createRequire as __cr } from 'module';
const require = __cr(import.meta.url);
import {
  b as E,
  c as ct,
  h as Oe,
  k as dn,
  m as hn,
  n as pn,
  o as gn,
  p as wn,
  q as bn,
  r as yn,
  v as xn,
} from './chunk-NHIS47A7.js';
import './chunk-VCLZF4OS.js';
var y = class extends Error {
  name = 'TrainerError';
  code;
  constructor(t, n, r) {
    (super(n, r), (this.code = t));
  }
};
var ve = '0.1.0';
import { createHash as si } from 'node:crypto';
import { mkdir as ii, mkdtemp as ai, rm as ci, writeFile as Yr } from 'node:fs/promises';
import { tmpdir as li } from 'node:os';
import { join as st } from 'node:path';
function vn(e, t) {
  let n = t.length,
    r = e.columns.map((o) => {
      if (o.kind === 'numeric') {
        let i = new Float64Array(n);
        for (let a = 0; a < n; a++) i[a] = o.values[t[a] ?? 0] ?? Number.NaN;
        return { name: o.name, kind: 'numeric', values: i };
      }
      let s = new Int32Array(n);
      for (let i = 0; i < n; i++) s[i] = o.codes[t[i] ?? 0] ?? -1;
      return { name: o.name, kind: 'categorical', codes: s, dictionary: o.dictionary };
    });
  return { rowCount: n, columns: r };
}
var Qr = new Set(['roc_auc', 'pr_auc', 'ks', 'accuracy', 'precision', 'recall', 'f1']);
function Be(e) {
  return Qr.has(e);
}
var ie = { primaryMetric: 'roc_auc', margin: 0, floors: { roc_auc: 0.6 } };
function D(e) {
  return Number.isFinite(e)
    ? e !== 0 && Math.abs(e) < 1e-4
      ? e.toExponential(2)
      : e.toFixed(6)
    : String(e);
}
function lt(e, t = ie) {
  let n = [],
    r = {},
    o = !0,
    s = (l) => {
      ((o = !1), n.push(`FAIL ${l}`));
    },
    i = (l) => {
      n.push(`ok ${l}`);
    };
  (e.schemaProblems.length > 0
    ? s(`schema check: ${e.schemaProblems.join('; ')}`)
    : i('schema check: ONNX inputs and outputs match the schema'),
    (r.parity_max_abs_diff = D(e.parity.maxAbsDiff)),
    e.parity.maxAbsDiff <= e.parity.tolerance
      ? i(`parity: max |ONNX - model| = ${D(e.parity.maxAbsDiff)} <= ${e.parity.tolerance}`)
      : s(
          `parity: ONNX differs from the trained model by ${D(e.parity.maxAbsDiff)} > ${e.parity.tolerance}`,
        ));
  for (let [l, u] of Object.entries(t.floors)) {
    let f = e.candidate.metrics[l];
    ((r[`candidate_${l}`] = f === void 0 ? 'missing' : D(f)),
      f === void 0 || Number.isNaN(f)
        ? s(`floor: metric ${l} was not computed`)
        : (Be(l) ? f < u : f > u)
          ? s(`floor: ${l} ${D(f)} ${Be(l) ? '<' : '>'} required ${u}`)
          : i(`floor: ${l} ${D(f)} meets ${u}`));
  }
  let a = t.primaryMetric,
    c = e.candidate.metrics[a];
  if (((r[`candidate_${a}`] = c === void 0 ? 'missing' : D(c)), !e.champion))
    i('comparison: no current champion');
  else if ('error' in e.champion)
    ((r.champion_version = e.champion.version),
      s(
        `comparison: champion v${e.champion.version} could not be scored on this test set (${e.champion.error})`,
      ));
  else {
    let l = e.champion.metrics[a];
    if (
      ((r.champion_version = e.champion.version),
      (r[`champion_${a}`] = l === void 0 ? 'missing' : D(l)),
      c === void 0 || l === void 0)
    )
      s(`comparison: ${a} missing for ${c === void 0 ? 'candidate' : 'champion'}`);
    else {
      let u = Be(a) ? c - l : l - c;
      r[`delta_${a}`] = D(u);
      let f = `${a} ${D(c)} vs champion v${e.champion.version} ${D(l)} (improvement ${D(u)}, margin ${t.margin})`;
      u > t.margin ? i(`comparison: ${f}`) : s(`comparison: ${f}`);
    }
  }
  return { promote: o, reasons: n, figures: r };
}
import { availableParallelism as _o } from 'node:os';
function Nn(e, t) {
  let n = Math.fround(e / 2 + t / 2);
  return n >= t || n < e || Number.isNaN(n) ? e : n;
}
function Zr(e) {
  let t = new Float64Array(e.length),
    n = new Int32Array(e.length),
    r = 0;
  for (let o = 0; o < e.length; o++) {
    let s = e[o];
    r > 0 && t[r - 1] === s ? (n[r - 1] = n[r - 1] + 1) : ((t[r] = s), (n[r++] = 1));
  }
  return { values: t.subarray(0, r), counts: n.subarray(0, r) };
}
function eo(e, t) {
  let { values: n, counts: r } = e,
    o = n.length,
    s = [];
  if (o === 0) return [1 / 0];
  let i = 0;
  for (let h = 0; h < o; h++) i += r[h];
  if (o <= t.maxBin) {
    let h = 0;
    for (let v = 0; v < o - 1; v++)
      ((h += r[v]), h >= t.minDataInBin && (s.push(Nn(n[v], n[v + 1])), (h = 0)));
    return (s.push(1 / 0), s);
  }
  let a = t.maxBin;
  t.minDataInBin > 0 && (a = Math.max(1, Math.min(a, Math.floor(i / t.minDataInBin))));
  let c = i / a,
    l = a,
    u = i,
    f = new Uint8Array(o);
  for (let h = 0; h < o; h++) r[h] >= c && ((f[h] = 1), l--, (u -= r[h]));
  c = u / l;
  let m = [],
    d = [n[0]],
    g = 0;
  for (let h = 0; h < o - 1; h++)
    if (
      (f[h] === 0 && (u -= r[h]),
      (g += r[h]),
      f[h] === 1 || g >= c || (f[h + 1] === 1 && g >= Math.max(1, c * 0.5)))
    ) {
      if ((m.push(n[h]), d.push(n[h + 1]), m.length >= a - 1)) break;
      ((g = 0), f[h] === 0 && (l--, (c = u / l)));
    }
  for (let h = 0; h < m.length; h++) s.push(Nn(m[h], d[h + 1]));
  return (s.push(1 / 0), s);
}
function to(e, t) {
  let n = new Float32Array(e.length),
    r = 0;
  for (let i = 0; i < e.length; i++) {
    let a = e[i];
    Number.isNaN(a) || (n[r++] = a);
  }
  let o = n.subarray(0, r).sort(),
    s = Float64Array.from(eo(Zr(o), { maxBin: t.maxBin - 1, minDataInBin: t.minDataInBin }));
  return {
    kind: 'numeric',
    numBins: s.length + 1,
    upperBounds: s,
    sawMissing: o.length < t.sampleSize,
  };
}
function no(e, t) {
  let n = new Map(),
    r = !1;
  for (let c = 0; c < e.length; c++) {
    let l = e[c];
    Number.isInteger(l) && l >= 0 ? n.set(l, (n.get(l) ?? 0) + 1) : (r = !0);
  }
  let o = [...n.entries()].sort((c, l) => l[1] - c[1] || c[0] - l[0]).map(([c]) => c),
    s = o.slice(0, t - 1),
    i = o.reduce((c, l) => Math.max(c, l), -1),
    a = new Int32Array(i + 1).fill(-1);
  return (
    s.forEach((c, l) => (a[c] = l)),
    {
      kind: 'categorical',
      numBins: s.length + 1,
      binToCode: Int32Array.from(s),
      codeToBin: a,
      overflowCodes: o.slice(t - 1).sort((c, l) => c - l),
      sawMissing: r,
    }
  );
}
function ro(e, t) {
  if (e <= t.size) return;
  let n = new Uint8Array(e),
    r = 0;
  for (let s = e - t.size; s < e; s++) {
    let i = t.rng.int(s + 1);
    n[i] === 0 ? (n[i] = 1) : (n[s] = 1);
  }
  let o = new Int32Array(t.size);
  for (let s = 0; s < e; s++) n[s] === 1 && (o[r++] = s);
  return o;
}
function _n(e, t) {
  let n = ro(e.rowCount, { size: t.sampleCount, rng: t.rng });
  return e.features.map((r, o) => {
    let s = e.columns[o] ?? new Float32Array(0),
      i = s;
    if (n !== void 0) {
      i = new Float32Array(n.length);
      for (let a = 0; a < n.length; a++) i[a] = s[n[a]];
    }
    return r.kind === 'categorical' ? no(i, t.maxBin) : to(i, { ...t, sampleSize: i.length });
  });
}
function oo(e, t) {
  let n = e.numBins - 1;
  if (Number.isNaN(t)) return n;
  if (e.kind === 'categorical') {
    let i = Number.isInteger(t) && t >= 0 ? e.codeToBin[t] : void 0;
    return i === void 0 || i < 0 ? n : i;
  }
  let r = e.upperBounds,
    o = 0,
    s = r.length - 1;
  for (; o < s;) {
    let i = (o + s) >>> 1;
    t <= r[i] ? (s = i) : (o = i + 1);
  }
  return o;
}
function so(e, t, n) {
  let { out: r, rowBins: o, stride: s, feature: i } = n;
  if (e.kind === 'categorical') {
    for (let u = 0, f = i; u < t.length; u++, f += s) {
      let m = oo(e, t[u]);
      ((r[u] = m), (o[f] = m));
    }
    return;
  }
  let a = e.upperBounds,
    c = a.length - 1,
    l = e.numBins - 1;
  for (let u = 0, f = i; u < t.length; u++, f += s) {
    let m = t[u],
      d = 0;
    if (m !== m) d = l;
    else {
      let g = c;
      for (; d < g;) {
        let h = (d + g) >>> 1;
        m <= a[h] ? (g = h) : (d = h + 1);
      }
    }
    ((r[u] = d), (o[f] = d));
  }
}
function An(e, t) {
  let { mappers: n } = t,
    r = n.length,
    o = e.rowCount,
    s = new Int32Array(r),
    i = 0;
  n.forEach((d, g) => {
    ((s[g] = i), (i += d.numBins));
  });
  let a = Math.ceil(r / 8) * 8,
    c = n.some((d) => d.numBins > 256),
    l = o * a * (c ? 2 : 1),
    u = t.shared ? new SharedArrayBuffer(l) : new ArrayBuffer(l),
    f = c ? new Uint16Array(u) : new Uint8Array(u);
  return {
    columns: n.map((d, g) => {
      let h = d.numBins > 256 ? new Uint16Array(o) : new Uint8Array(o);
      return (
        so(d, e.columns[g] ?? new Float32Array(o), { out: h, rowBins: f, stride: a, feature: g }),
        h
      );
    }),
    rowBins: f,
    rowStride: a,
    binOffsets: s,
    totalBins: i,
    numFeatures: r,
    rowCount: o,
  };
}
var P = class extends Error {
  name = 'GbdtError';
  code;
  constructor(t) {
    (super(t.message, t.cause === void 0 ? void 0 : { cause: t.cause }), (this.code = t.code));
  }
};
function te(e) {
  return new P({ code: 'invalid_dataset', message: e });
}
function ut(e, t) {
  if (e.columns.length !== e.features.length)
    throw te(`The ${t} set has ${e.columns.length} columns for ${e.features.length} features.`);
  if (
    (e.columns.forEach((r, o) => {
      if (r.length !== e.rowCount) {
        let s = e.features[o]?.name ?? String(o);
        throw te(`Column "${s}" of the ${t} set has ${r.length} values, expected ${e.rowCount}.`);
      }
    }),
    e.labels.length !== e.rowCount)
  )
    throw te(`The ${t} set has ${e.labels.length} labels for ${e.rowCount} rows.`);
  if (e.weights !== void 0 && e.weights.length !== e.rowCount)
    throw te(`The ${t} set has ${e.weights.length} weights for ${e.rowCount} rows.`);
  let n = e.labels.findIndex((r) => r > 1);
  if (n >= 0) throw te(`Row ${n} of the ${t} set has label ${e.labels[n]}; labels must be 0 or 1.`);
  if (e.weights?.some((r) => !(r >= 0) || !Number.isFinite(r)))
    throw te(
      `The ${t} set has a negative, infinite or NaN weight; weights must be finite and >= 0.`,
    );
}
function Tn(e, t) {
  if (!(
    e.features.length === t.features.length &&
    e.features.every((r, o) => r.name === t.features[o]?.name && r.kind === t.features[o]?.kind)
  ))
    throw te(
      'The validation set must have the same features (names, kinds, order) as the training set.',
    );
}
function In(e, t) {
  let n = 0,
    r = 0;
  if (
    (e.forEach((o, s) => {
      o === 1 ? (n += t[s]) : (r += t[s]);
    }),
    n <= 0 || r <= 0)
  )
    throw new P({
      code: 'single_class',
      message:
        'The training set has only one class (with positive weight); a binary classifier needs both.',
    });
}
function ae(e) {
  let t = 1;
  for (let n = 0; n < e.numFeatures; n++) {
    let r = n + 1 < e.numFeatures ? e.binOffsets[n + 1] : e.totalBins;
    t = Math.max(t, r - e.binOffsets[n]);
  }
  return (e.totalBins + t) * 2;
}
var De = 8,
  io = 8192;
function mt(e) {
  return Math.max(1, Math.min(De, Math.floor(e / io)));
}
function Sn(e) {
  return Math.floor((e.chunk * e.count) / e.chunks);
}
function dt(e) {
  let { hist: t, histBase: n, partials: r, chunks: o, slotSize: s } = e;
  for (let i = 1; i < o; i++) {
    let a = (i - 1) * s;
    for (let c = 0; c < s; c++) t[n + c] = t[n + c] + r[a + c];
  }
}
function ht(e) {
  return 1 + e / 8 + e;
}
function pt(e) {
  let { plan: t, base: n, matrix: r, features: o, sink: s } = e,
    i = r.rowStride,
    a = n + 1 + i / 8;
  t.fill(s * 2, a, a + i);
  let c = 0,
    l = -1;
  for (let u of o) {
    t[a + u] = r.binOffsets[u] * 2;
    let f = u - (u % 8);
    f !== l && ((t[n + 1 + c++] = f), (l = f));
  }
  t[n] = c;
}
function Fe(e) {
  let t = e.rowBins,
    n = e.rowStride,
    r = e.rows,
    o = e.begin,
    s = e.count,
    i = e.gradHess,
    a = e.hist.subarray(e.histBase),
    c = e.plan,
    l = e.planBase,
    u = c[l],
    f = l + 1 + (n >> 3);
  if (u === 0) return;
  let m = s * 8 < r.length,
    d = 0,
    g = 0;
  for (let h = 0; h < s; h++) {
    if (m && (h & 15) === 0) {
      let x = Math.min(s, h + 32);
      for (let T = h + 16; T < x; T++) {
        let A = r[o + T];
        ((d |= t[A * n]), (g += i[2 * A]));
      }
    }
    let v = r[o + h],
      w = v * n,
      N = i[2 * v],
      b = i[2 * v + 1];
    for (let x = 1; x <= u; x++) {
      let T = c[l + x],
        A = w + T,
        I = f + T,
        p = c[I] + (t[A] << 1);
      ((a[p] = a[p] + N),
        (a[p + 1] = a[p + 1] + b),
        (p = c[I + 1] + (t[A + 1] << 1)),
        (a[p] = a[p] + N),
        (a[p + 1] = a[p + 1] + b),
        (p = c[I + 2] + (t[A + 2] << 1)),
        (a[p] = a[p] + N),
        (a[p + 1] = a[p + 1] + b),
        (p = c[I + 3] + (t[A + 3] << 1)),
        (a[p] = a[p] + N),
        (a[p + 1] = a[p + 1] + b),
        (p = c[I + 4] + (t[A + 4] << 1)),
        (a[p] = a[p] + N),
        (a[p + 1] = a[p + 1] + b),
        (p = c[I + 5] + (t[A + 5] << 1)),
        (a[p] = a[p] + N),
        (a[p + 1] = a[p + 1] + b),
        (p = c[I + 6] + (t[A + 6] << 1)),
        (a[p] = a[p] + N),
        (a[p + 1] = a[p + 1] + b),
        (p = c[I + 7] + (t[A + 7] << 1)),
        (a[p] = a[p] + N),
        (a[p + 1] = a[p + 1] + b));
    }
  }
  d < 0 && g > 0 && (a[0] = NaN);
}
function Pe(e) {
  let t = new Int32Array(ht(e.rowStride)),
    n = ae(e),
    r = new Float64Array((De - 1) * n);
  return {
    useFeatures(o) {
      pt({ plan: t, base: 0, matrix: e, features: o, sink: e.totalBins });
    },
    build(o) {
      let { rowBins: s, rowStride: i } = e,
        a = mt(o.count);
      for (let c = 0; c < a; c++) {
        let l = Sn({ count: o.count, chunks: a, chunk: c }),
          u = Sn({ count: o.count, chunks: a, chunk: c + 1 });
        (c > 0 && r.fill(0, (c - 1) * n, c * n),
          Fe({
            ...o,
            begin: o.begin + l,
            count: u - l,
            hist: c === 0 ? o.hist : r,
            histBase: c === 0 ? o.histBase : (c - 1) * n,
            rowBins: s,
            rowStride: i,
            plan: t,
            planBase: 0,
          }));
      }
      dt({ hist: o.hist, histBase: o.histBase, partials: r, chunks: a, slotSize: n });
    },
  };
}
function $n(e) {
  let { hist: t, parentBase: n, siblingBase: r, length: o } = e;
  for (let s = 0; s < o; s++) t[n + s] = t[n + s] - t[r + s];
}
function kn(e) {
  let { score: t, labels: n, weights: r, gradHess: o } = e;
  for (let s = 0; s < t.length; s++) {
    let i = 1 / (1 + Math.exp(-t[s])),
      a = r[s];
    ((o[2 * s] = (i - n[s]) * a), (o[2 * s + 1] = Math.max(i * (1 - i), 1e-15) * a));
  }
}
function En(e, t) {
  let n = 0,
    r = 0;
  for (let s = 0; s < e.length; s++) {
    let i = t[s];
    ((r += i), e[s] === 1 && (n += i));
  }
  let o = Math.min(Math.max(n / r, 1e-15), 1 - 1e-15);
  return Math.log(o / (1 - o));
}
function gt(e) {
  let { score: t, labels: n, weights: r } = e,
    o = e.offset ?? 0,
    s = 0,
    i = 0;
  for (let a = 0; a < t.length; a++) {
    let c = r === void 0 ? 1 : r[a],
      l = 1 / (1 + Math.exp(-(t[a] + o))),
      u = n[a] === 1 ? l : 1 - l;
    ((s -= c * Math.log(Math.min(Math.max(u, 1e-15), 1))), (i += c));
  }
  return i > 0 ? s / i : 0;
}
import { Worker as ao } from 'node:worker_threads';
var ce = 0,
  Ne = 1,
  co = 2,
  lo = 3,
  uo = 4,
  fo = 5,
  Cn = 6,
  mo = 7,
  Mn = 8,
  Ln = 4,
  ho = 16777215;
function po(e, t) {
  let n = t.ctrl;
  for (Atomics.store(n, 8 + t.slot, 1), Atomics.notify(n, 8 + t.slot); ;) {
    if (Atomics.load(n, 6) === 1) return;
    let r = Atomics.load(n, 0),
      o = r & 15,
      s = n[5],
      i = n[2],
      a = n[3],
      c = n[4];
    if (o >= s) {
      Atomics.wait(n, 0, r);
      continue;
    }
    if (Atomics.compareExchange(n, 0, r, r + 1) === r) {
      try {
        let l = Math.floor((o * a) / s),
          u = Math.floor(((o + 1) * a) / s),
          f = (o - 1) * t.slotSize;
        (o > 0 && t.partials.fill(0, f, f + t.slotSize),
          e({
            rowBins: t.rowBins,
            rowStride: t.rowStride,
            rows: t.rows,
            begin: i + l,
            count: u - l,
            gradHess: t.gradHess,
            hist: o === 0 ? t.hist : t.partials,
            histBase: o === 0 ? c : f,
            plan: t.plan,
            planBase: 0,
          }));
      } catch {
        Atomics.store(n, 7, 1);
      }
      (Atomics.add(n, 1, 1), Atomics.notify(n, 1));
    }
  }
}
var go = `const kernel = (${Fe.toString()});
(${po.toString()})(kernel, require('node:worker_threads').workerData);
`,
  wt = class {
    shared;
    pool;
    generation = 0;
    serial;
    constructor(t, n) {
      ((this.shared = t), (this.pool = n), (this.serial = Pe(t.matrix)));
    }
    get threads() {
      return this.pool.workers.length + 1;
    }
    useFeatures(t) {
      let { matrix: n } = this.shared;
      (pt({ plan: this.pool.plan, base: 0, matrix: n, features: t, sink: n.totalBins }),
        this.serial.useFeatures(t));
    }
    build(t) {
      let { ctrl: n, plan: r, partials: o } = this.pool,
        { matrix: s } = this.shared,
        i = ae(s),
        a = mt(t.count),
        c =
          t.gradHess !== this.shared.gradHess ||
          t.hist !== this.shared.hist ||
          t.rows !== this.shared.rows;
      if (a === 1 || c) {
        this.serial.build(t);
        return;
      }
      ((n[co] = t.begin),
        (n[lo] = t.count),
        (n[uo] = t.histBase),
        (n[fo] = a),
        Atomics.store(n, Ne, 0),
        (this.generation = (this.generation + 1) & ho));
      let l = this.generation << Ln;
      for (Atomics.store(n, ce, l), Atomics.notify(n, ce); ;) {
        let f = Atomics.load(n, ce),
          m = f - l;
        if (m >= a) break;
        if (Atomics.compareExchange(n, ce, f, f + 1) !== f) continue;
        let d = Math.floor((m * t.count) / a),
          g = Math.floor(((m + 1) * t.count) / a),
          h = (m - 1) * i;
        (m > 0 && o.fill(0, h, h + i),
          Fe({
            ...t,
            begin: t.begin + d,
            count: g - d,
            hist: m === 0 ? t.hist : o,
            histBase: m === 0 ? t.histBase : h,
            rowBins: s.rowBins,
            rowStride: s.rowStride,
            plan: r,
            planBase: 0,
          }),
          Atomics.add(n, Ne, 1));
      }
      let u = Atomics.load(n, Ne);
      for (; u < a;) (Atomics.wait(n, Ne, u), (u = Atomics.load(n, Ne)));
      if (Atomics.load(n, mo) === 1)
        throw new Error('a histogram worker thread failed; train again with num_threads: 1');
      dt({ hist: t.hist, histBase: t.histBase, partials: o, chunks: a, slotSize: i });
    }
    close() {
      let { ctrl: t, workers: n } = this.pool;
      (Atomics.store(t, Cn, 1),
        Atomics.add(t, ce, 1 << Ln),
        Atomics.notify(t, ce),
        n.forEach((r) => {
          r.terminate();
        }));
    }
  };
function On(e) {
  let { shared: t } = e,
    n = e.threads - 1;
  if (n < 1) return;
  let r = new Int32Array(new SharedArrayBuffer((Mn + n) * 4)),
    o = new Int32Array(new SharedArrayBuffer(ht(t.matrix.rowStride) * 4)),
    s = ae(t.matrix),
    i = new Float64Array(new SharedArrayBuffer((De - 1) * s * 8)),
    a = [],
    c = () => {
      (Atomics.store(r, Cn, 1),
        a.forEach((l) => {
          l.terminate();
        }));
    };
  try {
    for (let l = 0; l < n; l++) {
      let u = {
          rowBins: t.matrix.rowBins,
          rowStride: t.matrix.rowStride,
          rows: t.rows,
          gradHess: t.gradHess,
          hist: t.hist,
          partials: i,
          slotSize: s,
          plan: o,
          ctrl: r,
          slot: l,
        },
        f = new ao(go, { eval: !0, workerData: u });
      (f.unref(), f.on('error', () => {}), a.push(f));
    }
    for (let l = 0; l < n; l++)
      if (Atomics.wait(r, Mn + l, 0, e.timeoutMs ?? 1e4) === 'timed-out') return c();
  } catch {
    return c();
  }
  return new wt(t, { ctrl: r, plan: o, partials: i, workers: a });
}
var F = (e) => E.number().int().min(e),
  Bn = () => E.number().gt(0).lte(1),
  le = () => E.number().min(0).finite(),
  Dn = E.object({
    num_leaves: F(2).max(131072).default(31),
    max_depth: E.number().int().default(-1),
    learning_rate: E.number().gt(0).finite().default(0.1),
    n_estimators: F(1).default(100),
    max_bin: F(3).max(65535).default(255),
    min_data_in_bin: F(1).default(3),
    bin_construct_sample_cnt: F(1).default(2e5),
    min_data_in_leaf: F(0).default(20),
    min_sum_hessian_in_leaf: le().default(0.001),
    lambda_l1: le().default(0),
    lambda_l2: le().default(0),
    min_gain_to_split: le().default(0),
    feature_fraction: Bn().default(1),
    bagging_fraction: Bn().default(1),
    bagging_freq: F(0).default(0),
    early_stopping_rounds: F(0).default(0),
    cat_smooth: le().default(10),
    cat_l2: le().default(10),
    max_cat_threshold: F(1).default(32),
    min_data_per_group: F(1).default(100),
    max_cat_to_onehot: F(1).default(4),
    scale_pos_weight: E.number().gt(0).finite().default(1),
    is_unbalance: E.boolean().default(!1),
    calibrate_to_prior: E.boolean().default(!0),
    num_threads: F(0).max(64).default(0),
  })
    .strict()
    .superRefine((e, t) => {
      e.is_unbalance &&
        e.scale_pos_weight !== 1 &&
        t.addIssue({
          code: 'custom',
          path: ['scale_pos_weight'],
          message: 'cannot be combined with is_unbalance; set only one of them',
        });
    });
function bt(e) {
  let t = Dn.safeParse(e ?? {});
  if (!t.success) {
    let n = t.error.issues.map((r) => `${r.path.join('.') || '(params)'}: ${r.message}`).join('; ');
    throw new P({
      code: 'invalid_params',
      message: `Invalid GBDT parameters (${n}). Fix them and train again.`,
      cause: t.error,
    });
  }
  return t.data;
}
function yt(e) {
  return e.kind === 'leaf' ? 1 : 1 + yt(e.left) + yt(e.right);
}
function wo(e) {
  let t = e.reduce((s, i) => s + yt(i), 0),
    n = {
      feature: new Int32Array(t),
      threshold: new Float64Array(t),
      missingLeft: new Uint8Array(t),
      left: new Int32Array(t),
      right: new Int32Array(t),
      value: new Float64Array(t),
      categories: new Array(t).fill(void 0),
      roots: new Int32Array(e.length),
    },
    r = 0,
    o = (s) => {
      let i = r++;
      return s.kind === 'leaf'
        ? ((n.feature[i] = -1), (n.value[i] = s.value), i)
        : ((n.feature[i] = s.feature),
          (n.missingLeft[i] = s.missingLeft ? 1 : 0),
          s.kind === 'numeric'
            ? (n.threshold[i] = s.threshold)
            : (n.categories[i] = new Set(s.leftCategories)),
          (n.left[i] = o(s.left)),
          (n.right[i] = o(s.right)),
          i);
    };
  return (e.forEach((s, i) => (n.roots[i] = o(s))), n);
}
function xt(e) {
  let { data: t, out: n } = e,
    r = wo(e.trees),
    {
      feature: o,
      threshold: s,
      missingLeft: i,
      left: a,
      right: c,
      value: l,
      categories: u,
      roots: f,
    } = r,
    m = t.columns;
  for (let d = 0; d < f.length; d++)
    for (let g = 0; g < t.rowCount; g++) {
      let h = f[d],
        v = o[h];
      for (; v >= 0;) {
        let w = m[v][g],
          N;
        if (Number.isNaN(w)) N = i[h] === 1;
        else {
          let b = u[h];
          N = b === void 0 ? w <= s[h] : b.has(w);
        }
        ((h = N ? a[h] : c[h]), (v = o[h]));
      }
      n[g] = n[g] + l[h];
    }
}
function Fn(e, t) {
  let n = new Float64Array(t.rowCount).fill(e.baseScore);
  return (xt({ trees: e.trees, data: t, out: n }), n);
}
function Re(e, t) {
  let n = Fn(e, t);
  for (let r = 0; r < n.length; r++) n[r] = 1 / (1 + Math.exp(-n[r]));
  return n;
}
function Ue(e) {
  let t = (Math.trunc(e) ^ 1540483477) >>> 0,
    n = () => {
      t = (t + 1831565813) >>> 0;
      let r = t;
      return (
        (r = Math.imul(r ^ (r >>> 15), r | 1)),
        (r ^= r + Math.imul(r ^ (r >>> 7), r | 61)),
        ((r ^ (r >>> 14)) >>> 0) / 4294967296
      );
    };
  return { next: n, int: (r) => Math.floor(n() * r) };
}
function Pn(e) {
  let { rowCount: t, fraction: n, rng: r } = e,
    o = new Int32Array(t),
    s = 0;
  for (let i = 0; i < t; i++) r.next() < n && (o[s++] = i);
  return (s === 0 && (o[s++] = r.int(t)), o.slice(0, s));
}
function Rn(e) {
  let { candidates: t, fraction: n, rng: r } = e;
  if (n >= 1 || t.length === 0) return t;
  let o = Math.max(1, Math.round(n * t.length)),
    s = Int32Array.from(t);
  for (let i = 0; i < o; i++) {
    let a = i + r.int(s.length - i),
      c = s[i];
    ((s[i] = s[a]), (s[a] = c));
  }
  return s.slice(0, o).sort();
}
function bo(e, t) {
  let n = [];
  return (
    e.binToCode.forEach((r, o) => {
      t[o] === 1 && n.push(r);
    }),
    t[e.numBins - 1] === 1 && n.push(...e.overflowCodes),
    n.sort((r, o) => r - o)
  );
}
function Un(e, t) {
  let n = (r) => {
    if (r < 0) return { kind: 'leaf', value: (e.leafOutput[~r] ?? 0) * t.learningRate };
    let o = e.nodes[r],
      s = o === void 0 ? void 0 : t.mappers[o.split.feature];
    if (o === void 0 || s === void 0) throw new Error(`tree node ${r} is dangling`);
    let { split: i } = o,
      a = {
        feature: i.feature,
        missingLeft: i.missingLeft,
        gain: i.gain,
        left: n(o.left),
        right: n(o.right),
      };
    return s.kind === 'categorical'
      ? { kind: 'categorical', leftCategories: bo(s, i.goLeft), ...a }
      : { kind: 'numeric', threshold: s.upperBounds[i.thresholdBin] ?? 1 / 0, ...a };
  };
  return n(e.nodes.length === 0 ? -1 : 0);
}
function yo(e, t, n) {
  if (e.nodes.length === 0) return 0;
  let r = 0;
  for (; r >= 0;) {
    let o = e.nodes[r];
    if (o === void 0) return 0;
    let s = t.columns[o.split.feature]?.[n] ?? 0;
    r = o.split.goLeft[s] === 1 ? o.left : o.right;
  }
  return ~r;
}
function Gn(e) {
  let { tree: t, rows: n, score: r, shrinkage: o, matrix: s, inBag: i } = e;
  for (let a = 0; a < t.numLeaves; a++) {
    let c = t.leafOutput[a] * o,
      l = t.leafBegin[a],
      u = l + t.leafCount[a];
    for (let f = l; f < u; f++) {
      let m = n[f];
      r[m] = r[m] + c;
    }
  }
  if (i !== void 0)
    for (let a = 0; a < r.length; a++) i[a] !== 1 && (r[a] = r[a] + t.leafOutput[yo(t, s, a)] * o);
}
function Ge(e) {
  return e.sumHess > 0 ? e.count / e.sumHess : 0;
}
function _e(e, t) {
  return Math.round(e * t);
}
function Vn(e, t) {
  let n = Math.abs(e) - t;
  return n > 0 ? Math.sign(e) * n : 0;
}
function vt(e) {
  return -Vn(e.sumGrad, e.l1) / (e.sumHess + e.l2);
}
function q(e, t, n) {
  let r = Vn(e, n.l1);
  return (r * r) / (t + n.l2);
}
function Hn(e) {
  let { g: t, h: n, c: r, l1: o, l2: s } = e;
  return { sumGrad: t, sumHess: n, count: r, output: vt({ sumGrad: t, sumHess: n, l1: o, l2: s }) };
}
function Nt(e) {
  let { fh: t, cfg: n, best: r, goLeft: o } = e,
    s = t.mapper.numBins - 1,
    i = _e(t.hist[t.base + s * 2 + 1], Ge(t)),
    a = t.count - r.lc,
    c = i > 0 ? o[s] === 1 : r.lc >= a;
  o[s] = c ? 1 : 0;
  let l = n.lambdaL1;
  return {
    feature: t.feature,
    gain: r.gain - e.parentGain,
    goLeft: o,
    thresholdBin: e.thresholdBin,
    missingLeft: c,
    left: Hn({ g: r.lg, h: r.lh, c: r.lc, l1: l, l2: r.l2 }),
    right: Hn({ g: t.sumGrad - r.lg, h: t.sumHess - r.lh, c: a, l1: l, l2: r.l2 }),
  };
}
function xo(e, t) {
  let { hist: n, base: r } = e,
    o = e.mapper.numBins - 1;
  if (o < 2) return;
  let s = { l1: t.lambdaL1, l2: t.lambdaL2 },
    i = q(e.sumGrad, e.sumHess, s),
    a = i + t.minGainToSplit,
    c = Ge(e),
    l = r + o * 2,
    u = n[l],
    f = n[l + 1],
    m = _e(f, c),
    d,
    g = -1,
    h = !1,
    v = 0,
    w = 0,
    N = 0;
  for (let x = 0; x < o - 1; x++) {
    let T = r + x * 2,
      A = n[T + 1];
    ((v += n[T]), (w += A), (N += _e(A, c)));
    for (let I = 0; I < (m > 0 ? 2 : 1); I++) {
      let p = I === 0 ? v : v + u,
        _ = I === 0 ? w : w + f,
        M = I === 0 ? N : N + m,
        H = e.count - M,
        z = e.sumHess - _;
      if (
        M < t.minDataInLeaf ||
        _ < t.minSumHessianInLeaf ||
        H < t.minDataInLeaf ||
        z < t.minSumHessianInLeaf
      )
        continue;
      let j = q(p, _, s) + q(e.sumGrad - p, z, s);
      j > a &&
        (d === void 0 || j > d.gain) &&
        ((d = { gain: j, lg: p, lh: _, lc: M, l2: t.lambdaL2 }), (g = x), (h = I === 1));
    }
  }
  if (d === void 0) return;
  let b = new Uint8Array(o + 1);
  return (
    b.fill(1, 0, g + 1),
    (b[o] = h ? 1 : 0),
    Nt({ fh: e, cfg: t, best: d, parentGain: i, goLeft: b, thresholdBin: g })
  );
}
function vo(e, t) {
  let { hist: n, base: r } = e,
    o = { l1: t.lambdaL1, l2: t.lambdaL2 },
    s = q(e.sumGrad, e.sumHess, o),
    i = Ge(e),
    a,
    c = -1;
  for (let u = 0; u < e.mapper.numBins; u++) {
    let f = r + u * 2,
      m = n[f],
      d = n[f + 1],
      g = _e(d, i),
      h = e.count - g,
      v = e.sumHess - d;
    if (
      g < t.minDataInLeaf ||
      d < t.minSumHessianInLeaf ||
      h < t.minDataInLeaf ||
      v < t.minSumHessianInLeaf
    )
      continue;
    let w = q(m, d, o) + q(e.sumGrad - m, v, o);
    w > s + t.minGainToSplit &&
      (a === void 0 || w > a.gain) &&
      ((a = { gain: w, lg: m, lh: d, lc: g, l2: t.lambdaL2 }), (c = u));
  }
  if (a === void 0) return;
  let l = new Uint8Array(e.mapper.numBins);
  return ((l[c] = 1), Nt({ fh: e, cfg: t, best: a, parentGain: s, goLeft: l, thresholdBin: -1 }));
}
function No(e, t) {
  let { hist: n, base: r } = e,
    o = q(e.sumGrad, e.sumHess, { l1: t.lambdaL1, l2: t.lambdaL2 }),
    s = { l1: t.lambdaL1, l2: t.lambdaL2 + t.catL2 },
    i = Ge(e),
    a = (w) => _e(n[r + w * 2 + 1], i),
    c = [];
  for (let w = 0; w < e.mapper.numBins; w++) a(w) >= t.catSmooth && c.push(w);
  let l = (w) => n[r + w * 2] / (n[r + w * 2 + 1] + t.catSmooth);
  c.sort((w, N) => l(w) - l(N) || w - N);
  let u = c.length,
    f = Math.min(t.maxCatThreshold, Math.floor((u + 1) / 2)),
    m = Math.max(Math.min(f, u) - 1, 0),
    d,
    g = 0,
    h = 1;
  for (let w of [1, -1]) {
    let N = w === 1 ? 0 : u - 1,
      b = 0,
      x = 0,
      T = 0,
      A = 0;
    for (let I = 0; I < u && I < m; I++) {
      let p = c[N];
      N += w;
      let _ = a(p);
      if (
        ((b += n[r + p * 2]),
        (x += n[r + p * 2 + 1]),
        (T += _),
        (A += _),
        T < t.minDataInLeaf || x < t.minSumHessianInLeaf)
      )
        continue;
      let M = e.count - T;
      if (M < t.minDataInLeaf || M < t.minDataPerGroup) break;
      let H = e.sumHess - x;
      if (H < t.minSumHessianInLeaf) break;
      if (A < t.minDataPerGroup) continue;
      A = 0;
      let z = q(b, x, s) + q(e.sumGrad - b, H, s);
      z > o + t.minGainToSplit &&
        (d === void 0 || z > d.gain) &&
        ((d = { gain: z, lg: b, lh: x, lc: T, l2: s.l2 }), (g = I + 1), (h = w));
    }
  }
  if (d === void 0) return;
  let v = new Uint8Array(e.mapper.numBins);
  for (let w = 0; w < g; w++) v[c[h === 1 ? w : u - 1 - w]] = 1;
  return Nt({ fh: e, cfg: t, best: d, parentGain: o, goLeft: v, thresholdBin: -1 });
}
function Wn(e, t) {
  if (e.mapper.kind === 'numeric') return xo(e, t);
  if (!(e.mapper.numBins < 2)) return e.mapper.numBins <= t.maxCatToOnehot ? vo(e, t) : No(e, t);
}
var _t = class {
  setup;
  input;
  leaves = [];
  leafParent = [];
  nodes = [];
  slotSize;
  constructor(t, n) {
    ((this.setup = t), (this.input = n), (this.slotSize = t.workspace.slotSize));
  }
  grow() {
    this.setup.builder.useFeatures(this.input.features);
    let t = this.initRoot();
    for (
      this.leaves.push(t),
        this.leafParent.push(-1),
        this.canSplit(t) && (this.buildHistogram(t), (t.best = this.findBest(t)));
      this.leaves.length < this.setup.numLeaves;
    ) {
      let a = this.pickLeaf();
      if (a < 0) break;
      this.splitLeaf(a);
    }
    let n = this.leaves.length,
      r = new Float64Array(n),
      o = new Int32Array(n),
      s = new Int32Array(n),
      i = vt({
        sumGrad: t.sumGrad,
        sumHess: t.sumHess,
        l1: this.setup.split.lambdaL1,
        l2: this.setup.split.lambdaL2,
      });
    return (
      this.leaves.forEach((a, c) => {
        ((o[c] = a.begin), (s[c] = a.count), (r[c] = this.leafValues[c] ?? i));
      }),
      { nodes: this.nodes, leafOutput: r, leafBegin: o, leafCount: s, numLeaves: n }
    );
  }
  leafValues = [];
  initRoot() {
    let { rows: t } = this.setup.workspace,
      { gradHess: n, bag: r } = this.input,
      o,
      s = 0,
      i = 0;
    if (r === void 0) {
      o = this.setup.matrix.rowCount;
      for (let a = 0; a < o; a++) ((t[a] = a), (s += n[2 * a]), (i += n[2 * a + 1]));
    } else {
      ((o = r.length), t.set(r));
      for (let a = 0; a < o; a++) {
        let c = r[a];
        ((s += n[2 * c]), (i += n[2 * c + 1]));
      }
    }
    return { begin: 0, count: o, sumGrad: s, sumHess: i, depth: 0, slot: 0, best: void 0 };
  }
  canSplit(t) {
    let { split: n, maxDepth: r } = this.setup;
    return r > 0 && t.depth >= r
      ? !1
      : t.count >= 2 * n.minDataInLeaf && t.count >= 2 && t.sumHess >= 2 * n.minSumHessianInLeaf;
  }
  buildHistogram(t) {
    let { workspace: n, builder: r } = this.setup,
      o = t.slot * this.slotSize;
    (n.hist.fill(0, o, o + this.slotSize),
      r.build({
        rows: n.rows,
        begin: t.begin,
        count: t.count,
        gradHess: this.input.gradHess,
        hist: n.hist,
        histBase: o,
      }));
  }
  findBest(t) {
    let { mappers: n, workspace: r, split: o } = this.setup,
      { binOffsets: s } = this.setup.matrix,
      i = t.slot * this.slotSize,
      a;
    for (let c of this.input.features) {
      let l = n[c];
      if (l === void 0) continue;
      let u = Wn(
        {
          feature: c,
          mapper: l,
          hist: r.hist,
          base: i + s[c] * 2,
          sumGrad: t.sumGrad,
          sumHess: t.sumHess,
          count: t.count,
        },
        o,
      );
      u !== void 0 && (a === void 0 || u.gain > a.gain) && (a = u);
    }
    return a;
  }
  pickLeaf() {
    let t = -1,
      n = 0;
    return (
      this.leaves.forEach((r, o) => {
        r.best !== void 0 && r.best.gain > n && ((n = r.best.gain), (t = o));
      }),
      t
    );
  }
  partition(t, n) {
    let { rows: r, scratch: o } = this.setup.workspace,
      s = this.setup.matrix.columns[n.feature];
    if (s === void 0) throw new Error(`no binned column for feature ${n.feature}`);
    let i = n.goLeft,
      a = t.begin + t.count,
      c = t.begin,
      l = 0;
    for (let u = t.begin; u < a; u++) {
      let f = r[u],
        m = i[s[f]];
      ((r[c] = f), (o[l] = f), (c += m), (l += 1 - m));
    }
    return (r.set(o.subarray(0, l), c), c - t.begin);
  }
  splitLeaf(t) {
    let n = this.leaves[t],
      r = n?.best;
    if (n === void 0 || r === void 0) return;
    let o = this.partition(n, r),
      s = this.leaves.length,
      i = this.nodes.length,
      a = this.leafParent[t] ?? -1,
      c = this.nodes[a];
    (c !== void 0 && (c.left === ~t ? (c.left = i) : (c.right = i)),
      this.nodes.push({ split: r, left: ~t, right: ~s }),
      (this.leafParent[t] = i),
      this.leafParent.push(i));
    let l = n.depth + 1,
      u = {
        begin: n.begin,
        count: o,
        sumGrad: r.left.sumGrad,
        sumHess: r.left.sumHess,
        depth: l,
        slot: n.slot,
        best: void 0,
      },
      f = {
        begin: n.begin + o,
        count: n.count - o,
        sumGrad: r.right.sumGrad,
        sumHess: r.right.sumHess,
        depth: l,
        slot: s,
        best: void 0,
      };
    if (
      ((this.leaves[t] = u),
      this.leaves.push(f),
      (this.leafValues[t] = r.left.output),
      (this.leafValues[s] = r.right.output),
      this.leaves.length >= this.setup.numLeaves)
    )
      return;
    let m = this.canSplit(u),
      d = this.canSplit(f);
    if (!m && !d) return;
    let g = u.count <= f.count ? u : f,
      h = g === u ? f : u,
      v = n.slot;
    ((g.slot = s),
      (h.slot = v),
      this.buildHistogram(g),
      $n({
        hist: this.setup.workspace.hist,
        parentBase: v * this.slotSize,
        siblingBase: g.slot * this.slotSize,
        length: this.slotSize,
      }),
      m && (u.best = this.findBest(u)),
      d && (f.best = this.findBest(f)));
  }
};
function zn(e, t) {
  return new _t(e, t).grow();
}
var qn = 1e5;
function Ao(e, t) {
  let n = new Float64Array(e.rowCount);
  for (let r = 0; r < e.rowCount; r++) n[r] = (e.weights?.[r] ?? 1) * (e.labels[r] === 1 ? t : 1);
  return n;
}
function To(e, t) {
  if (!t.is_unbalance) return t.scale_pos_weight;
  let n = 0,
    r = 0;
  for (let o = 0; o < e.rowCount; o++) {
    let s = e.weights?.[o] ?? 1;
    e.labels[o] === 1 ? (n += s) : (r += s);
  }
  return n > 0 ? r / n : 1;
}
var Io = 4;
function So(e, t) {
  return e.num_threads > 0 ? e.num_threads : t < qn ? 1 : Math.max(1, Math.min(Io, _o()));
}
function jn(e, t) {
  return new Float64Array(t ? new SharedArrayBuffer(e * 8) : new ArrayBuffer(e * 8));
}
function $o(e, t) {
  return new Int32Array(t ? new SharedArrayBuffer(e * 4) : new ArrayBuffer(e * 4));
}
function ko(e) {
  let { train: t, params: n, mappers: r, logger: o } = e,
    s = So(n, t.rowCount),
    i = s > 1,
    a = An(t, { mappers: r, shared: i }),
    c = t.rowCount,
    l = ae(a),
    u = { rows: $o(c, i), scratch: new Int32Array(c), hist: jn(n.num_leaves * l, i), slotSize: l },
    f = jn(2 * c, i),
    m;
  i &&
    ((m = On({ shared: { ...u, matrix: a, gradHess: f }, threads: s })),
    m === void 0 && o?.warn('GBDT worker threads could not start; training single-threaded'));
  let d = m ?? Pe(a),
    g = Int32Array.from(
      r.flatMap((v, w) => ((v.kind === 'numeric' ? v.numBins > 2 : v.numBins > 1) ? [w] : [])),
    );
  return {
    setup: {
      matrix: a,
      mappers: r,
      numLeaves: n.num_leaves,
      maxDepth: n.max_depth,
      workspace: u,
      builder: d,
      split: {
        lambdaL1: n.lambda_l1,
        lambdaL2: n.lambda_l2,
        minDataInLeaf: n.min_data_in_leaf,
        minSumHessianInLeaf: n.min_sum_hessian_in_leaf,
        minGainToSplit: n.min_gain_to_split,
        catSmooth: n.cat_smooth,
        catL2: n.cat_l2,
        maxCatThreshold: n.max_cat_threshold,
        minDataPerGroup: n.min_data_per_group,
        maxCatToOnehot: n.max_cat_to_onehot,
      },
    },
    gradHess: f,
    candidates: g,
    parallel: m,
  };
}
function He(e, t = {}) {
  let n = Date.now(),
    r = bt(t.params),
    o = t.seed ?? 0;
  if (!Number.isSafeInteger(o))
    throw new P({ code: 'invalid_params', message: `seed must be an integer, got ${o}.` });
  let { valid: s, logger: i, onIteration: a } = t;
  if (
    (ut(e, 'training'),
    s !== void 0 && (ut(s, 'validation'), Tn(e, s)),
    r.early_stopping_rounds > 0 && s === void 0)
  )
    throw new P({
      code: 'invalid_params',
      message: 'early_stopping_rounds needs a validation set: pass options.valid or set it to 0.',
    });
  let c = To(e, r),
    l = Ao(e, c);
  In(e.labels, l);
  let u = En(e.labels, l),
    f = r.calibrate_to_prior ? u - Math.log(c) : u,
    m = _n(e, {
      maxBin: r.max_bin,
      minDataInBin: r.min_data_in_bin,
      sampleCount: r.bin_construct_sample_cnt,
      rng: Ue(o),
    }),
    d = ko({ train: e, params: r, mappers: m, logger: i });
  i?.info('GBDT training started', {
    rows: e.rowCount,
    features: e.features.length,
    threads: d.parallel?.threads ?? 1,
    binningMs: Date.now() - n,
  });
  try {
    let g = Ue(o + 1),
      h = Ue(o + 2),
      v = r.bagging_freq > 0 && r.bagging_fraction < 1,
      w = new Float64Array(e.rowCount).fill(u),
      N = s === void 0 ? void 0 : new Float64Array(s.rowCount).fill(f),
      b = [],
      x,
      T,
      A = 1 / 0,
      I = 0;
    for (let _ = 0; _ < r.n_estimators; _++) {
      if (
        (kn({ score: w, labels: e.labels, weights: l, gradHess: d.gradHess }),
        v && _ % r.bagging_freq === 0)
      ) {
        ((x = Pn({ rowCount: e.rowCount, fraction: r.bagging_fraction, rng: g })),
          (T = new Uint8Array(e.rowCount)));
        for (let at of x) T[at] = 1;
      }
      let M = Rn({ candidates: d.candidates, fraction: r.feature_fraction, rng: h }),
        H = zn(d.setup, { gradHess: d.gradHess, bag: x, features: M });
      if (H.nodes.length === 0) {
        i?.info('GBDT stopped: no leaf meets the split requirements', { iteration: _ + 1 });
        break;
      }
      Gn({
        tree: H,
        rows: d.setup.workspace.rows,
        score: w,
        shrinkage: r.learning_rate,
        matrix: d.setup.matrix,
        inBag: T,
      });
      let z = Un(H, { mappers: m, learningRate: r.learning_rate });
      b.push(z);
      let j;
      if (
        (s !== void 0 && N !== void 0
          ? (xt({ trees: [z], data: s, out: N }),
            (j = gt({ score: N, labels: s.labels, weights: s.weights })),
            j < A && ((A = j), (I = _ + 1)))
          : (I = _ + 1),
        a !== void 0)
      ) {
        let at = gt({ score: w, labels: e.labels, weights: e.weights, offset: f - u });
        a({
          iteration: _ + 1,
          trainLoss: at,
          ...(j === void 0 ? {} : { validLoss: j }),
          bestIteration: I,
          elapsedMs: Date.now() - n,
        });
      }
      if (r.early_stopping_rounds > 0 && _ + 1 - I >= r.early_stopping_rounds) {
        i?.info('GBDT early stopping', { iteration: _ + 1, bestIteration: I, bestValidLoss: A });
        break;
      }
    }
    let p = r.early_stopping_rounds > 0 ? b.slice(0, I) : b;
    return (
      i?.info('GBDT training finished', { trees: p.length, elapsedMs: Date.now() - n }),
      {
        kind: 'gbdt',
        features: e.features,
        baseScore: f,
        trees: p,
        params: { ...r, seed: o },
        bestIteration: p.length,
      }
    );
  } finally {
    d.parallel?.close();
  }
}
function At(e) {
  let t = new Float64Array(e.features.length),
    n = new Float64Array(e.features.length),
    r = (o) => {
      o.kind !== 'leaf' &&
        ((t[o.feature] = (t[o.feature] ?? 0) + o.gain),
        (n[o.feature] = (n[o.feature] ?? 0) + 1),
        r(o.left),
        r(o.right));
    };
  return (
    e.trees.forEach(r),
    e.features.map((o, s) => ({ feature: o.name, gain: t[s] ?? 0, splits: n[s] ?? 0 }))
  );
}
function V(e, t) {
  let n = 0;
  for (let r = 0; r < e.length; r++) n += (e[r] ?? 0) * (t[r] ?? 0);
  return n;
}
function Tt(e) {
  let t = 0;
  for (let n = 0; n < e.length; n++) t = Math.max(t, Math.abs(e[n] ?? 0));
  return t;
}
var It = class {
  memory;
  s = [];
  y = [];
  rho = [];
  start = 0;
  alpha;
  constructor(t) {
    ((this.memory = t), (this.alpha = new Float64Array(t)));
  }
  get size() {
    return this.s.length;
  }
  clear() {
    ((this.s.length = 0), (this.y.length = 0), (this.rho.length = 0), (this.start = 0));
  }
  push(t, n) {
    let r = V(t, n);
    if (!(r > 1e-10 * V(n, n))) return;
    if (this.s.length < this.memory) {
      (this.s.push(Float64Array.from(t)), this.y.push(Float64Array.from(n)), this.rho.push(1 / r));
      return;
    }
    let o = this.start;
    (this.s[o]?.set(t),
      this.y[o]?.set(n),
      (this.rho[o] = 1 / r),
      (this.start = (this.start + 1) % this.memory));
  }
  direction(t, n) {
    let r = this.s.length;
    for (let o = 0; o < n.length; o++) n[o] = -(t[o] ?? 0);
    for (let o = r - 1; o >= 0; o--) {
      let s = (this.start + o) % r,
        i = this.s[s] ?? n,
        a = (this.rho[s] ?? 0) * V(i, n);
      this.alpha[o] = a;
      let c = this.y[s] ?? n;
      for (let l = 0; l < n.length; l++) n[l] = (n[l] ?? 0) - a * (c[l] ?? 0);
    }
    if (r > 0) {
      let o = (this.start + r - 1) % r,
        s = this.y[o] ?? n,
        i = this.s[o] ?? n,
        a = V(i, s) / V(s, s);
      for (let c = 0; c < n.length; c++) n[c] = (n[c] ?? 0) * a;
    }
    for (let o = 0; o < r; o++) {
      let s = (this.start + o) % r,
        i = this.y[s] ?? n,
        a = this.s[s] ?? n,
        c = (this.rho[s] ?? 0) * V(i, n),
        l = this.alpha[o] ?? 0;
      for (let u = 0; u < n.length; u++) n[u] = (n[u] ?? 0) + (l - c) * (a[u] ?? 0);
    }
  }
};
function Eo(e, t) {
  let n = e.slope + t.slope - (3 * (e.value - t.value)) / (e.step - t.step),
    r = n * n - e.slope * t.slope;
  if (!(r >= 0)) return NaN;
  let o = Math.sign(t.step - e.step) * Math.sqrt(r);
  return t.step - ((t.step - e.step) * (t.slope + o - n)) / (t.slope - e.slope + 2 * o);
}
function Mo(e, t) {
  let {
      objective: n,
      x: r,
      direction: o,
      value: s,
      slope: i,
      trialX: a,
      trialGradient: c,
      maxEvaluations: l,
    } = e,
    u = 0,
    f = (w) => {
      for (let b = 0; b < r.length; b++) a[b] = (r[b] ?? 0) + w * (o[b] ?? 0);
      let N = n(a, c);
      return (u++, { step: w, value: N, slope: V(c, o) });
    },
    m = (w) => w.value <= s + 1e-4 * w.step * i,
    d = (w) => Math.abs(w.slope) <= -0.9 * i,
    g = (w, N) => {
      let b = w,
        x = N;
      for (; u < l;) {
        let T = x.step - b.step;
        if (Math.abs(T) <= 1e-16 * Math.max(1, Math.abs(b.step))) return;
        let A = Eo(b, x),
          I = Math.min(b.step, x.step) + 0.1 * Math.abs(T),
          p = Math.max(b.step, x.step) - 0.1 * Math.abs(T);
        (!Number.isFinite(A) || A < I || A > p) && (A = b.step + 0.5 * T);
        let _ = f(A);
        if (!m(_) || _.value >= b.value) x = _;
        else {
          if (d(_)) return _;
          (_.slope * (x.step - b.step) >= 0 && (x = b), (b = _));
        }
      }
    },
    h = { step: 0, value: s, slope: i },
    v = t;
  for (; u < l;) {
    let w = f(v);
    if (!Number.isFinite(w.value) || !m(w) || (u > 1 && w.value >= h.value)) {
      let N = Number.isFinite(w.value) ? w : { step: w.step, value: 1 / 0, slope: 1 / 0 };
      return { accepted: g(h, N), evaluations: u };
    }
    if (d(w)) return { accepted: w, evaluations: u };
    if (w.slope >= 0) return { accepted: g(w, h), evaluations: u };
    ((h = w), (v *= 2));
  }
  return { accepted: void 0, evaluations: u };
}
function St(e) {
  let { objective: t, initial: n } = e,
    r = e.options?.maxIterations ?? 100,
    o = e.options?.gradientTolerance ?? 1e-5,
    s = e.options?.functionTolerance ?? 64 * Number.EPSILON,
    i = e.options?.maxLineSearch ?? 50,
    a = n.length,
    c = new It(e.options?.memory ?? 10),
    l = Float64Array.from(n),
    u = new Float64Array(a),
    f = t(l, u),
    m = 1,
    d = new Float64Array(a),
    g = new Float64Array(a),
    h = new Float64Array(a),
    v = new Float64Array(a),
    w = new Float64Array(a),
    N = (b, x) => ({
      x: l,
      value: f,
      iterations: b,
      evaluations: m,
      gradientNorm: Tt(u),
      reason: x,
      converged: x === 'gradient' || x === 'function',
    });
  for (let b = 0; ; b++) {
    if (Tt(u) <= o) return N(b, 'gradient');
    if (b >= r) return N(b, 'max_iter');
    c.direction(u, h);
    let x = V(u, h);
    x < 0 || (c.clear(), c.direction(u, h), (x = V(u, h)));
    let T = c.size === 0 ? Math.min(1, 1 / Math.sqrt(V(h, h))) : 1,
      A = Mo(
        {
          objective: t,
          x: l,
          direction: h,
          value: f,
          slope: x,
          trialX: d,
          trialGradient: g,
          maxEvaluations: i,
        },
        T,
      );
    if (((m += A.evaluations), A.accepted === void 0)) return N(b, 'line_search');
    let I = A.accepted.value;
    for (let _ = 0; _ < a; _++)
      ((v[_] = (d[_] ?? 0) - (l[_] ?? 0)), (w[_] = (g[_] ?? 0) - (u[_] ?? 0)));
    (c.push(v, w), ([l, d] = [d, l]), ([u, g] = [g, u]));
    let p = (f - I) / Math.max(Math.abs(f), Math.abs(I), 1);
    if (((f = I), p <= s)) return N(b + 1, Tt(u) <= o ? 'gradient' : 'function');
  }
}
var Xn = E.object({
  C: E.number().positive().finite().default(1),
  max_iter: E.number().int().positive().default(200),
  tol: E.number().positive().finite().default(1e-6),
  class_weight: E.enum(['none', 'balanced']).default('none'),
}).strict();
function $t(e) {
  let t = Xn.safeParse(e ?? {});
  if (!t.success) {
    let n = t.error.issues.map((r) => `${r.path.join('.') || '(params)'}: ${r.message}`).join('; ');
    throw new y(
      'CONFIG',
      `Invalid logistic regression parameters (${n}). Fix them and train again.`,
      { cause: t.error },
    );
  }
  return t.data;
}
function Ve(e, t) {
  let { rowCount: n, columns: r } = t,
    o = new Float64Array(n).fill(e.intercept),
    s = (a) => {
      let c = r[a];
      if (c?.length !== n)
        throw new y(
          'DATA',
          `Feature "${e.features[a]?.name ?? a}" is missing or not ${n} rows long; pass columns in the model's feature order.`,
        );
      return c;
    };
  for (let a of e.numeric) {
    let c = s(a.feature);
    for (let l = 0; l < n; l++) {
      let u = c[l] ?? NaN,
        f = Number.isNaN(u) ? a.impute : u;
      o[l] = (o[l] ?? 0) + (a.weight * (f - a.mean)) / a.scale;
    }
  }
  for (let a of e.categorical) {
    let c = s(a.feature);
    for (let l = 0; l < n; l++) {
      let u = c[l] ?? NaN,
        f = Number.isInteger(u) ? a.weights[u] : void 0;
      o[l] = (o[l] ?? 0) + (f ?? a.missingWeight);
    }
  }
  let i = new Float64Array(n);
  for (let a = 0; a < n; a++) i[a] = 1 / (1 + Math.exp(-(o[a] ?? 0)));
  return i;
}
function Lo(e, t, n) {
  let r = 0,
    o = 0,
    s = 0,
    i = 1 / 0,
    a = -1 / 0;
  for (let f = 0; f < e.length; f++) {
    let m = n === void 0 ? 1 : (n[f] ?? 0);
    s += m;
    let d = e[f] ?? NaN;
    Number.isNaN(d) || m === 0 || ((r += m * d), (o += m), d < i && (i = d), d > a && (a = d));
  }
  let c = o === 0 ? 0 : r / o;
  if (o === 0 || i === a) return { feature: t, mean: c, scale: 1 };
  let l = 0;
  for (let f = 0; f < e.length; f++) {
    let m = e[f] ?? NaN,
      d = n === void 0 ? 1 : (n[f] ?? 0);
    Number.isNaN(m) || (l += d * (m - c) * (m - c));
  }
  let u = Math.sqrt(l / s);
  return { feature: t, mean: c, scale: u > 0 ? u : 1 };
}
function Co(e) {
  let { rowCount: t, features: n, columns: r } = e;
  if (t <= 0)
    throw new y(
      'DATA',
      'Cannot fit a logistic regression on an empty dataset: give it at least one row of each class.',
    );
  if (r.length !== n.length)
    throw new y(
      'DATA',
      `The dataset has ${r.length} columns but ${n.length} feature specs; they must match one to one.`,
    );
  if (
    (r.forEach((o, s) => {
      if (o.length !== t)
        throw new y(
          'DATA',
          `Column "${n[s]?.name ?? s}" has ${o.length} values but the dataset has ${t} rows.`,
        );
    }),
    e.labels.length !== t)
  )
    throw new y('DATA', `The dataset has ${e.labels.length} labels for ${t} rows.`);
}
function Oo(e, t) {
  for (let n = 0; n < e.length; n++) {
    let r = e[n] ?? NaN;
    if (r === 1 / 0 || r === -1 / 0)
      throw new y(
        'DATA',
        `Numeric feature "${t.name}" is infinite at row ${n}; replace it with a finite value or leave it missing (NaN).`,
      );
  }
}
function Bo(e, t) {
  let n = t.categories?.length ?? 0,
    r = !1;
  for (let o = 0; o < e.length; o++) {
    let s = e[o] ?? NaN;
    if (Number.isNaN(s)) r = !0;
    else if (!Number.isInteger(s) || s < 0 || s >= n)
      throw new y(
        'DATA',
        `Categorical feature "${t.name}" has code ${s} at row ${o}, outside its ${n} categories; encode unseen values as NaN.`,
      );
  }
  return { count: n, hasMissing: r };
}
function Kn(e) {
  Co(e);
  let { rowCount: t, features: n, columns: r } = e,
    o = [],
    s = [],
    i = [];
  n.forEach((m, d) => {
    let g = r[d] ?? new Float32Array(0);
    m.kind === 'numeric'
      ? (Oo(g, m), o.push(Lo(g, d, e.weights)))
      : i.push({ feature: d, ...Bo(g, m) });
  });
  let a = 1 + o.length;
  for (let m of i) {
    let d = a;
    a += m.count;
    let g = m.hasMissing ? a++ : -1;
    s.push({ feature: m.feature, offset: d, categoryCount: m.count, missingIndex: g });
  }
  let c = o.length,
    l = new Float64Array(t * c);
  o.forEach((m, d) => {
    let g = r[m.feature] ?? new Float32Array(0);
    for (let h = 0; h < t; h++) {
      let v = g[h] ?? NaN;
      l[h * c + d] = Number.isNaN(v) ? 0 : (v - m.mean) / m.scale;
    }
  });
  let u = s.length,
    f = new Int32Array(t * u);
  return (
    s.forEach((m, d) => {
      let g = r[m.feature] ?? new Float32Array(0);
      for (let h = 0; h < t; h++) {
        let v = g[h] ?? NaN;
        f[h * u + d] = Number.isNaN(v) ? m.missingIndex : m.offset + v;
      }
    }),
    { rowCount: t, parameterCount: a, numeric: o, categorical: s, dense: l, active: f }
  );
}
function Do(e) {
  return e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
}
function Fo(e) {
  if (e >= 0) return 1 / (1 + Math.exp(-e));
  let t = Math.exp(e);
  return t / (1 + t);
}
function Yn(e) {
  let { design: t, labels: n, weights: r, C: o } = e,
    { rowCount: s, dense: i, active: a } = t,
    c = t.numeric.length,
    l = t.categorical.length,
    u = 0;
  for (let m = 0; m < s; m++) u += r[m] ?? 0;
  let f = 1 / (o * u);
  return (m, d) => {
    d.fill(0);
    let g = 0,
      h = m[0] ?? 0;
    for (let w = 0; w < s; w++) {
      let N = r[w] ?? 0;
      if (N === 0) continue;
      let b = h,
        x = w * c;
      for (let p = 0; p < c; p++) b += (i[x + p] ?? 0) * (m[1 + p] ?? 0);
      let T = w * l;
      for (let p = 0; p < l; p++) {
        let _ = a[T + p] ?? -1;
        _ >= 0 && (b += m[_] ?? 0);
      }
      let A = n[w] === 1 ? 1 : 0;
      g += N * (Do(b) - A * b);
      let I = N * (Fo(b) - A);
      d[0] = (d[0] ?? 0) + I;
      for (let p = 0; p < c; p++) d[1 + p] = (d[1 + p] ?? 0) + I * (i[x + p] ?? 0);
      for (let p = 0; p < l; p++) {
        let _ = a[T + p] ?? -1;
        _ >= 0 && (d[_] = (d[_] ?? 0) + I);
      }
    }
    let v = 0;
    for (let w = 1; w < m.length; w++) {
      let N = m[w] ?? 0;
      ((v += N * N), (d[w] = (d[w] ?? 0) / u + f * N));
    }
    return ((d[0] = (d[0] ?? 0) / u), g / u + 0.5 * f * v);
  };
}
function Po(e, t) {
  let { rowCount: n, labels: r } = e,
    o = 0;
  for (let c = 0; c < n; c++) r[c] === 1 && o++;
  if (o === 0 || o === n)
    throw new y(
      'DATA',
      `The training data has only ${o === 0 ? 'negative' : 'positive'} labels (${n} rows); a classifier needs both classes.`,
    );
  let s = t.class_weight === 'balanced' ? n / (2 * o) : 1,
    i = t.class_weight === 'balanced' ? n / (2 * (n - o)) : 1,
    a = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    let l = e.weights === void 0 ? 1 : (e.weights[c] ?? NaN);
    if (!(l >= 0) || !Number.isFinite(l))
      throw new y('DATA', `Row weight ${l} at row ${c} is not a finite non-negative number.`);
    a[c] = l * (r[c] === 1 ? s : i);
  }
  return a;
}
function We(e, t = {}) {
  let n = $t(t.params),
    r = Po(e, n),
    o = Kn(e),
    s = Yn({ design: o, labels: e.labels, weights: r, C: n.C }),
    i = Date.now(),
    a = St({
      objective: s,
      initial: new Float64Array(o.parameterCount),
      options: { maxIterations: n.max_iter, gradientTolerance: n.tol },
    }),
    c = {
      iterations: a.iterations,
      evaluations: a.evaluations,
      loss: a.value,
      gradientNorm: a.gradientNorm,
      reason: a.reason,
      parameters: o.parameterCount,
      rows: e.rowCount,
      ms: Date.now() - i,
    };
  a.converged
    ? t.logger?.debug('logistic regression converged', c)
    : t.logger?.warn(
        `logistic regression stopped before converging (${a.reason}); raise max_iter or tol, or check for extreme feature values`,
        c,
      );
  let l = a.x,
    u = o.numeric.map((m, d) => ({
      feature: m.feature,
      impute: m.mean,
      mean: m.mean,
      scale: m.scale,
      weight: l[1 + d] ?? 0,
    })),
    f = o.categorical.map((m) => ({
      feature: m.feature,
      weights: Array.from(l.subarray(m.offset, m.offset + m.categoryCount)),
      missingWeight: m.missingIndex >= 0 ? (l[m.missingIndex] ?? 0) : 0,
    }));
  return {
    kind: 'logreg',
    features: e.features,
    intercept: l[0] ?? 0,
    numeric: u,
    categorical: f,
    params: { ...n },
  };
}
var Ro = {
    name: 'gbdt',
    space: {
      num_leaves: [31, 15, 63],
      learning_rate: [0.05, 0.1],
      min_data_in_leaf: [20, 100],
      feature_fraction: [0.9, 0.7],
      lambda_l2: [0, 1, 10],
    },
    fit(e, { params: t, valid: n, seed: r }) {
      let o = e.rowCount > 2e5,
        s = n
          ? { n_estimators: o ? 300 : 1e3, early_stopping_rounds: o ? 20 : 50, ...t }
          : { n_estimators: 200, ...t };
      return He(e, { params: s, seed: r, ...(n ? { valid: n } : {}) });
    },
    predict(e, t) {
      if (e.kind !== 'gbdt') throw new Error('gbdt learner given a non-gbdt model');
      return Re(e, t);
    },
  },
  Uo = {
    name: 'logreg',
    space: { C: [1, 0.1, 0.01, 10], class_weight: ['none', 'balanced'] },
    fit(e, { params: t }) {
      return We(e, { params: t });
    },
    predict(e, t) {
      if (e.kind !== 'logreg') throw new Error('logreg learner given a non-logreg model');
      return Ve(e, t);
    },
  },
  X = { gbdt: Ro, logreg: Uo };
import { createHash as Go } from 'node:crypto';
import { createReadStream as Ho } from 'node:fs';
import { basename as Vo, resolve as Wo } from 'node:path';
async function Jn(e) {
  let t = Go('sha256');
  for await (let n of Ho(e)) t.update(n);
  return t.digest('hex');
}
function Qn(e) {
  let { schema: t } = e,
    n = [
      ...t.features.map((r) => ({
        type: r.type === 'numeric' ? 'double' : 'string',
        name: r.name,
      })),
      { type: 'string', name: t.target.name },
    ];
  return {
    name: Vo(e.path),
    digest: e.digest.slice(0, 8),
    source_type: 'local',
    source: JSON.stringify({ uri: Wo(e.path) }),
    schema: JSON.stringify({ mlflow_colspec: n }),
    profile: JSON.stringify({ num_rows: e.rows, num_elements: e.rows * n.length }),
  };
}
import { mkdtemp as Ts, readFile as Is, rm as Ss } from 'node:fs/promises';
import { tmpdir as $s } from 'node:os';
import { join as Ht } from 'node:path';
function Q(e) {
  let { labels: t, probs: n, weights: r } = e;
  if (n.length !== t.length || (r !== void 0 && r.length !== t.length))
    throw new y(
      'DATA',
      `Got ${t.length} labels, ${n.length} probabilities${r === void 0 ? '' : ` and ${r.length} weights`}; they must have one entry per row.`,
    );
  for (let o = 0; o < n.length; o++)
    if (Number.isNaN(n[o]))
      throw new y('DATA', `Probability at row ${o} is NaN; score every row before evaluating.`);
  if (r === void 0) return () => 1;
  for (let o = 0; o < r.length; o++) {
    let s = r[o] ?? NaN;
    if (!(s >= 0) || !Number.isFinite(s))
      throw new y('DATA', `Weight at row ${o} is ${s}; weights must be finite and non-negative.`);
  }
  return (o) => r[o] ?? 0;
}
function ze(e) {
  for (let t = 0; t < e.length; t++) {
    let n = e[t] ?? NaN;
    if (!(n >= 0 && n <= 1))
      throw new y('DATA', `Probability at row ${t} is ${n}, outside [0, 1].`);
  }
}
function zo(e, t) {
  let n = t * (e.length - 1),
    r = Math.floor(n),
    o = Math.min(r + 1, e.length - 1),
    s = e[r] ?? 0;
  return s + (n - r) * ((e[o] ?? 0) - s);
}
function jo(e, t, n) {
  if (n === 'uniform') return Array.from({ length: t + 1 }, (s, i) => i / t);
  let r = Float64Array.from(e).sort(),
    o = Array.from({ length: t + 1 }, (s, i) => zo(r, i / t));
  return o.filter((s, i) => i === 0 || s > (o[i - 1] ?? -1 / 0));
}
function qo(e, t) {
  let n = 1,
    r = t.length - 1;
  for (; n < r;) {
    let o = (n + r) >> 1;
    (t[o] ?? 0) <= e ? (n = o + 1) : (r = o);
  }
  return n - 1;
}
function kt(e) {
  let t = Q(e);
  ze(e.probs);
  let n = e.bins ?? 10;
  if (!Number.isInteger(n) || n < 1)
    throw new y('CONFIG', `Calibration needs a positive whole number of bins, got ${n}.`);
  let r = e.probs.length === 0 ? [0, 1] : jo(e.probs, n, e.strategy ?? 'uniform'),
    o = Math.max(r.length - 1, 1),
    s = new Float64Array(o),
    i = new Float64Array(o),
    a = new Float64Array(o);
  for (let l = 0; l < e.labels.length; l++) {
    let u = e.probs[l] ?? 0,
      f = qo(u, r),
      m = t(l);
    ((s[f] = (s[f] ?? 0) + m),
      (i[f] = (i[f] ?? 0) + m * u),
      e.labels[l] === 1 && (a[f] = (a[f] ?? 0) + m));
  }
  let c = [];
  for (let l = 0; l < o; l++) {
    let u = s[l] ?? 0;
    u > 0 &&
      c.push({
        lower: r[l] ?? 0,
        upper: r[l + 1] ?? r[l] ?? 1,
        meanPredicted: (i[l] ?? 0) / u,
        fractionPositive: (a[l] ?? 0) / u,
        weight: u,
      });
  }
  return c;
}
function ue(e) {
  let t = Q(e),
    n = e.threshold ?? 0.5,
    r = 0,
    o = 0,
    s = 0,
    i = 0;
  for (let a = 0; a < e.labels.length; a++) {
    let c = t(a),
      l = (e.probs[a] ?? 0) >= n;
    e.labels[a] === 1 ? (l ? (r += c) : (i += c)) : l ? (o += c) : (s += c);
  }
  return { truePositive: r, falsePositive: o, trueNegative: s, falseNegative: i };
}
function Ae(e) {
  let t = e.truePositive + e.falsePositive + e.trueNegative + e.falseNegative,
    n = e.truePositive + e.falsePositive,
    r = e.truePositive + e.falseNegative,
    o = 2 * e.truePositive + e.falsePositive + e.falseNegative;
  return {
    accuracy: t > 0 ? (e.truePositive + e.trueNegative) / t : 0,
    precision: n > 0 ? e.truePositive / n : 0,
    recall: r > 0 ? e.truePositive / r : 0,
    f1: o > 0 ? (2 * e.truePositive) / o : 0,
  };
}
function Et(e) {
  for (let [t, n] of Object.entries(e))
    if (typeof n != 'number' || !(n >= 0) || !Number.isFinite(n))
      throw new y('CONFIG', `Cost ${t}=${String(n)} must be a finite non-negative number.`);
}
function fe(e, t) {
  Et(t);
  let n = e.falseNegative * t.falseNegative + e.falsePositive * t.falsePositive,
    r = e.truePositive + e.falsePositive + e.trueNegative + e.falseNegative;
  return { total: n, perRow: r > 0 ? n / r : 0 };
}
function Xo(e) {
  return fe(ue(e), e.costs);
}
function me(e) {
  let t = Q(e),
    { labels: n, probs: r } = e,
    o = n.length,
    s = new Uint32Array(o);
  for (let f = 0; f < o; f++) s[f] = f;
  s.sort((f, m) => (r[m] ?? 0) - (r[f] ?? 0));
  let i = [],
    a = [],
    c = [],
    l = 0,
    u = 0;
  for (let f = 0; f < o; f++) {
    let m = s[f] ?? 0,
      d = t(m);
    n[m] === 1 ? (l += d) : (u += d);
    let g = r[m] ?? 0;
    (f + 1 < o ? r[s[f + 1] ?? 0] : void 0) !== g && (i.push(g), a.push(l), c.push(u));
  }
  return {
    thresholds: Float64Array.from(i),
    truePositives: Float64Array.from(a),
    falsePositives: Float64Array.from(c),
    positiveWeight: l,
    negativeWeight: u,
  };
}
function Zn(e, t) {
  if (!(e.positiveWeight > 0) || !(e.negativeWeight > 0))
    throw new y(
      'DATA',
      `${t} is undefined: the data has ${e.positiveWeight > 0 ? 'no negative' : 'no positive'} rows. Evaluate on data with both classes.`,
    );
}
function er(e, t) {
  let n = Q(e);
  ze(e.probs);
  let r = 0,
    o = 0;
  for (let s = 0; s < e.labels.length; s++) {
    let i = n(s);
    ((r += i * t(e.labels[s] === 1 ? 1 : 0, e.probs[s] ?? 0)), (o += i));
  }
  if (!(o > 0)) throw new y('DATA', 'Cannot average a loss over rows of total weight 0.');
  return r / o;
}
function Mt(e) {
  let t = e.eps ?? 1e-15;
  return er(e, (n, r) => {
    let o = Math.min(Math.max(r, t), 1 - t);
    return n === 1 ? -Math.log(o) : -Math.log(1 - o);
  });
}
function Lt(e) {
  return er(e, (t, n) => (n - t) * (n - t));
}
function Te(e) {
  let t = me(e);
  Zn(t, 'The ROC curve');
  let n = t.thresholds.length,
    r = new Float64Array(n + 1),
    o = new Float64Array(n + 1),
    s = new Float64Array(n + 1);
  s[0] = 1 / 0;
  for (let i = 0; i < n; i++)
    ((r[i + 1] = (t.falsePositives[i] ?? 0) / t.negativeWeight),
      (o[i + 1] = (t.truePositives[i] ?? 0) / t.positiveWeight),
      (s[i + 1] = t.thresholds[i] ?? 0));
  return { fpr: r, tpr: o, thresholds: s };
}
function de(e) {
  let { fpr: t, tpr: n } = Te(e),
    r = 0;
  for (let o = 1; o < t.length; o++)
    r += ((t[o] ?? 0) - (t[o - 1] ?? 0)) * ((n[o] ?? 0) + (n[o - 1] ?? 0)) * 0.5;
  return r;
}
function je(e) {
  let t = me(e);
  if (!(t.positiveWeight > 0))
    throw new y(
      'DATA',
      'The precision-recall curve is undefined without positive rows; evaluate on data with positives.',
    );
  let n = t.thresholds.length,
    r = new Float64Array(n + 1),
    o = new Float64Array(n + 1),
    s = new Float64Array(n + 1);
  ((o[0] = 1), (s[0] = 1 / 0));
  for (let i = 0; i < n; i++) {
    let a = t.truePositives[i] ?? 0,
      c = a + (t.falsePositives[i] ?? 0);
    ((r[i + 1] = a / t.positiveWeight),
      (o[i + 1] = c > 0 ? a / c : 1),
      (s[i + 1] = t.thresholds[i] ?? 0));
  }
  return { recall: r, precision: o, thresholds: s };
}
function Ct(e) {
  let { recall: t, precision: n } = je(e),
    r = 0;
  for (let o = 1; o < t.length; o++) r += ((t[o] ?? 0) - (t[o - 1] ?? 0)) * (n[o] ?? 0);
  return r;
}
function Ot(e) {
  let { fpr: t, tpr: n } = Te(e),
    r = 0;
  for (let o = 0; o < t.length; o++) r = Math.max(r, Math.abs((n[o] ?? 0) - (t[o] ?? 0)));
  return r;
}
function ne(e) {
  let t = ue(e),
    n = Ae(t),
    r = {
      roc_auc: de(e),
      pr_auc: Ct(e),
      log_loss: Mt(e),
      brier: Lt(e),
      ks: Ot(e),
      accuracy: n.accuracy,
      precision: n.precision,
      recall: n.recall,
      f1: n.f1,
      true_positive: t.truePositive,
      false_positive: t.falsePositive,
      true_negative: t.trueNegative,
      false_negative: t.falseNegative,
    };
  if (e.costs !== void 0) {
    let o = fe(t, e.costs);
    ((r.expected_cost = o.perRow), (r.total_cost = o.total));
  }
  return r;
}
function Bt(e) {
  let { objective: t, costs: n } = e;
  if (t === 'cost' && n === void 0)
    throw new y('CONFIG', "Threshold objective 'cost' needs costs {falseNegative, falsePositive}.");
  n !== void 0 && Et(n);
  let r = me(e),
    {
      thresholds: o,
      truePositives: s,
      falsePositives: i,
      positiveWeight: a,
      negativeWeight: c,
    } = r;
  if (o.length === 0) throw new y('DATA', 'Cannot choose a threshold from no rows.');
  let l = (T, A) => {
      if (t === 'f1') {
        let I = T + A + a;
        return I > 0 ? (2 * T) / I : 0;
      }
      return -((a - T) * (n?.falseNegative ?? 0) + A * (n?.falsePositive ?? 0));
    },
    u = -1,
    f = l(0, 0);
  for (let T = 0; T < o.length; T++) {
    let A = l(s[T] ?? 0, i[T] ?? 0);
    A > f && ((f = A), (u = T));
  }
  let m = o[0] ?? 0,
    d;
  if (u < 0) d = m < 1 ? (m + 1) / 2 : m + 1;
  else {
    let T = o[u] ?? 0,
      A = o[u + 1];
    d = A === void 0 ? (T > 0 ? T / 2 : T) : (T + A) / 2;
  }
  let g = u < 0 ? 0 : (s[u] ?? 0),
    h = u < 0 ? 0 : (i[u] ?? 0),
    v = { truePositive: g, falsePositive: h, trueNegative: c - h, falseNegative: a - g },
    { f1: w, precision: N, recall: b } = Ae(v),
    x = { threshold: d, objective: t, f1: w, precision: N, recall: b, confusion: v };
  return n === void 0 ? x : { ...x, cost: fe(v, n) };
}
var R = class extends Error {
  name = 'OnnxError';
  code;
  constructor(t, n, r) {
    (super(n, r), (this.code = t));
  }
};
var he = 'ai.onnx.ml',
  qe = class {
    nodes = [];
    initializers = [];
    inputs = [];
    outputs = [];
    used = new Set();
    input(t) {
      if (this.used.has(t.name)) throw new Error(`duplicate graph input name '${t.name}'`);
      return (this.used.add(t.name), this.inputs.push(t), t.name);
    }
    constant(t, n) {
      let r = this.unique(t);
      return (this.initializers.push({ name: r, tensor: n }), r);
    }
    node(t, n, r = {}) {
      let o = this.unique(r.name ?? t.toLowerCase());
      return (
        this.nodes.push({
          opType: t,
          domain: r.domain ?? '',
          name: `${o}_node`,
          inputs: n,
          outputs: [o],
          attributes: r.attributes ?? {},
        }),
        o
      );
    }
    output(t, n) {
      if (this.used.has(n.name)) throw new Error(`graph output name '${n.name}' is already used`);
      (this.used.add(n.name),
        this.nodes.push({
          opType: 'Identity',
          domain: '',
          name: `${n.name}_node`,
          inputs: [t],
          outputs: [n.name],
          attributes: {},
        }),
        this.outputs.push(n));
    }
    build(t) {
      return {
        name: t,
        nodes: this.nodes,
        initializers: this.initializers,
        inputs: this.inputs,
        outputs: this.outputs,
      };
    }
    unique(t) {
      let n = `_${t.replace(/[^A-Za-z0-9_]/g, '_')}`,
        r = n;
      for (let o = 1; this.used.has(r); o++) r = `${n}_${o}`;
      return (this.used.add(r), r);
    }
  };
var Ko = new TextEncoder(),
  L = class e {
    buffer = new Uint8Array(256);
    length = 0;
    varint(t, n) {
      return (this.tag(t, 0), this.rawVarint(tr(n)), this);
    }
    float(t, n) {
      return (this.tag(t, 5), this.reserve(4).setFloat32(0, n, !0), this);
    }
    double(t, n) {
      return (this.tag(t, 1), this.reserve(8).setFloat64(0, n, !0), this);
    }
    string(t, n) {
      return this.bytes(t, Ko.encode(n));
    }
    bytes(t, n) {
      return (this.tag(t, 2), this.rawVarint(BigInt(n.length)), this.append(n), this);
    }
    packedVarints(t, n) {
      let r = new e();
      for (let o of n) r.rawVarint(tr(o));
      return this.bytes(t, r.finish());
    }
    packedFloats(t, n) {
      let r = new Uint8Array(n.length * 4),
        o = new DataView(r.buffer);
      for (let s = 0; s < n.length; s++) o.setFloat32(s * 4, n[s] ?? 0, !0);
      return this.bytes(t, r);
    }
    finish() {
      return this.buffer.slice(0, this.length);
    }
    tag(t, n) {
      this.rawVarint(BigInt(t * 8 + n));
    }
    rawVarint(t) {
      let n = t;
      for (; n >= 0x80n;) (this.pushByte(Number(n & 0x7fn) | 128), (n >>= 7n));
      this.pushByte(Number(n));
    }
    pushByte(t) {
      (this.ensure(1), (this.buffer[this.length++] = t));
    }
    append(t) {
      (this.ensure(t.length), this.buffer.set(t, this.length), (this.length += t.length));
    }
    reserve(t) {
      this.ensure(t);
      let n = new DataView(this.buffer.buffer, this.buffer.byteOffset + this.length, t);
      return ((this.length += t), n);
    }
    ensure(t) {
      if (this.length + t <= this.buffer.length) return;
      let n = new Uint8Array(Math.max(this.buffer.length * 2, this.length + t));
      (n.set(this.buffer.subarray(0, this.length)), (this.buffer = n));
    }
  };
function tr(e) {
  if (typeof e == 'boolean') return e ? 1n : 0n;
  if (typeof e == 'number' && !Number.isSafeInteger(e))
    throw new RangeError(`protobuf varint must be a safe integer, got ${e}`);
  return BigInt.asUintN(64, BigInt(e));
}
var S = { FLOAT: 1, UINT8: 2, INT64: 7, STRING: 8, BOOL: 9, DOUBLE: 11 },
  Yo = { float: 1, int: 2, string: 3, tensor: 4, floats: 6, ints: 7, strings: 8 };
function rr(e) {
  let t = new L()
    .varint(1, e.irVersion)
    .string(2, e.producerName)
    .string(3, e.producerVersion)
    .string(6, e.docString)
    .bytes(7, Jo(e.graph));
  for (let n of e.opsetImports)
    t.bytes(8, new L().string(1, n.domain).varint(2, n.version).finish());
  for (let [n, r] of e.metadataProps) t.bytes(14, new L().string(1, n).string(2, r).finish());
  return t.finish();
}
function Jo(e) {
  let t = new L();
  for (let n of e.nodes) t.bytes(1, Qo(n));
  t.string(2, e.name);
  for (let { name: n, tensor: r } of e.initializers) t.bytes(5, or(r, n));
  for (let n of e.inputs) t.bytes(11, nr(n));
  for (let n of e.outputs) t.bytes(12, nr(n));
  return t.finish();
}
function Qo(e) {
  let t = new L();
  for (let n of e.inputs) t.string(1, n);
  for (let n of e.outputs) t.string(2, n);
  t.string(3, e.name).string(4, e.opType);
  for (let [n, r] of Object.entries(e.attributes)) t.bytes(5, Zo(n, r));
  return (e.domain !== '' && t.string(7, e.domain), t.finish());
}
function Zo(e, t) {
  let n = new L().string(1, e).varint(20, Yo[t.type]);
  switch (t.type) {
    case 'float':
      return n.float(2, t.value).finish();
    case 'int':
      return n.varint(3, t.value).finish();
    case 'string':
      return n.string(4, t.value).finish();
    case 'tensor':
      return n.bytes(5, or(t.value)).finish();
    case 'floats':
      return n.packedFloats(7, t.value).finish();
    case 'ints':
      return n.packedVarints(8, t.value).finish();
    case 'strings':
      for (let r of t.value) n.string(9, r);
      return n.finish();
  }
}
function or(e, t) {
  let n = new L().packedVarints(1, e.dims).varint(2, e.dataType);
  if (e.dataType === S.STRING) for (let r of e.values) n.string(6, r);
  else n.bytes(9, es(e));
  return (t !== void 0 && n.string(8, t), n.finish());
}
function es(e) {
  let { values: t } = e,
    n = ts[e.dataType],
    r = new Uint8Array(t.length * n),
    o = new DataView(r.buffer);
  for (let s = 0; s < t.length; s++) {
    let i = t[s] ?? 0;
    switch (e.dataType) {
      case S.FLOAT:
        o.setFloat32(s * n, i, !0);
        break;
      case S.DOUBLE:
        o.setFloat64(s * n, i, !0);
        break;
      case S.UINT8:
        o.setUint8(s, i);
        break;
      case S.INT64:
        o.setBigInt64(s * n, BigInt(i), !0);
        break;
    }
  }
  return r;
}
var ts = { 1: 4, 2: 1, 7: 8, 11: 8 };
function nr(e) {
  let t = new L();
  for (let o of e.shape) {
    let s = new L();
    (typeof o == 'number' ? s.varint(1, o) : s.string(2, o), t.bytes(1, s.finish()));
  }
  let n = new L().varint(1, e.elemType).bytes(2, t.finish()).finish(),
    r = new L().bytes(1, n).finish();
  return new L().string(1, e.name).bytes(2, r).finish();
}
var Dt = 0,
  ns = 6,
  rs = 1,
  os = 0;
function ir(e, { model: t, features: n }) {
  let r = ss(t.trees),
    o = (c) => ({ type: 'tensor', value: { dataType: S.DOUBLE, dims: [c.length], values: c } }),
    s = (c) => ({ type: 'ints', value: c }),
    i = e.node('TreeEnsemble', [n], {
      domain: he,
      name: 'tree_sum',
      attributes: {
        n_targets: { type: 'int', value: 1 },
        aggregate_function: { type: 'int', value: rs },
        post_transform: { type: 'int', value: os },
        tree_roots: s(r.treeRoots),
        nodes_featureids: s(r.featureIds),
        nodes_modes: {
          type: 'tensor',
          value: { dataType: S.UINT8, dims: [r.modes.length], values: r.modes },
        },
        nodes_splits: o(r.splits),
        nodes_missing_value_tracks_true: s(r.missingTracksTrue),
        nodes_truenodeids: s(r.trueIds),
        nodes_trueleafs: s(r.trueLeafs),
        nodes_falsenodeids: s(r.falseIds),
        nodes_falseleafs: s(r.falseLeafs),
        leaf_targetids: s(r.leafWeights.map(() => 0)),
        leaf_weights: o(r.leafWeights),
        ...(r.membershipValues.length > 0 ? { membership_values: o(r.membershipValues) } : {}),
      },
    }),
    a = e.constant('base_score', { dataType: S.DOUBLE, dims: [], values: [t.baseScore] });
  return e.node('Add', [i, a], { name: 'logit' });
}
function ss(e) {
  let t = {
    treeRoots: [],
    featureIds: [],
    modes: [],
    splits: [],
    missingTracksTrue: [],
    trueIds: [],
    trueLeafs: [],
    falseIds: [],
    falseLeafs: [],
    membershipValues: [],
    leafWeights: [],
  };
  for (let n of e)
    if (n.kind === 'leaf') {
      let r = Xe(t, { feature: 0, mode: Dt, split: 0, missingTrue: !0 });
      (Ye(t, { node: r, side: 'true', child: Ke(t, n.value), isLeaf: !0 }),
        Ye(t, { node: r, side: 'false', child: Ke(t, n.value), isLeaf: !0 }),
        t.treeRoots.push(r));
    } else t.treeRoots.push(is(t, n));
  return t;
}
function is(e, t) {
  let n = sr(e, t);
  (t.left.kind === 'leaf') != (t.right.kind === 'leaf') &&
    e.leafWeights.length === e.modes.length &&
    Ke(e, 0);
  let r = [{ node: n, split: t }];
  for (let o = r.pop(); o !== void 0; o = r.pop())
    for (let s of ['true', 'false']) {
      let i = s === 'true' ? o.split.left : o.split.right;
      if (i.kind === 'leaf') Ye(e, { node: o.node, side: s, child: Ke(e, i.value), isLeaf: !0 });
      else {
        let a = sr(e, i);
        (Ye(e, { node: o.node, side: s, child: a, isLeaf: !1 }), r.push({ node: a, split: i }));
      }
    }
  return n;
}
function sr(e, t) {
  return t.kind === 'numeric'
    ? Xe(e, { feature: t.feature, mode: Dt, split: t.threshold, missingTrue: t.missingLeft })
    : t.leftCategories.length === 0
      ? Xe(e, { feature: t.feature, mode: Dt, split: -1, missingTrue: t.missingLeft })
      : (e.membershipValues.push(...[...t.leftCategories].sort((n, r) => n - r), Number.NaN),
        Xe(e, { feature: t.feature, mode: ns, split: 0, missingTrue: t.missingLeft }));
}
function Xe(e, t) {
  return (
    e.featureIds.push(t.feature),
    e.modes.push(t.mode),
    e.splits.push(t.split),
    e.missingTracksTrue.push(t.missingTrue ? 1 : 0),
    e.trueIds.push(-1),
    e.trueLeafs.push(0),
    e.falseIds.push(-1),
    e.falseLeafs.push(0),
    e.modes.length - 1
  );
}
function Ke(e, t) {
  return (e.leafWeights.push(t), e.leafWeights.length - 1);
}
function Ye(e, t) {
  let n = t.side === 'true' ? e.trueIds : e.falseIds,
    r = t.side === 'true' ? e.trueLeafs : e.falseLeafs;
  ((n[t.node] = t.child), (r[t.node] = t.isLeaf ? 1 : 0));
}
var Je = 'N';
function ar(e, t) {
  let n = t.map((o) =>
      e.input({ name: o.name, elemType: o.kind === 'numeric' ? S.FLOAT : S.STRING, shape: [Je] }),
    ),
    r = e.constant('axes_1', { dataType: S.INT64, dims: [1], values: [1] });
  return t.map((o, s) => {
    let i = n[s] ?? o.name,
      a = o.kind === 'numeric' ? i : as(e, { input: i, feature: o }),
      c = e.node('Unsqueeze', [a, r], { name: `${o.name}_column` });
    return e.node('Cast', [c], {
      name: `${o.name}_double`,
      attributes: { to: { type: 'int', value: S.DOUBLE } },
    });
  });
}
function Qe(e, t, n) {
  return e.node('Concat', t, { name: n, attributes: { axis: { type: 'int', value: 1 } } });
}
function as(e, { input: t, feature: n }) {
  let r = n.categories ?? [],
    o = [],
    s = [];
  return (
    r.forEach((i, a) => {
      i !== '' && (o.push(i), s.push(a));
    }),
    o.length === 0 && (o.push('\0champion:no-category'), s.push(Number.NaN)),
    e.node('LabelEncoder', [t], {
      domain: he,
      name: `${n.name}_code`,
      attributes: {
        keys_strings: { type: 'strings', value: o },
        values_floats: { type: 'floats', value: s },
        default_float: { type: 'float', value: Number.NaN },
      },
    })
  );
}
function cr(e, { model: t, columns: n }) {
  let r = (c) => {
      let l = n[c];
      if (l === void 0) throw new RangeError(`feature index ${c} has no column`);
      return l;
    },
    o = [];
  t.numeric.length > 0 && o.push(cs(e, { model: t, inputs: t.numeric.map((c) => r(c.feature)) }));
  for (let c of t.categorical) o.push(ls(e, { term: c, code: r(c.feature) }));
  let s = e.constant('intercept', { dataType: S.DOUBLE, dims: [1, 1], values: [t.intercept] }),
    i = o.length === 0 ? [] : [e.node('Sum', o, { name: 'linear_terms' })],
    a = n[0];
  return (
    i.length === 0 &&
      a !== void 0 &&
      i.push(
        e.node('ConstantOfShape', [e.node('Shape', [a], { name: 'batch_shape' })], {
          name: 'no_terms',
          attributes: {
            value: { type: 'tensor', value: { dataType: S.DOUBLE, dims: [1], values: [0] } },
          },
        }),
      ),
    e.node('Add', [...i, s], { name: 'logit' })
  );
}
function cs(e, { model: t, inputs: n }) {
  let r = (u, f) => e.constant(u, { dataType: S.DOUBLE, dims: [1, f.length], values: f }),
    o = Qe(e, n, 'numeric_matrix'),
    s = r(
      'impute',
      t.numeric.map((u) => u.impute),
    ),
    i = e.node('Where', [e.node('IsNaN', [o], { name: 'numeric_nan' }), s, o], {
      name: 'numeric_imputed',
    }),
    a = e.node(
      'Sub',
      [
        i,
        r(
          'mean',
          t.numeric.map((u) => u.mean),
        ),
      ],
      { name: 'numeric_centred' },
    ),
    c = e.node(
      'Div',
      [
        a,
        r(
          'scale',
          t.numeric.map((u) => u.scale),
        ),
      ],
      { name: 'numeric_scaled' },
    ),
    l = e.constant('numeric_weights', {
      dataType: S.DOUBLE,
      dims: [t.numeric.length, 1],
      values: t.numeric.map((u) => u.weight),
    });
  return e.node('MatMul', [c, l], { name: 'numeric_score' });
}
function ls(e, { term: t, code: n }) {
  let r = t.weights.length,
    o = e.constant('missing_code', { dataType: S.DOUBLE, dims: [], values: [r] }),
    s = e.node('Where', [e.node('IsNaN', [n], { name: 'code_nan' }), o, n], { name: 'code_slot' }),
    i = e.constant('codes', {
      dataType: S.DOUBLE,
      dims: [1, r + 1],
      values: Array.from({ length: r + 1 }, (l, u) => u),
    }),
    a = e.node('Cast', [e.node('Equal', [s, i], { name: 'is_code' })], {
      name: 'one_hot',
      attributes: { to: { type: 'int', value: S.DOUBLE } },
    }),
    c = e.constant('category_weights', {
      dataType: S.DOUBLE,
      dims: [r + 1, 1],
      values: [...t.weights, t.missingWeight],
    });
  return e.node('MatMul', [a, c], { name: 'category_score' });
}
function Ft(e) {
  let t = Math.fround(e);
  return t >= e ? t : Ie(t);
}
function Ie(e) {
  if (Number.isNaN(e) || e === Number.POSITIVE_INFINITY) return e;
  if (e === 0) return 2 ** -149;
  let t = new Int32Array(new Float32Array([e]).buffer);
  return ((t[0] = (t[0] ?? 0) + (e > 0 ? 1 : -1)), new Float32Array(t.buffer)[0] ?? e);
}
function Pt(e) {
  return -Ie(-e);
}
var pe = 'probability',
  ge = 'label';
function lr(e, { logit: t, threshold: n }) {
  let r = e.constant('axes_1', { dataType: S.INT64, dims: [1], values: [1] }),
    o = e.node('Sigmoid', [t], { name: 'probability_double' }),
    s = e.node('Cast', [o], {
      name: 'probability_float',
      attributes: { to: { type: 'int', value: S.FLOAT } },
    }),
    i = e.node('Squeeze', [s, r], { name: 'probability_flat' }),
    a = e.constant('threshold', { dataType: S.FLOAT, dims: [], values: [Ft(n)] }),
    c = e.node('GreaterOrEqual', [i, a], { name: 'is_positive' }),
    l = e.node('Cast', [c], {
      name: 'label_int64',
      attributes: { to: { type: 'int', value: S.INT64 } },
    });
  (e.output(i, { name: pe, elemType: S.FLOAT, shape: [Je] }),
    e.output(l, { name: ge, elemType: S.INT64, shape: [Je] }));
}
var O = {
    producer: 'champion.producer',
    producerVersion: 'champion.producer_version',
    modelKind: 'champion.model_kind',
    threshold: 'champion.threshold',
    positiveLabel: 'champion.positive_label',
    schemaDigest: 'champion.schema_digest',
    features: 'champion.features',
    featureKinds: 'champion.feature_kinds',
  },
  Ze = 'champion';
function ur(e) {
  if ((us(e.features), e.kind === 'gbdt')) {
    (e.trees.forEach((t, n) => fs(t, { features: e.features, path: `tree ${n}` })),
      Se(e.baseScore, 'baseScore'));
    return;
  }
  Se(e.intercept, 'intercept');
  for (let t of e.numeric) {
    let n = `numeric term for feature ${t.feature}`;
    Rt(e.features, { index: t.feature, kind: 'numeric', where: n });
    for (let r of ['impute', 'mean', 'scale', 'weight']) Se(t[r], `${n}: ${r}`);
    t.scale === 0 && U(`${n}: scale is 0; use 1 for constant columns`);
  }
  for (let t of e.categorical) {
    let n = `categorical term for feature ${t.feature}`,
      r = Rt(e.features, { index: t.feature, kind: 'categorical', where: n });
    (t.weights.length !== (r.categories?.length ?? 0) &&
      U(`${n}: ${t.weights.length} weights for ${r.categories?.length ?? 0} categories`),
      [...t.weights, t.missingWeight].forEach((o, s) => Se(o, `${n}: weight ${s}`)));
  }
}
function us(e) {
  e.length === 0 && U('the model has no features; an ONNX graph needs at least one input');
  let t = new Set();
  for (let n of e)
    (n.name === '' && U('a feature has an empty name; ONNX inputs are named after columns'),
      (n.name === ge || n.name === pe) &&
        U(`feature '${n.name}' clashes with the output of the same name; rename the column`),
      t.has(n.name) && U(`feature name '${n.name}' appears twice`),
      t.add(n.name));
}
function fs(e, { features: t, path: n }) {
  let r = [{ node: e, where: `${n} root` }];
  for (let o = r.pop(); o !== void 0; o = r.pop()) {
    let { node: s, where: i } = o;
    if (s.kind === 'leaf') {
      Se(s.value, `${i}: leaf value`);
      continue;
    }
    let a = Rt(t, { index: s.feature, kind: s.kind, where: i });
    if (s.kind === 'numeric')
      (Number.isNaN(s.threshold) || Math.fround(s.threshold) !== s.threshold) &&
        U(`${i}: threshold ${s.threshold} is not a float32 value; float32 routing would differ`);
    else {
      let c = a.categories?.length ?? 0;
      for (let l of s.leftCategories)
        (!Number.isInteger(l) || l < 0 || l >= c) &&
          U(`${i}: category code ${l} is not in 0..${c - 1} of '${a.name}'`);
    }
    r.push({ node: s.left, where: `${i}.left` }, { node: s.right, where: `${i}.right` });
  }
}
function Rt(e, { index: t, kind: n, where: r }) {
  let o = e[t];
  return (
    o === void 0 && U(`${r}: feature index ${t} is out of range (${e.length} features)`),
    o.kind !== n && U(`${r}: a ${n} split on ${o.kind} feature '${o.name}'`),
    o
  );
}
function Se(e, t) {
  Number.isFinite(e) || U(`${t} is ${e}; expected a finite number`);
}
function U(e) {
  throw new R('invalid-model', `Cannot export the model to ONNX: ${e}.`);
}
var fr = 10,
  mr = 21,
  dr = 5;
function Ut(e, t) {
  if (!(t.threshold >= 0 && t.threshold <= 1))
    throw new R(
      'invalid-options',
      `Cannot export the model to ONNX: threshold ${t.threshold} is not a probability in [0, 1].`,
    );
  ur(e);
  let n = new qe(),
    r = ar(n, e.features),
    o =
      e.kind === 'gbdt'
        ? ir(n, { model: e, features: Qe(n, r, 'feature_matrix') })
        : cr(n, { model: e, columns: r });
  return (
    lr(n, { logit: o, threshold: t.threshold }),
    rr({
      irVersion: fr,
      opsetImports: [
        { domain: '', version: mr },
        { domain: he, version: dr },
      ],
      producerName: Ze,
      producerVersion: t.producerVersion,
      docString: `champion ${e.kind} binary classifier`,
      graph: n.build(`champion_${e.kind}`),
      metadataProps: ms(e, t),
    })
  );
}
function ms(e, t) {
  let n = {
    [O.producer]: Ze,
    [O.producerVersion]: t.producerVersion,
    [O.modelKind]: e.kind,
    [O.threshold]: String(t.threshold),
    [O.positiveLabel]: t.positiveLabel,
    [O.schemaDigest]: t.schemaDigest,
    [O.features]: JSON.stringify(e.features.map((r) => r.name)),
    [O.featureKinds]: JSON.stringify(e.features.map((r) => r.kind)),
  };
  return Object.entries({ ...t.metadata, ...n });
}
var ds = new TextDecoder('utf-8', { fatal: !0 });
function* W(e) {
  let t = 0,
    n = () => {
      let o = 0n;
      for (let s = 0n; s < 70n; s += 7n) {
        let i = e[t++];
        if (i === void 0) throw new RangeError('truncated varint');
        if (((o |= BigInt(i & 127) << s), i < 128)) return o;
      }
      throw new RangeError('varint longer than 10 bytes');
    },
    r = (o) => {
      if (t + o > e.length) throw new RangeError('truncated field');
      let s = t;
      return ((t += o), s);
    };
  for (; t < e.length;) {
    let o = n(),
      s = Number(o >> 3n),
      i = Number(o & 7n);
    if (s === 0) throw new RangeError('field number 0');
    if (i === 0) yield { field: s, wireType: i, value: n() };
    else if (i === 1 || i === 5)
      (r(i === 1 ? 8 : 4), yield { field: s, wireType: i, value: void 0 });
    else if (i === 2) {
      let a = Number(n()),
        c = r(a);
      yield { field: s, wireType: i, value: e.subarray(c, c + a) };
    } else throw new RangeError(`unsupported wire type ${i}`);
  }
}
function Z(e) {
  if (e.wireType !== 2) throw new RangeError(`field ${e.field} is not length-delimited`);
  return ds.decode(e.value);
}
function re(e) {
  try {
    return hs(e);
  } catch (t) {
    throw new R(
      'unreadable-onnx',
      'The file is not a readable ONNX model; re-export or re-download it.',
      { cause: t },
    );
  }
}
function hs(e) {
  let t = 0,
    n = '',
    r = '',
    o = {},
    s = {},
    i;
  for (let a of W(e))
    if (a.field === 1 && a.wireType === 0) t = Number(a.value);
    else if (a.field === 2) n = Z(a);
    else if (a.field === 3) r = Z(a);
    else if (a.field === 7 && a.wireType === 2) i = ps(a.value);
    else if (a.field === 8 && a.wireType === 2) {
      let c = hr(a.value);
      o[c.key] = Number(c.number);
    } else if (a.field === 14 && a.wireType === 2) {
      let c = hr(a.value);
      s[c.key] = c.value;
    }
  if (i === void 0 || t === 0) throw new RangeError('no graph or ir_version');
  return { irVersion: t, producerName: n, producerVersion: r, opsets: o, ...i, metadata: s };
}
function hr(e) {
  let t = '',
    n = '',
    r = 0n;
  for (let o of W(e))
    o.field === 1
      ? (t = Z(o))
      : o.field === 2 && o.wireType === 2
        ? (n = Z(o))
        : o.field === 2 && o.wireType === 0 && (r = o.value);
  return { key: t, value: n, number: r };
}
function ps(e) {
  let t = [],
    n = [],
    r = new Set();
  for (let o of W(e))
    o.wireType === 2 &&
      (o.field === 11
        ? t.push(pr(o.value))
        : o.field === 12
          ? n.push(pr(o.value))
          : o.field === 5 && r.add(gs(o.value)));
  return { inputs: t.filter((o) => !r.has(o.name)), outputs: n };
}
function gs(e) {
  for (let t of W(e)) if (t.field === 8) return Z(t);
  return '';
}
function pr(e) {
  let t = '',
    n = 0,
    r = [];
  for (let o of W(e))
    if (o.field === 1) t = Z(o);
    else if (o.field === 2 && o.wireType === 2) {
      let s = bs(o.value, 1);
      if (s === void 0) continue;
      for (let i of W(s))
        i.field === 1 && i.wireType === 0
          ? (n = Number(i.value))
          : i.field === 2 && i.wireType === 2 && (r = ws(i.value));
    }
  return { name: t, elemType: n, shape: r };
}
function ws(e) {
  let t = [];
  for (let n of W(e)) {
    if (n.field !== 1 || n.wireType !== 2) continue;
    let r = null;
    for (let o of W(n.value))
      o.field === 1 && o.wireType === 0 ? (r = Number(o.value)) : o.field === 2 && (r = Z(o));
    t.push(r);
  }
  return t;
}
function bs(e, t) {
  for (let n of W(e)) if (n.field === t && n.wireType === 2) return n.value;
}
var ys = { 1: 'float32', 7: 'int64', 8: 'string', 11: 'double' };
function we(e, t) {
  let n = [],
    r = new Map(e.inputs.map((i) => [i.name, i]));
  for (let i of t) {
    let a = 'kind' in i ? i.kind : i.type,
      c = a === 'numeric' ? S.FLOAT : S.STRING,
      l = r.get(i.name);
    if (l === void 0) {
      n.push({ path: `inputs.${i.name}`, problem: `the ${a} feature has no ONNX input` });
      continue;
    }
    (r.delete(i.name), n.push(...gr(l, { path: `inputs.${i.name}`, elemType: c })));
  }
  for (let i of r.keys())
    n.push({ path: `inputs.${i}`, problem: 'the ONNX input is not a feature of the schema' });
  let o = new Map(e.outputs.map((i) => [i.name, i]));
  for (let [i, a] of [
    [ge, S.INT64],
    [pe, S.FLOAT],
  ]) {
    let c = o.get(i);
    c === void 0
      ? n.push({ path: `outputs.${i}`, problem: 'missing output' })
      : n.push(...gr(c, { path: `outputs.${i}`, elemType: a }));
  }
  let s = e.metadata[O.features];
  return (
    s !== void 0 &&
      s !== JSON.stringify(t.map((i) => i.name)) &&
      n.push({
        path: `metadata.${O.features}`,
        problem: `records features ${s}, not the schema's ${JSON.stringify(t.map((i) => i.name))}`,
      }),
    n
  );
}
function xs(e, t) {
  let n = we(e, t);
  if (n.length === 0) return;
  let r = n.map((o) => `${o.path}: ${o.problem}`).join('; ');
  throw new R(
    'signature-mismatch',
    `The ONNX model does not match the feature schema (${r}). Re-export the model with this schema.`,
  );
}
function gr(e, t) {
  let n = [];
  e.elemType !== t.elemType &&
    n.push({ path: t.path, problem: `type is ${wr(e.elemType)}, expected ${wr(t.elemType)}` });
  let r = e.shape[0];
  return (
    (e.shape.length !== 1 || typeof r == 'number') &&
      n.push({
        path: t.path,
        problem: `shape is [${e.shape.map(String).join(', ')}], expected one batch dimension [N]`,
      }),
    n
  );
}
function wr(e) {
  return ys[e] ?? `ONNX type ${e}`;
}
function br(e, t, n) {
  let r = e;
  for (; r.kind !== 'leaf';) {
    let o = t[r.feature]?.[n] ?? Number.NaN,
      s;
    (Number.isNaN(o)
      ? (s = r.missingLeft)
      : r.kind === 'numeric'
        ? (s = o <= r.threshold)
        : (s = r.leftCategories.includes(o)),
      (r = s ? r.left : r.right));
  }
  return r.value;
}
function yr(e, t) {
  let n = t[0]?.length ?? 0,
    r = new Float64Array(n);
  for (let o = 0; o < n; o++)
    r[o] = e.kind === 'gbdt' ? Ns(e, { columns: t, row: o }) : _s(e, { columns: t, row: o });
  return r;
}
function vs(e, t) {
  return yr(e, t).map((n) => 1 / (1 + Math.exp(-n)));
}
function Ns(e, { columns: t, row: n }) {
  let r = e.baseScore;
  for (let o of e.trees) r += br(o, t, n);
  return r;
}
function _s(e, { columns: t, row: n }) {
  let r = e.intercept;
  for (let o of e.numeric) {
    let s = t[o.feature]?.[n] ?? Number.NaN,
      i = Number.isNaN(s) ? o.impute : s;
    r += o.weight * ((i - o.mean) / o.scale);
  }
  for (let o of e.categorical) {
    let s = t[o.feature]?.[n] ?? Number.NaN;
    r += Number.isNaN(s) ? o.missingWeight : (o.weights[s] ?? o.missingWeight);
  }
  return r;
}
import * as $e from 'onnxruntime-node';
var K = class e {
  session;
  features;
  constructor(t, n) {
    ((this.session = t), (this.features = n));
  }
  static async create(t, n) {
    let r = await $e.InferenceSession.create(t, { graphOptimizationLevel: 'all' });
    return new e(r, n);
  }
  async score(t, n = 65536) {
    let r = t[0]?.length ?? 0,
      o = new Float32Array(r),
      s = new BigInt64Array(r);
    for (let i = 0; i < r; i += n) {
      let a = Math.min(r, i + n),
        c = {};
      this.features.forEach((m, d) => {
        let g = t[d];
        if (g === void 0) throw new y('DATA', `no values for '${m.name}'`);
        c[m.name] =
          g instanceof Float32Array
            ? new $e.Tensor('float32', g.subarray(i, a), [a - i])
            : new $e.Tensor('string', g.slice(i, a), [a - i]);
      });
      let l = await this.session.run(c),
        u = l.probability,
        f = l.label;
      if (!u || !f) throw new y('EXPORT', 'the ONNX model did not return probability and label');
      (o.set(u.data, i), s.set(f.data, i));
    }
    return { probability: o, label: s };
  }
  async release() {
    await this.session.release();
  }
};
function As(e, t) {
  let n = e.columns.find((r) => r.name === t);
  if (!n) throw new y('DATA', `column '${t}' not found in the data`);
  return n;
}
function xr(e, t) {
  return e ? (e[t] ?? 0) : t;
}
function oe(e) {
  let { table: t, features: n, rows: r } = e,
    o = r ? r.length : t.rowCount;
  return n.map((s) => {
    let i = As(t, s.name);
    if (s.kind === 'numeric') {
      if (i.kind !== 'numeric')
        throw new y('DATA', `column '${s.name}' must be numeric but holds text`);
      let c = new Float32Array(o);
      for (let l = 0; l < o; l++) c[l] = i.values[xr(r, l)] ?? Number.NaN;
      return c;
    }
    let a = new Array(o);
    for (let c = 0; c < o; c++) {
      let l = xr(r, c);
      if (i.kind === 'numeric') {
        let u = i.values[l] ?? Number.NaN;
        a[c] = Number.isNaN(u) ? '' : String(u);
      } else {
        let u = i.codes[l] ?? -1;
        a[c] = u < 0 ? '' : (i.dictionary[u] ?? '');
      }
    }
    return a;
  });
}
function Gt(e, t) {
  return e.map((n, r) => {
    let o = t[r];
    if (o === void 0) throw new y('DATA', `no values for feature '${n.name}'`);
    if (o instanceof Float32Array) return o;
    let s = new Map();
    return (
      (n.categories ?? []).forEach((i, a) => s.set(i, a)),
      Float32Array.from(o, (i) => s.get(i) ?? Number.NaN)
    );
  });
}
async function ke(e) {
  let { client: t, name: n } = e,
    r;
  try {
    r = (await t.registry.aliases.getVersion({ name: n, alias: 'champion' })).version;
  } catch (s) {
    if (yn(s)) return;
    throw s;
  }
  let o = await Ts(Ht($s(), 'champion-current-'));
  try {
    await t.resolveModelUri(`models:/${n}/${r}`, Ht(o, 'model'));
    let s = new Uint8Array(await Is(Ht(o, 'model', 'model.onnx'))),
      a = re(s).inputs.map((l) => ({
        name: l.name,
        kind: l.elemType === 8 ? 'categorical' : 'numeric',
      })),
      c = await K.create(s, a);
    try {
      let l = oe({ table: e.table, features: a, rows: e.rows }),
        u = await c.score(l);
      return { version: r, metrics: ne({ labels: e.labels, probs: u.probability }) };
    } finally {
      await c.release();
    }
  } catch (s) {
    return { version: r, error: s instanceof Error ? s.message : String(s) };
  } finally {
    await Ss(o, { recursive: !0, force: !0 });
  }
}
import { mkdtemp as Fs, rm as Ps } from 'node:fs/promises';
import { tmpdir as Rs } from 'node:os';
import { join as Us } from 'node:path';
import { randomUUID as Ms } from 'node:crypto';
import { mkdir as Ir, writeFile as G } from 'node:fs/promises';
import { join as B } from 'node:path';
var et = '3.11',
  vr = ['mlflow==3.17.2', 'onnx==1.23.2', 'onnxruntime==1.32.0', 'pandas==2.3.3'];
function Nr() {
  let e = vr.map((t) => `  - ${t}`).join(`
`);
  return `channels:
- conda-forge
dependencies:
- python=${et}
- pip
- pip:
${e}
name: mlflow-env
`;
}
function _r() {
  return `python: ${et}
build_dependencies:
- pip
- setuptools
- wheel
dependencies:
- -r requirements.txt
`;
}
function Ar() {
  return `${vr.join(`
`)}
`;
}
function ks(e) {
  return e.map((t) => ({
    type: t.kind === 'numeric' ? 'double' : 'string',
    name: t.name,
    required: !0,
  }));
}
var Es = [
  { type: 'long', name: 'label', required: !0 },
  { type: 'float', name: 'probability', required: !0 },
];
function Tr(e) {
  return { inputs: JSON.stringify(ks(e)), outputs: JSON.stringify(Es), params: null };
}
var Ls = '3.17.2',
  Cs = '1.23.2';
function Os() {
  return `${new Date().toISOString().replace('T', ' ').replace('Z', '')}000`;
}
function Bs(e) {
  let t = e.features.map((n) => n.name);
  return { columns: t, data: e.example.map((n) => t.map((r) => n[r] ?? null)) };
}
function Ds(e) {
  return {
    artifact_path: 'model',
    flavors: {
      onnx: {
        code: null,
        data: 'model.onnx',
        onnx_session_options: null,
        onnx_version: Cs,
        providers: ['CPUExecutionProvider'],
      },
      python_function: {
        data: 'model.onnx',
        env: { conda: 'conda.yaml', virtualenv: 'python_env.yaml' },
        loader_module: 'mlflow.onnx',
        python_version: et,
      },
    },
    is_signature_from_type_hint: !1,
    mlflow_version: Ls,
    model_id: e.modelId,
    model_size_bytes: e.onnx.byteLength,
    model_uuid: Ms().replace(/-/g, ''),
    saved_input_example_info: {
      artifact_path: 'input_example.json',
      pandas_orient: 'split',
      serving_input_path: 'serving_input_example.json',
      type: 'dataframe',
    },
    signature: Tr(e.features),
    type_hint_from_example: !1,
    utc_time_created: Os(),
    metadata: { ...e.metadata },
  };
}
async function Sr(e) {
  let { dir: t } = e;
  (await Ir(B(t, 'champion'), { recursive: !0 }), await Ir(B(t, 'plots'), { recursive: !0 }));
  let n = Bs(e),
    r = (o) => `${JSON.stringify(o, null, 2)}
`;
  return (
    await Promise.all([
      G(B(t, 'MLmodel'), xn(Ds(e))),
      G(B(t, 'model.onnx'), e.onnx),
      G(B(t, 'conda.yaml'), Nr()),
      G(B(t, 'python_env.yaml'), _r()),
      G(B(t, 'requirements.txt'), Ar()),
      G(B(t, 'input_example.json'), JSON.stringify(n)),
      G(B(t, 'serving_input_example.json'), r({ dataframe_split: n })),
      G(B(t, 'champion', 'schema.json'), r(e.schema)),
      G(B(t, 'champion', 'profile.json'), r(e.profile)),
      G(B(t, 'metrics.json'), r(e.metrics)),
      ...Object.entries(e.plots).map(([o, s]) => G(B(t, 'plots', o), s)),
    ]),
    t
  );
}
function $r(e) {
  return e.replace(/[/:.%"']/g, '_');
}
async function kr(e) {
  let { client: t } = e,
    n = await t.loggedModels.create({
      experimentId: e.experimentId,
      name: e.name,
      modelType: 'binary-classifier',
      sourceRunId: e.runId,
      params: e.params,
      tags: e.tags,
    }),
    r = n.info.model_id,
    o = await Fs(Us(Rs(), 'champion-model-'));
  try {
    return (
      await Sr({ ...e, dir: o, modelId: r }),
      await t.loggedModels.uploadFiles(n, o),
      await t.runs.logOutputs(e.runId, [{ modelId: r }]),
      await t.loggedModels.finalize(r, 'READY'),
      { modelId: r }
    );
  } catch (s) {
    throw (await t.loggedModels.finalize(r, 'UPLOAD_FAILED').catch(() => {}), s);
  } finally {
    await Ps(o, { recursive: !0, force: !0 });
  }
}
import { spawnSync as Gs } from 'node:child_process';
import { hostname as Er, userInfo as Hs } from 'node:os';
function Mr(e) {
  let t = Gs('git', e, { encoding: 'utf8', timeout: 5e3 });
  return t.status === 0 ? t.stdout.trim() : void 0;
}
function Vt() {
  try {
    return `${Hs().username}@${Er()}`;
  } catch {
    return Er();
  }
}
function Lr(e) {
  let t = {
      'mlflow.source.type': 'LOCAL',
      'mlflow.source.name': e.command,
      'mlflow.user': Vt(),
      'champion.data.source': e.source,
    },
    n = Mr(['rev-parse', 'HEAD']);
  if (n) {
    t['mlflow.source.git.commit'] = n;
    let r = Mr(['status', '--porcelain', '--untracked-files=no']);
    r !== void 0 && (t['champion.git.dirty'] = String(r.length > 0));
  }
  return t;
}
async function Wt(e) {
  let { client: t, name: n } = e;
  await t.registry.models.getOrCreate({
    name: n,
    description: 'Binary classifier trained and promoted by champion.',
  });
  let r = await t.registry.versions.create({
      name: n,
      source: `models:/${e.modelId}`,
      modelId: e.modelId,
      runId: e.runId,
      description: e.description,
      tags: e.tags,
    }),
    o = await t.registry.versions.waitUntilReady({ name: n, version: r.version });
  return (
    await t.registry.aliases.set({ name: n, alias: 'challenger' }, o.version),
    { name: n, version: o.version }
  );
}
async function Ee(e) {
  let { client: t, version: n } = e,
    r = lt(e.input, e.config),
    o = r.promote || e.force === !0,
    s = {
      'champion.gate.decision': o ? (r.promote ? 'promoted' : 'forced') : 'rejected',
      'champion.gate.reasons': r.reasons.join(`
`),
      'champion.gate.by': `${e.actor} (${Vt()})`,
      'champion.gate.at': new Date().toISOString(),
      'champion.gate.primary_metric': e.config.primaryMetric,
      'champion.gate.margin': String(e.config.margin),
      'champion.gate.floors': JSON.stringify(e.config.floors),
    };
  for (let [i, a] of Object.entries(r.figures)) s[`champion.gate.${i}`] = a;
  for (let [i, a] of Object.entries(s))
    await t.registry.versions.setTag({ name: n.name, version: n.version }, { key: i, value: a });
  return (
    o && (await t.registry.aliases.set({ name: n.name, alias: 'champion' }, n.version)),
    { ...r, promote: o }
  );
}
function tt(e, t) {
  let n = 0;
  for (let c = 0; c < e.length; c++) e[c] === 1 && n++;
  let r = new Uint32Array(e.length - n),
    o = new Uint32Array(n),
    s = 0,
    i = 0;
  for (let c = 0; c < e.length; c++) e[c] === 1 ? (o[i++] = c) : (r[s++] = c);
  let a = dn(t);
  for (let c of [r, o])
    for (let l = c.length - 1; l > 0; l--) {
      let u = a.int(l + 1),
        f = c[l] ?? 0;
      ((c[l] = c[u] ?? 0), (c[u] = f));
    }
  return [r, o];
}
function se(e) {
  let t = e.reduce((o, s) => o + s.length, 0),
    n = new Uint32Array(t),
    r = 0;
  for (let o of e) (n.set(o, r), (r += o.length));
  return n.sort();
}
function zt(e) {
  let t = e.folds ?? 5;
  if (!Number.isInteger(t) || t < 2 || t > e.labels.length)
    throw new y(
      'CONFIG',
      `Cannot make ${t} folds from ${e.labels.length} rows; use an integer between 2 and the row count.`,
    );
  let n = Array.from({ length: t }, () => []),
    r = 0;
  for (let s of tt(e.labels, e.seed ?? 42)) {
    for (let i = 0; i < s.length; i++) n[(r + i) % t]?.push(s[i] ?? 0);
    r = (r + s.length) % t;
  }
  let o = n.map((s) => Uint32Array.from(s));
  return o.map((s, i) => ({ train: se(o.filter((a, c) => c !== i)), validation: se([s]) }));
}
var Cr = { train: 0.7, validation: 0.15, test: 0.15 };
function Vs(e) {
  if (
    [e.train, e.validation, e.test].some((n) => !(n >= 0) || !Number.isFinite(n)) ||
    Math.abs(e.train + e.validation + e.test - 1) > 1e-9
  )
    throw new y(
      'CONFIG',
      `Split fractions train=${e.train}, validation=${e.validation}, test=${e.test} must be non-negative and sum to 1.`,
    );
}
function jt(e) {
  let t = e.fractions ?? Cr;
  Vs(t);
  let n = tt(e.labels, e.seed ?? 42),
    r = [],
    o = [],
    s = [];
  for (let i of n) {
    let a = i.length,
      c = Math.round(a * t.test),
      l = Math.min(a - c, Math.round(a * t.validation));
    (s.push(i.subarray(0, c)), o.push(i.subarray(c, c + l)), r.push(i.subarray(c + l)));
  }
  return { train: se(r), validation: se(o), test: se(s) };
}
function nt(e, t) {
  let n = t.length;
  for (let a = 0; a < n; a++) {
    let c = t[a] ?? -1;
    if (!Number.isInteger(c) || c < 0 || c >= e.rowCount)
      throw new y(
        'DATA',
        `Row index ${c} (position ${a}) is outside the dataset's ${e.rowCount} rows.`,
      );
  }
  let r = (a, c) => {
      for (let l = 0; l < n; l++) c[l] = a[t[l] ?? 0] ?? 0;
      return c;
    },
    o = e.columns.map((a) => r(a, new Float32Array(n))),
    s = r(e.labels, new Uint8Array(n)),
    i = { features: e.features, rowCount: n, columns: o, labels: s };
  return e.weights === void 0 ? i : { ...i, weights: r(e.weights, new Float32Array(n)) };
}
function Ws(e) {
  let t = [{}];
  for (let [n, r] of Object.entries(e)) {
    let o = [];
    for (let s of t) for (let i of r) o.push({ ...s, [n]: i });
    t = o;
  }
  return t;
}
function zs(e) {
  let t = e >>> 0;
  return () => {
    t = (t + 1831565813) >>> 0;
    let n = t;
    return (
      (n = Math.imul(n ^ (n >>> 15), n | 1)),
      (n ^= n + Math.imul(n ^ (n >>> 7), n | 61)),
      ((n ^ (n >>> 14)) >>> 0) / 4294967296
    );
  };
}
function Or(e) {
  let t = Ws(e.space),
    [n, ...r] = t;
  if (!n) return [];
  let o = zs(e.seed);
  for (let s = r.length - 1; s > 0; s--) {
    let i = Math.floor(o() * (s + 1)),
      a = r[s];
    ((r[s] = r[i]), (r[i] = a));
  }
  return [n, ...r].slice(0, Math.max(1, e.count));
}
function js(e) {
  let t = e.reduce((r, o) => r + o, 0) / e.length,
    n = e.reduce((r, o) => r + (o - t) ** 2, 0) / e.length;
  return { mean: t, std: Math.sqrt(n) };
}
function qs(e) {
  let { learner: t, params: n, search: r } = e,
    o = [],
    s = [],
    i =
      r.folds <= 1
        ? [{ train: r.train, valid: r.valid }]
        : zt({ labels: r.train.labels, folds: r.folds, seed: r.seed }).map((l) => ({
            train: nt(r.train, l.train),
            valid: nt(r.train, l.validation),
          })),
    a;
  for (let l of i) {
    let u = t.fit(l.train, { params: n, valid: l.valid, seed: r.seed });
    ((a = u),
      o.push(de({ labels: l.valid.labels, probs: t.predict(u, l.valid) })),
      u.kind === 'gbdt' && s.push(u.bestIteration));
  }
  let c = i.length === 1 && a ? { model: a } : {};
  return s.length > 0
    ? { foldAuc: o, bestIteration: s.reduce((l, u) => l + u, 0) / s.length, ...c }
    : { foldAuc: o, ...c };
}
async function Br(e) {
  let t = performance.now(),
    n = [],
    r = e.learners.map((s, i) => ({
      learner: s,
      candidates: Or({ space: s.space, count: e.candidatesPerLearner, seed: e.seed + i }),
    })),
    o = Math.max(...r.map((s) => s.candidates.length));
  for (let s = 0; s < o; s++)
    for (let { learner: i, candidates: a } of r) {
      let c = a[s];
      if (!c) continue;
      let l = (performance.now() - t) / 1e3;
      if (s > 0 && l > e.timeBudgetSeconds) continue;
      e.onStart?.({ learner: i.name, index: s, total: a.length });
      let u = performance.now(),
        f = qs({ learner: i, params: c, search: e }),
        { mean: m, std: d } = js(f.foldAuc),
        g = {
          learner: i.name,
          index: s,
          params: c,
          foldAuc: f.foldAuc,
          meanAuc: m,
          stdAuc: d,
          seconds: (performance.now() - u) / 1e3,
          ...(f.bestIteration === void 0 ? {} : { bestIteration: f.bestIteration }),
          ...(f.model ? { model: f.model } : {}),
        };
      (n.push(g), await e.onCandidate?.(g));
    }
  return n;
}
function Dr(e) {
  let t = new Map();
  for (let o of e) {
    let s = t.get(o.learner);
    (!s || o.meanAuc > s.meanAuc) && t.set(o.learner, o);
  }
  let n = [...t.values()];
  return { overall: n.reduce((o, s) => (s.meanAuc > o.meanAuc ? s : o)), perLearner: n };
}
function rt(e) {
  return e
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
function qt(e) {
  return String(Math.round(e * 100) / 100);
}
function Fr(e) {
  return Object.entries(e)
    .map(([t, n]) => ` ${t}="${rt(typeof n == 'number' ? qt(n) : n)}"`)
    .join('');
}
function $(e) {
  let t = `<${e.name}${Fr(e.attrs ?? {})}`,
    n = e.children ?? [];
  return n.length === 0 ? `${t}/>` : `${t}>${n.join('')}</${e.name}>`;
}
function k(e, t) {
  return `<text${Fr(t)}>${rt(e)}</text>`;
}
function Me(e, t) {
  return $({
    name: 'polyline',
    attrs: { points: e.map(([n, r]) => `${qt(n)},${qt(r)}`).join(' '), fill: 'none', ...t },
  });
}
function Y(e) {
  let { width: t, height: n, title: r, children: o } = e;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>
` +
    $({
      name: 'svg',
      attrs: {
        xmlns: 'http://www.w3.org/2000/svg',
        width: t,
        height: n,
        viewBox: `0 0 ${t} ${n}`,
        'font-family': 'Helvetica, Arial, sans-serif',
        'font-size': 12,
      },
      children: [
        `<title>${rt(r)}</title>`,
        $({ name: 'rect', attrs: { width: t, height: n, fill: 'white' } }),
        ...o,
      ],
    }) +
    `
`
  );
}
function Xt(e, t) {
  let [n, r] = e,
    [o, s] = t,
    i = r - n || 1;
  return (a) => o + ((a - n) / i) * (s - o);
}
function Kt(e, t, n = 5) {
  if (!(t > e)) return [e];
  let r = (t - e) / n,
    o = 10 ** Math.floor(Math.log10(r)),
    s = [1, 2, 5, 10].map((c) => c * o).find((c) => c >= r) ?? r,
    i = [],
    a = Math.floor(t / s + 1e-9);
  for (let c = Math.ceil(e / s - 1e-9); c <= a; c++) i.push(Number((c * s).toPrecision(12)));
  return i;
}
function Yt(e) {
  return Math.abs(e) >= 1e4
    ? `${Number((e / 1e3).toPrecision(6))}k`
    : String(Number(e.toPrecision(6)));
}
var Pr = '#e6e6e6',
  be = '#333333';
function ee(e) {
  let { left: t, top: n, width: r, height: o } = e.box,
    s = t + r,
    i = n + o,
    a = Xt(e.xDomain, [t, s]),
    c = Xt(e.yDomain, [i, n]),
    l = [];
  for (let f of Kt(e.xDomain[0], e.xDomain[1], e.ticks ?? 5)) {
    let m = a(f);
    (l.push($({ name: 'line', attrs: { x1: m, y1: n, x2: m, y2: i, stroke: Pr } })),
      l.push($({ name: 'line', attrs: { x1: m, y1: i, x2: m, y2: i + 5, stroke: be } })),
      l.push(k(Yt(f), { x: m, y: i + 18, 'text-anchor': 'middle', fill: be })));
  }
  let u = e.yTicks === !1 ? [] : Kt(e.yDomain[0], e.yDomain[1], e.ticks ?? 5);
  for (let f of u) {
    let m = c(f);
    (l.push($({ name: 'line', attrs: { x1: t, y1: m, x2: s, y2: m, stroke: Pr } })),
      l.push($({ name: 'line', attrs: { x1: t - 5, y1: m, x2: t, y2: m, stroke: be } })),
      l.push(k(Yt(f), { x: t - 8, y: m + 4, 'text-anchor': 'end', fill: be })));
  }
  if (
    (l.push($({ name: 'line', attrs: { x1: t, y1: i, x2: s, y2: i, stroke: be } })),
    l.push($({ name: 'line', attrs: { x1: t, y1: n, x2: t, y2: i, stroke: be } })),
    e.xLabel !== void 0 &&
      l.push(k(e.xLabel, { x: (t + s) / 2, y: i + 38, 'text-anchor': 'middle', 'font-size': 13 })),
    e.yLabel !== void 0)
  ) {
    let f = (n + i) / 2;
    l.push(
      k(e.yLabel, {
        x: t - 44,
        y: f,
        'text-anchor': 'middle',
        'font-size': 13,
        transform: `rotate(-90 ${t - 44} ${f})`,
      }),
    );
  }
  return { x: a, y: c, left: t, right: s, top: n, bottom: i, decorations: l };
}
function J(e, t) {
  return k(e, {
    x: t.width / 2,
    y: t.y ?? 24,
    'text-anchor': 'middle',
    'font-size': 15,
    'font-weight': 'bold',
  });
}
function Jt(e, t) {
  if (e <= t) return Array.from({ length: e }, (r, o) => o);
  let n = [];
  for (let r = 0; r < t; r++) n.push(Math.round((r * (e - 1)) / (t - 1)));
  return [...new Set(n)];
}
var Rr = 480,
  Xs = 620;
function Qt(e) {
  let t = e.title ?? 'Calibration',
    { bins: n } = e,
    r = ee({
      box: { left: 70, top: 45, width: 380, height: 340 },
      xDomain: [0, 1],
      yDomain: [0, 1],
      xLabel: 'Mean predicted probability',
      yLabel: 'Fraction of positives',
    }),
    o = Math.max(1, ...n.map((l) => l.weight)),
    s = ee({
      box: { left: 70, top: 460, width: 380, height: 110 },
      xDomain: [0, 1],
      yDomain: [0, o],
      xLabel: 'Predicted probability',
      yLabel: 'Rows',
      ticks: 3,
    }),
    i = n.map((l) => [r.x(l.meanPredicted), r.y(l.fractionPositive)]),
    a = i.map(([l, u]) =>
      $({
        name: 'circle',
        attrs: { class: 'bin', cx: l, cy: u, r: 4, fill: '#1f77b4', stroke: 'white' },
      }),
    ),
    c = n.map((l) =>
      $({
        name: 'rect',
        attrs: {
          class: 'bar',
          x: s.x(l.lower),
          y: s.y(l.weight),
          width: Math.max(1, s.x(l.upper) - s.x(l.lower) - 1),
          height: s.bottom - s.y(l.weight),
          fill: '#9ecae1',
        },
      }),
    );
  return Y({
    width: Rr,
    height: Xs,
    title: t,
    children: [
      J(t, { width: Rr }),
      ...r.decorations,
      $({
        name: 'line',
        attrs: {
          x1: r.x(0),
          y1: r.y(0),
          x2: r.x(1),
          y2: r.y(1),
          stroke: '#999999',
          'stroke-dasharray': '5,4',
        },
      }),
      Me(i, { id: 'curve', stroke: '#1f77b4', 'stroke-width': 1.5 }),
      ...a,
      ...s.decorations,
      ...c,
    ],
  });
}
var Ur = 440,
  Ks = 420,
  C = 140,
  ot = 130,
  Le = 90;
function Ys(e) {
  return Number.isInteger(e) ? String(e) : e.toFixed(2);
}
function Js(e) {
  let t = (n, r) => Math.round(n + (r - n) * e);
  return `rgb(${t(247, 8)},${t(251, 81)},${t(255, 156)})`;
}
function Zt(e) {
  let { matrix: t } = e,
    [n, r] = e.classNames ?? ['negative', 'positive'],
    o =
      (e.title ?? 'Confusion matrix') +
      (e.threshold === void 0 ? '' : ` (threshold = ${Number(e.threshold.toPrecision(4))})`),
    s = [
      [t.trueNegative, t.falsePositive],
      [t.falseNegative, t.truePositive],
    ],
    i = t.trueNegative + t.falsePositive + t.falseNegative + t.truePositive,
    a = Math.max(1e-12, ...s.flat()),
    c = [J(o, { width: Ur })];
  (s.forEach((u, f) =>
    u.forEach((m, d) => {
      let g = ot + d * C,
        h = Le + f * C,
        v = m / a;
      c.push(
        $({
          name: 'rect',
          attrs: { class: 'cell', x: g, y: h, width: C, height: C, fill: Js(v), stroke: 'white' },
        }),
      );
      let w = v > 0.5 ? 'white' : '#222222';
      c.push(
        k(Ys(m), { x: g + C / 2, y: h + C / 2, 'text-anchor': 'middle', 'font-size': 22, fill: w }),
      );
      let N = i > 0 ? `${((100 * m) / i).toFixed(1)}%` : '';
      c.push(k(N, { x: g + C / 2, y: h + C / 2 + 22, 'text-anchor': 'middle', fill: w }));
    }),
  ),
    [n, r].forEach((u, f) => {
      (c.push(k(u, { x: ot + f * C + C / 2, y: Le - 10, 'text-anchor': 'middle' })),
        c.push(k(u, { x: ot - 10, y: Le + f * C + C / 2 + 4, 'text-anchor': 'end' })));
    }),
    c.push(
      k('Predicted', {
        x: ot + C,
        y: Le - 34,
        'text-anchor': 'middle',
        'font-size': 13,
        'font-weight': 'bold',
      }),
    ));
  let l = Le + C;
  return (
    c.push(
      k('Actual', {
        x: 40,
        y: l,
        'text-anchor': 'middle',
        'font-size': 13,
        'font-weight': 'bold',
        transform: `rotate(-90 40 ${l})`,
      }),
    ),
    Y({ width: Ur, height: Ks, title: o, children: c })
  );
}
var ye = 480,
  Gr = { left: 70, top: 45, width: 380, height: 370 },
  Hr = '#1f77b4',
  Vr = '#999999';
function en(e) {
  let { fpr: t, tpr: n } = e.curve,
    r = `${e.title ?? 'ROC curve'} (AUC = ${e.auc.toFixed(4)})`,
    o = ee({
      box: Gr,
      xDomain: [0, 1],
      yDomain: [0, 1],
      xLabel: 'False positive rate',
      yLabel: 'True positive rate',
    }),
    s = Jt(t.length, e.maxPoints ?? 500).map((i) => [o.x(t[i] ?? 0), o.y(n[i] ?? 0)]);
  return Y({
    width: ye,
    height: ye,
    title: r,
    children: [
      J(r, { width: ye }),
      ...o.decorations,
      $({
        name: 'line',
        attrs: {
          x1: o.x(0),
          y1: o.y(0),
          x2: o.x(1),
          y2: o.y(1),
          stroke: Vr,
          'stroke-dasharray': '5,4',
        },
      }),
      Me(s, { id: 'curve', stroke: Hr, 'stroke-width': 2 }),
    ],
  });
}
function tn(e) {
  let { recall: t, precision: n } = e.curve,
    r = `${e.title ?? 'Precision-recall curve'} (AP = ${e.averagePrecision.toFixed(4)})`,
    o = ee({ box: Gr, xDomain: [0, 1], yDomain: [0, 1], xLabel: 'Recall', yLabel: 'Precision' }),
    s = Jt(t.length, e.maxPoints ?? 500).map((a) => [o.x(t[a] ?? 0), o.y(n[a] ?? 0)]),
    i =
      e.positiveRate === void 0
        ? []
        : [
            $({
              name: 'line',
              attrs: {
                x1: o.x(0),
                y1: o.y(e.positiveRate),
                x2: o.x(1),
                y2: o.y(e.positiveRate),
                stroke: Vr,
                'stroke-dasharray': '5,4',
              },
            }),
            k(`positive rate ${e.positiveRate.toFixed(3)}`, {
              x: o.right - 4,
              y: o.y(e.positiveRate) - 6,
              'text-anchor': 'end',
              fill: '#666666',
            }),
          ];
  return Y({
    width: ye,
    height: ye,
    title: r,
    children: [
      J(r, { width: ye }),
      ...o.decorations,
      ...i,
      Me(s, { id: 'curve', stroke: Hr, 'stroke-width': 2 }),
    ],
  });
}
var nn = 640,
  Ce = 22,
  Wr = 28;
function zr(e) {
  return e.length > Wr ? `${e.slice(0, Wr - 1)}\u2026` : e;
}
function rn(e) {
  let t = e.title ?? 'Feature importance',
    n = [...e.importances]
      .filter((f) => Number.isFinite(f.value))
      .sort((f, m) => Math.abs(m.value) - Math.abs(f.value) || f.name.localeCompare(m.name))
      .slice(0, e.top ?? 20),
    r = 20 + 7 * Math.max(4, ...n.map((f) => zr(f.name).length)),
    o = Math.max(1, n.length) * Ce,
    s = Math.min(0, ...n.map((f) => f.value)),
    i = Math.max(0, ...n.map((f) => f.value)),
    a = i - s,
    c = ee({
      box: { left: r, top: 45, width: nn - r - 60, height: o },
      xDomain: [s < 0 ? s - 0.15 * a : 0, i > 0 ? i + 0.15 * a : s < 0 ? 0 : 1],
      yDomain: [0, 1],
      xLabel: e.valueLabel ?? 'Importance',
      ticks: 5,
      yTicks: !1,
    }),
    l = n.flatMap((f, m) => {
      let d = c.top + m * Ce + 3,
        g = c.x(Math.min(0, f.value)),
        h = c.x(Math.max(0, f.value));
      return [
        $({
          name: 'rect',
          attrs: {
            class: 'bar',
            x: g,
            y: d,
            width: Math.max(0.5, h - g),
            height: Ce - 6,
            fill: f.value < 0 ? '#ff7f0e' : '#1f77b4',
          },
        }),
        k(zr(f.name), { x: c.left - 8, y: d + Ce / 2, 'text-anchor': 'end' }),
        k(Number(f.value.toPrecision(3)).toString(), {
          x: f.value < 0 ? g - 4 : h + 4,
          y: d + Ce / 2,
          'text-anchor': f.value < 0 ? 'end' : 'start',
          'font-size': 10,
          fill: '#555555',
        }),
      ];
    }),
    u = $({
      name: 'line',
      attrs: { x1: c.x(0), y1: c.top, x2: c.x(0), y2: c.bottom, stroke: '#333333' },
    });
  return Y({
    width: nn,
    height: o + 110,
    title: t,
    children: [J(t, { width: nn }), ...c.decorations, u, ...l],
  });
}
var Qs = '\0champion-unseen-category';
function on(e, t) {
  e.kind !== 'leaf' &&
    (e.kind === 'numeric' && t.push({ feature: e.feature, threshold: e.threshold }),
    on(e.left, t),
    on(e.right, t));
}
function jr(e, t) {
  let n = [];
  if (e.kind === 'gbdt') {
    let r = [];
    for (let s of e.trees) on(s, r);
    let o = new Set();
    for (let { feature: s, threshold: i } of r)
      for (let a of [i, Ie(i), Pt(i)]) {
        let c = `${s}:${a}`;
        (o.has(c) || n.push({ feature: s, value: a }), o.add(c));
      }
  }
  return (
    e.features.forEach((r, o) => {
      let s = r.kind === 'numeric' ? [Number.NaN] : [...(r.categories ?? []), '', Qs];
      for (let i of s) n.push({ feature: o, value: i });
    }),
    e.features.map((r, o) => {
      let i = t[o]?.[0] ?? (r.kind === 'numeric' ? Number.NaN : ''),
        a = n.map((c) => (c.feature === o ? c.value : i));
      return r.kind === 'numeric' ? Float32Array.from(a, Number) : a.map(String);
    })
  );
}
function Zs(e, t) {
  let n = 0;
  for (let r = 0; r < e.length; r++) {
    let o = Math.abs((e[r] ?? 0) - (t[r] ?? 0));
    o <= n || (n = Number.isNaN(o) ? Number.POSITIVE_INFINITY : o);
  }
  return n;
}
async function sn(e) {
  let { model: t, scorer: n, rows: r, threshold: o } = e,
    s = jr(t, r),
    i = 0,
    a = 0;
  for (let c of [r, s]) {
    let l = await n.score(c),
      u = Gt(t.features, c),
      f = u[0]?.length ?? 0,
      m = X[t.kind].predict(t, {
        features: t.features,
        rowCount: f,
        columns: u,
        labels: new Uint8Array(f),
      });
    i = Math.max(i, Zs(l.probability, m));
    for (let d = 0; d < m.length; d++) {
      let g = Math.fround(m[d] ?? 0) >= o ? 1n : 0n;
      !(Math.abs((m[d] ?? 0) - o) < 1e-6) && l.label[d] !== g && a++;
    }
  }
  return {
    rows: r[0]?.length ?? 0,
    edgeRows: s[0]?.length ?? 0,
    maxAbsDiff: i,
    labelMismatches: a,
  };
}
function ei(e) {
  if (e.kind === 'gbdt') return At(e).map((n) => ({ name: n.feature, value: n.gain }));
  let t = new Float64Array(e.features.length);
  for (let n of e.numeric) t[n.feature] = n.weight;
  for (let n of e.categorical)
    t[n.feature] = Math.max(...n.weights.map(Math.abs), Math.abs(n.missingWeight));
  return e.features.map((n, r) => ({ name: n.name, value: t[r] ?? 0 }));
}
function ti(e) {
  let { labels: t, probs: n, threshold: r } = e,
    o = t.reduce((s, i) => s + i, 0);
  return {
    'roc.svg': en({ curve: Te({ labels: t, probs: n }), auc: e.metrics.roc_auc ?? Number.NaN }),
    'pr.svg': tn({
      curve: je({ labels: t, probs: n }),
      averagePrecision: e.metrics.pr_auc ?? Number.NaN,
      positiveRate: o / t.length,
    }),
    'calibration.svg': Qt({ bins: kt({ labels: t, probs: n, bins: 10, strategy: 'quantile' }) }),
    'confusion_matrix.svg': Zt({
      matrix: ue({ labels: t, probs: n, threshold: r }),
      threshold: r,
      classNames: e.classes,
    }),
    'feature_importance.svg': rn({
      importances: e.importance,
      valueLabel: 'Importance (gain or coefficient)',
    }),
  };
}
async function qr(e) {
  let { learner: t, model: n, data: r } = e,
    o = Bt({
      labels: r.valid.labels,
      probs: t.predict(n, r.valid),
      objective: e.thresholdFor,
      costs: e.costs,
    }),
    s = Ut(n, {
      threshold: o.threshold,
      positiveLabel: r.schema.target.positive,
      schemaDigest: e.schemaDigest,
      producerVersion: e.producerVersion,
    }),
    i = we(re(s), n.features).map((c) => `${c.path}: ${c.problem}`),
    a = await K.create(s, n.features);
  try {
    let c = oe({ table: r.table, features: n.features, rows: r.rows.test }),
      l = await a.score(c),
      u = r.test.labels,
      f = ne({ labels: u, probs: l.probability, threshold: o.threshold, costs: e.costs }),
      m = await sn({ model: n, scorer: a, rows: c, threshold: o.threshold }),
      d = ei(n),
      g = ti({
        labels: u,
        probs: l.probability,
        threshold: o.threshold,
        classes: [r.schema.target.negative, r.schema.target.positive],
        importance: d,
        metrics: f,
      });
    return {
      model: n,
      onnx: s,
      threshold: o,
      metrics: f,
      testProbabilities: l.probability,
      parity: m,
      schemaProblems: i,
      importance: d,
      plots: g,
    };
  } finally {
    await a.release();
  }
}
function an(e, t) {
  let n = e.columns.find((r) => r.name === t);
  if (!n) {
    let r = e.columns.map((o) => o.name).join(', ');
    throw new y('DATA', `column '${t}' not found; columns are: ${r}`);
  }
  return n;
}
function cn(e) {
  let { table: t, schema: n, rows: r } = e;
  return n.features.map((o) => {
    let s = an(t, o.name);
    if (o.type === 'numeric') {
      if (s.kind !== 'numeric')
        throw new y('DATA', `column '${o.name}' is declared numeric but holds text`);
      return { name: o.name, kind: 'numeric' };
    }
    if (s.kind === 'numeric') return { name: o.name, kind: 'categorical', categories: ni(s, r) };
    let i = new Uint8Array(s.dictionary.length),
      a = r ? r.length : t.rowCount;
    for (let l = 0; l < a; l++) {
      let u = s.codes[r ? (r[l] ?? 0) : l] ?? -1;
      u >= 0 && (i[u] = 1);
    }
    let c = s.dictionary.filter((l, u) => i[u] === 1);
    return { name: o.name, kind: 'categorical', categories: c };
  });
}
function ni(e, t) {
  let n = new Set(),
    r = t ? t.length : e.values.length;
  for (let o = 0; o < r; o++) {
    let s = e.values[t ? (t[o] ?? 0) : o] ?? Number.NaN;
    Number.isNaN(s) || n.add(s);
  }
  return [...n].sort((o, s) => o - s).map((o) => String(o));
}
function ri(e, t, n) {
  let r = n ? n.length : e.kind === 'numeric' ? e.values.length : e.codes.length,
    o = new Float32Array(r);
  if (t.kind === 'numeric' && e.kind === 'numeric') {
    for (let i = 0; i < r; i++) o[i] = e.values[n ? (n[i] ?? 0) : i] ?? Number.NaN;
    return o;
  }
  let s = new Map();
  if (((t.categories ?? []).forEach((i, a) => s.set(i, a)), e.kind === 'categorical')) {
    let i = new Float32Array(e.dictionary.length);
    e.dictionary.forEach((a, c) => (i[c] = s.get(a) ?? Number.NaN));
    for (let a = 0; a < r; a++) {
      let c = e.codes[n ? (n[a] ?? 0) : a] ?? -1;
      o[a] = c < 0 ? Number.NaN : (i[c] ?? Number.NaN);
    }
    return o;
  }
  for (let i = 0; i < r; i++) {
    let a = e.values[n ? (n[i] ?? 0) : i] ?? Number.NaN;
    o[i] = Number.isNaN(a) ? Number.NaN : (s.get(String(a)) ?? Number.NaN);
  }
  return o;
}
function xe(e) {
  let { table: t, schema: n, rows: r } = e,
    o = an(t, n.target.name),
    s = r ? r.length : t.rowCount,
    i = new Uint8Array(s);
  for (let a = 0; a < s; a++) {
    let c = r ? (r[a] ?? 0) : a,
      l = hn(o, c);
    if (
      l === '' &&
      (o.kind === 'numeric' ? Number.isNaN(o.values[c] ?? Number.NaN) : (o.codes[c] ?? -1) < 0)
    )
      throw new y(
        'DATA',
        `target '${n.target.name}' is missing in row ${(r ? (r[a] ?? 0) : a) + 1}`,
      );
    i[a] = l === n.target.positive ? 1 : 0;
  }
  return i;
}
function ln(e) {
  let { table: t, features: n, rows: r } = e,
    o = n.map((i) => ri(an(t, i.name), i, r)),
    s = xe(e);
  return { features: n, rowCount: s.length, columns: o, labels: s };
}
var Xr = 10;
function oi(e, t, n) {
  try {
    return pn(t, n);
  } catch (r) {
    throw !(r instanceof ct) || r.message.includes(e)
      ? r
      : new ct({
          code: r.code,
          message: `${e}: ${r.message}`,
          details: r.details,
          total: r.total,
          cause: r,
        });
  }
}
async function un(e) {
  let t = await Oe(e.path, {
      ...(e.categorical ? { categorical: e.categorical } : {}),
      onBadRows: e.onBadRows ?? 'reject',
    }),
    n = t.table,
    r = oi(e.path, n, {
      target: e.target,
      ...(e.positive === void 0 ? {} : { positive: e.positive }),
      ...(e.idColumns ? { idColumns: e.idColumns } : {}),
      ...(e.exclude ? { exclude: e.exclude } : {}),
      ...(e.categorical ? { categorical: e.categorical } : {}),
      rowNumbers: t.rowNumbers,
    });
  if (r.features.length < 2)
    throw new y(
      'DATA',
      `${e.path}: champion needs at least 2 feature columns, found ${r.features.length} (${r.features.map((u) => u.name).join(', ') || 'none'})`,
    );
  let o = xe({ table: n, schema: r }),
    s = o.reduce((u, f) => u + f, 0);
  if (Math.min(s, o.length - s) < Xr)
    throw new y(
      'DATA',
      `${e.path}: target '${r.target.name}' has ${s} '${r.target.positive}' and ${o.length - s} '${r.target.negative}' rows; need at least ${Xr} of each`,
    );
  let i = jt({ labels: o, seed: e.seed }),
    a = Int32Array.from(i.train),
    c = cn({ table: n, schema: r, rows: a }),
    l = (u) => ln({ table: n, schema: r, features: c, rows: Int32Array.from(u) });
  return {
    read: t,
    table: n,
    schema: r,
    features: c,
    rows: i,
    train: l(i.train),
    valid: l(i.validation),
    test: l(i.test),
  };
}
function Kr(e, t) {
  if (e !== void 0 && !(Number.isInteger(e) && e >= 1))
    throw new y('CONFIG', `${t} must be a whole number of at least 1, got ${e}`);
}
function fn(e) {
  let { name: t } = e;
  if (t.trim() === '' || /[/:]/.test(t) || t === '.' || t.startsWith('..'))
    throw new y(
      'CONFIG',
      `model name '${t}' is not allowed by the MLflow registry: use a non-empty name without '/' or ':' (e.g. credit-default)`,
    );
  let n = Object.keys(X),
    r = e.learners ?? n;
  if (r.length === 0) throw new y('CONFIG', `no learner given; choose from ${n.join(', ')}`);
  for (let o of r)
    if (!Object.hasOwn(X, o))
      throw new y('CONFIG', `unknown learner '${o}'; choose from ${n.join(', ')}`);
  if (
    (Kr(e.candidates, 'candidates per learner'),
    Kr(e.folds, 'folds'),
    e.timeBudgetSeconds !== void 0 && !(e.timeBudgetSeconds > 0))
  )
    throw new y(
      'CONFIG',
      `the time budget must be a positive number of seconds, got ${e.timeBudgetSeconds}`,
    );
}
var ui = 1e-5;
function mn(e) {
  return Object.fromEntries(Object.entries(e).map(([t, n]) => [t, String(n)]));
}
function fi(e, t) {
  let n = [];
  for (let r = 0; r < Math.min(t, e.rows.test.length); r++) {
    let o = e.rows.test[r] ?? 0,
      s = {};
    for (let i of e.features) {
      let a = e.table.columns.find((c) => c.name === i.name);
      if (a)
        if (a.kind === 'numeric') {
          let c = a.values[o] ?? Number.NaN;
          s[i.name] =
            i.kind === 'categorical'
              ? Number.isNaN(c)
                ? ''
                : String(c)
              : Number.isNaN(c)
                ? null
                : c;
        } else {
          let c = a.codes[o] ?? -1;
          s[i.name] = c < 0 ? '' : (a.dictionary[c] ?? '');
        }
    }
    n.push(s);
  }
  return n;
}
async function mi(e) {
  let { train: t, data: n, cv: r } = e,
    o = t.onEvent ?? (() => {}),
    s = X[r.learner];
  r.model ||
    o({ stage: 'refit', message: `refitting the best ${r.learner} on the training split` });
  let i = r.model ?? s.fit(n.train, { params: r.params, valid: n.valid, seed: t.data.seed });
  o({
    stage: 'evaluate',
    message: `evaluating ${r.learner} through its ONNX export on ${n.test.rowCount} test rows`,
  });
  let a = await qr({
    learner: s,
    model: i,
    data: n,
    thresholdFor: t.thresholdFor ?? 'f1',
    costs: t.costs ?? { falseNegative: 5, falsePositive: 1 },
    schemaDigest: e.schemaDigest,
    producerVersion: ve,
  });
  o({ stage: 'log', message: `logging the ${r.learner} model to MLflow` });
  let c = { ...e.profile, scores: wn(a.testProbabilities) },
    { modelId: l } = await kr({
      client: t.client,
      experimentId: e.experimentId,
      runId: e.runId,
      name: $r(`${t.name}-${r.learner}`),
      params: mn({ learner: r.learner, ...i.params }),
      tags: { 'champion.learner': r.learner, 'champion.version': ve },
      onnx: a.onnx,
      features: i.features,
      example: fi(n, 5),
      schema: { ...e.schemaDoc, threshold: a.threshold.threshold, learner: r.learner },
      profile: c,
      metrics: a.metrics,
      plots: a.plots,
      metadata: {
        threshold: String(a.threshold.threshold),
        positive_label: n.schema.target.positive,
        learner: r.learner,
        schema_digest: e.schemaDigest,
        producer: `champion ${ve}`,
      },
    });
  return { learner: r.learner, cv: r, evaluated: a, modelId: l };
}
async function di(e) {
  let t = await ai(st(li(), 'champion-eval-'));
  try {
    for (let n of e.models) {
      (await ii(st(t, n.learner), { recursive: !0 }),
        await Yr(
          st(t, n.learner, 'metrics.json'),
          `${JSON.stringify(n.evaluated.metrics, null, 2)}
`,
        ));
      for (let [r, o] of Object.entries(n.evaluated.plots)) await Yr(st(t, n.learner, r), o);
    }
    await e.client.artifacts.uploadDirectory({
      artifactUri: e.artifactUri,
      localDir: t,
      artifactPath: 'evaluation',
    });
  } finally {
    await ci(t, { recursive: !0, force: !0 });
  }
}
async function hi(e) {
  let t = performance.now(),
    n = e.onEvent,
    r = (f) => {
      if (e.signal?.aborted)
        throw new y('ABORTED', `training interrupted (${String(e.signal.reason ?? 'aborted')})`);
      n?.(f);
    };
  e = { ...e, onEvent: r };
  let { client: o } = e;
  (fn(e), r({ stage: 'data', message: `reading ${e.data.path}` }));
  let s = await un(e.data),
    i = await Jn(e.data.path);
  r({
    stage: 'data',
    message: `${s.table.rowCount} rows, ${s.features.length} features, target '${s.schema.target.name}' (positive '${s.schema.target.positive}')`,
  });
  let c = (await o.experiments.getOrCreate({ name: e.experiment ?? e.name })).experiment_id,
    l = await o.runs.create({
      experimentId: c,
      runName: `train-${new Date().toISOString().slice(0, 19)}`,
      tags: Lr({ source: e.data.path, command: e.command ?? 'champion train' }),
    }),
    u = l.info.run_id;
  try {
    let f = (e.learners ?? ['gbdt', 'logreg']).map((p) => X[p]),
      m = e.folds ?? (s.train.rowCount > 2e5 ? 1 : 3),
      d = vn(s.table, s.rows.train),
      g = bn(d, s.schema),
      h = si('sha256').update(JSON.stringify(g)).digest('hex'),
      v = gn(d, s.schema);
    (await o.runs.logInputs({
      runId: u,
      datasets: [
        {
          dataset: Qn({ path: e.data.path, digest: i, schema: s.schema, rows: s.table.rowCount }),
          context: 'training',
        },
      ],
    }),
      await o.runs.logBatch(u, {
        params: mn({
          data: e.data.path,
          target: s.schema.target.name,
          positive_label: s.schema.target.positive,
          id_columns: s.schema.idColumns.join(',') || '(none)',
          excluded: s.schema.excluded.join(',') || '(none)',
          features: s.features.length,
          rows_train: s.train.rowCount,
          rows_validation: s.valid.rowCount,
          rows_test: s.test.rowCount,
          rows_set_aside: s.read.setAside.length,
          seed: e.data.seed,
          cv_folds: m,
          learners: f.map((p) => p.name).join(','),
          threshold_for: e.thresholdFor ?? 'f1',
        }),
        tags: {
          'champion.schema.notes':
            s.schema.notes
              .join(
                `
`,
              )
              .slice(0, 5e3) || '(none)',
        },
      }));
    let w = await Br({
        learners: f,
        train: s.train,
        valid: s.valid,
        folds: m,
        candidatesPerLearner: e.candidates ?? 6,
        timeBudgetSeconds: e.timeBudgetSeconds ?? 300,
        seed: e.data.seed,
        onStart: ({ learner: p, index: _, total: M }) =>
          r({ stage: 'search', message: `${p} candidate ${_ + 1}/${M}`, fraction: _ / M }),
        onCandidate: async (p) => {
          let _ = await o.runs.create({
            experimentId: c,
            runName: `${p.learner}-${p.index + 1}`,
            parentRunId: u,
            tags: { 'champion.learner': p.learner },
          });
          try {
            await o.runs.logBatch(_.info.run_id, {
              params: mn({ learner: p.learner, ...p.params }),
              metrics: [
                { key: 'cv_roc_auc_mean', value: p.meanAuc },
                { key: 'cv_roc_auc_std', value: p.stdAuc },
                { key: 'duration_seconds', value: p.seconds },
                ...p.foldAuc.map((M, H) => ({ key: 'cv_roc_auc_fold', value: M, step: H })),
                ...(p.bestIteration === void 0
                  ? []
                  : [{ key: 'best_iteration', value: p.bestIteration }]),
              ],
            });
          } catch (M) {
            throw (await o.runs.finish(_.info.run_id, 'FAILED').catch(() => {}), M);
          }
          await o.runs.finish(_.info.run_id);
        },
      }),
      N = Dr(w),
      b = [];
    for (let p of N.perLearner)
      b.push(
        await mi({
          train: e,
          data: s,
          cv: p,
          experimentId: c,
          runId: u,
          schemaDoc: g,
          schemaDigest: h,
          profile: v,
        }),
      );
    let x = b.find((p) => p.learner === N.overall.learner) ?? b[0];
    if (!x) throw new y('TRAINING', 'no candidate finished within the budget');
    (await o.runs.logBatch(u, {
      metrics: [
        ...Object.entries(x.evaluated.metrics).map(([p, _]) => ({ key: `test_${p}`, value: _ })),
        { key: 'cv_roc_auc_mean', value: x.cv.meanAuc },
        { key: 'threshold', value: x.evaluated.threshold.threshold },
        { key: 'parity_max_abs_diff', value: x.evaluated.parity.maxAbsDiff },
        ...b
          .map((p) => ({
            key: `test_roc_auc_${p.learner}`,
            value: p.evaluated.metrics.roc_auc ?? Number.NaN,
          }))
          .filter((p) => Number.isFinite(p.value)),
      ],
      tags: {
        'champion.winner.learner': x.learner,
        'champion.winner.model_id': x.modelId,
        'champion.winner.params': JSON.stringify(x.cv.params),
        'champion.comparison': JSON.stringify(
          w.map((p) => ({
            learner: p.learner,
            params: p.params,
            cv_auc: Number(p.meanAuc.toFixed(5)),
          })),
        ).slice(0, 5e3),
      },
    }),
      await di({ client: o, artifactUri: l.info.artifact_uri, models: b }));
    let T, A;
    if (e.register !== !1) {
      r({ stage: 'register', message: `registering ${x.learner} as a new version of '${e.name}'` });
      let p = await Wt({
        client: o,
        name: e.name,
        modelId: x.modelId,
        runId: u,
        description: `${x.learner}, test ROC AUC ${(x.evaluated.metrics.roc_auc ?? Number.NaN).toFixed(4)}`,
        tags: { 'champion.learner': x.learner, 'champion.run_id': u },
      });
      ((T = p.version), r({ stage: 'gate', message: `promotion gate for version ${T}` }));
      let _ = await ke({
        client: o,
        name: e.name,
        table: s.table,
        rows: s.rows.test,
        labels: s.test.labels,
      });
      ((A = await Ee({
        client: o,
        version: p,
        actor: e.command ?? 'champion train',
        config: e.gate ?? ie,
        input: {
          candidate: { version: p.version, metrics: x.evaluated.metrics },
          ...(_ && _.version !== p.version ? { champion: _ } : {}),
          parity: { maxAbsDiff: x.evaluated.parity.maxAbsDiff, tolerance: ui },
          schemaProblems: x.evaluated.schemaProblems,
        },
      })),
        await o.runs.setTag(u, 'champion.gate.decision', A.promote ? 'promoted' : 'rejected'));
    }
    return (
      await o.runs.finish(u, 'FINISHED'),
      r({ stage: 'done', message: 'done' }),
      {
        experimentId: c,
        runId: u,
        rows: {
          train: s.train.rowCount,
          validation: s.valid.rowCount,
          test: s.test.rowCount,
          setAside: s.read.setAside.length,
        },
        features: s.features.length,
        candidates: w,
        models: b,
        winner: x,
        ...(T === void 0 ? {} : { version: T }),
        ...(A === void 0 ? {} : { decision: A }),
        seconds: (performance.now() - t) / 1e3,
      }
    );
  } catch (f) {
    let m = f instanceof Error ? f.message : String(f);
    await o.runs.setTag(u, 'champion.failure', m.slice(0, 5e3)).catch(() => {});
    let d = f instanceof y && f.code === 'ABORTED';
    throw (await o.runs.finish(u, d ? 'KILLED' : 'FAILED').catch(() => {}), f);
  }
}
import { mkdtemp as pi, readFile as Jr, rm as gi } from 'node:fs/promises';
import { tmpdir as wi } from 'node:os';
import { join as it } from 'node:path';
async function bi(e) {
  let { client: t, name: n, version: r } = e;
  if (!e.data && !e.force)
    throw new y(
      'CONFIG',
      'promote needs --data FILE (held-out rows to score the candidate and the champion on), or --force',
    );
  let o = await t.registry.versions.get({ name: n, version: r }),
    s = await pi(it(wi(), 'champion-promote-'));
  try {
    await t.resolveModelUri(`models:/${n}/${r}`, it(s, 'model'));
    let i = new Uint8Array(await Jr(it(s, 'model', 'model.onnx'))),
      a = JSON.parse(await Jr(it(s, 'model', 'champion', 'schema.json'), 'utf8')),
      c = a.features.map((g) => ({ name: g.name, kind: g.type })),
      l = we(re(i), c).map((g) => `${g.path}: ${g.problem}`),
      u = o.tags.find((g) => g.key === 'champion.gate.parity_max_abs_diff')?.value,
      f = { maxAbsDiff: u === void 0 ? Number.POSITIVE_INFINITY : Number(u), tolerance: 1e-5 },
      m = {},
      d;
    if (e.data) {
      let { table: g } = await Oe(e.data, {
          columnTypes: Object.fromEntries(a.features.map((N) => [N.name, N.type])),
        }),
        h = xe({ table: g, schema: a }),
        v = Uint32Array.from({ length: g.rowCount }, (N, b) => b),
        w = await K.create(i, c);
      try {
        let N = await w.score(oe({ table: g, features: c, rows: v }));
        m = ne({ labels: h, probs: N.probability });
      } finally {
        await w.release();
      }
      d = await ke({ client: t, name: n, table: g, rows: v, labels: h });
    }
    return await Ee({
      client: t,
      version: { name: n, version: r },
      actor: e.force ? 'champion promote --force' : 'champion promote',
      config: e.gate ?? ie,
      force: e.force === !0,
      input: {
        candidate: { version: r, metrics: m },
        ...(d && d.version !== r ? { champion: d } : {}),
        parity: f,
        schemaProblems: l,
      },
    });
  } finally {
    await gi(s, { recursive: !0, force: !0 });
  }
}
export {
  ve as CHAMPION_VERSION,
  ie as DEFAULT_GATE,
  fr as IR_VERSION,
  ge as LABEL_OUTPUT,
  X as LEARNERS,
  O as METADATA_KEYS,
  dr as ONNX_ML_OPSET,
  mr as ONNX_OPSET,
  R as OnnxError,
  K as OnnxScorer,
  pe as PROBABILITY_OUTPUT,
  Ze as PRODUCER_NAME,
  y as TrainerError,
  Ee as applyGate,
  xs as assertOnnxSignature,
  Ct as averagePrecision,
  ne as binaryMetrics,
  Lt as brierScore,
  kt as calibrationCurve,
  we as checkOnnxSignature,
  sn as checkParity,
  fn as checkTrainOptions,
  Bt as chooseThreshold,
  Ae as classificationMetrics,
  ue as confusionMatrix,
  fe as costOf,
  lt as decidePromotion,
  jr as edgeRows,
  ln as encodeDataset,
  xe as encodeLabels,
  Gt as encodeRaw,
  Xo as expectedCost,
  Ut as exportOnnx,
  cn as featureSpecs,
  Ft as float32AtLeast,
  Be as higherIsBetter,
  re as inspectOnnx,
  Ot as ksStatistic,
  Mt as logLoss,
  Pt as nextFloat32Down,
  Ie as nextFloat32Up,
  je as prCurve,
  Re as predictGbdt,
  Ve as predictLogReg,
  vs as predictProbaModel,
  yr as predictRawModel,
  br as predictTree,
  un as prepareData,
  bi as promoteVersion,
  oe as rawColumns,
  Wt as registerVersion,
  de as rocAuc,
  de as rocAucScore,
  Te as rocCurve,
  ke as scoreCurrentChampion,
  me as thresholdCounts,
  hi as train,
  He as trainGbdt,
  We as trainLogReg,
};
