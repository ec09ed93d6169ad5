import type { ExplainerFeature } from './explainer-file.js';
import { parseExplainerFile } from './explainer-file.js';
import { buildExplainer, explainBatch } from './explainer.js';
import { randomTree, seeded, treesFile } from './test-trees.js';

describe('explainBatch', () => {
  const features: ExplainerFeature[] = Array.from({ length: 6 }, (_, i) => ({
    name: `f${i}`,
    type: 'numeric',
  }));
  const random = seeded(5);
  const explainer = buildExplainer(
    parseExplainerFile(
      JSON.stringify(
        treesFile({
          features,
          trees: Array.from({ length: 30 }, () => randomTree({ random, features, depth: 7 })),
        }),
      ),
    ),
  );
  const rows = 1000;
  const batch = {
    rows,
    columns: features.map(() => Float32Array.from({ length: rows }, () => Math.fround(random()))),
  };

  it('lets other work run while it explains a large batch (plain requests are not held up)', async () => {
    let turns = 0;
    let done = false;
    const other = async (): Promise<void> => {
      while (!done) {
        turns++;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    const running = other();
    const started = performance.now();
    const out = await explainBatch(explainer, batch, { sliceMs: 2 });
    done = true;
    await running;
    const elapsed = performance.now() - started;
    expect(out.rawScores).toHaveLength(rows);
    // Far more turns than one per batch: at least one per 20 ms of explaining.
    expect(turns).toBeGreaterThan(Math.max(2, elapsed / 20));
  });
});
