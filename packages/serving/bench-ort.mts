import { readChunks } from '@champion/tabular';
import { loadModelDir } from '@champion/serving';
import { toFeatureBatch } from '/work/main/packages/serving/src/batch/feature-batch.ts';
import { readColumnTypes } from '/work/main/packages/serving/src/batch/plan.ts';
const dir = process.argv[2]!;
for (const intra of [1, 2]) {
  const m = await loadModelDir(dir, { name: 'x', version: '1', sessionOptions: { graphOptimizationLevel: 'all', executionMode: 'sequential', intraOpNumThreads: intra, interOpNumThreads: 1 } });
  const header = (await import('node:fs')).readFileSync('/tmp/x100k.csv','utf8').slice(0,2000).split('\n')[0]!.split(',');
  for await (const c of readChunks('/tmp/x100k.csv', { chunkRows: 65536, onBadRows: 'set-aside', columnTypes: readColumnTypes(header, m.model.features) })) {
    const b = toFeatureBatch(c.table, m.model.features);
    let ticks = 0; const t = setInterval(() => ticks++, 1);
    const s = performance.now(); await m.run(b); await m.run(b); await m.run(b); const e = performance.now();
    clearInterval(t);
    console.log({ intra, rows: b.rows, msPerRun: (e - s) / 3, ticksDuring: ticks, cats: m.model.features.filter(f=>f.type==='categorical').length });
    // numeric only timing: replace strings? measure toFeeds cost
    break;
  }
  await m.retire();
}
