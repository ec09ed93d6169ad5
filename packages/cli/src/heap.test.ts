import { needsHeapLimit } from './heap.js';

const argv = (...args: string[]): string[] => ['node', 'main.js', ...args];

describe('needsHeapLimit', () => {
  it('limits the heap of champion score only', () => {
    expect(needsHeapLimit(argv('--json', 'score', '--model', 'x'), {}, [])).toBe(true);
    expect(needsHeapLimit(argv('serve', '--name', 'score'), {}, [])).toBe(false);
    expect(needsHeapLimit(argv('train', '--', 'score'), {}, [])).toBe(false);
  });

  it('keeps a limit the user gave, and does not start twice', () => {
    const score = argv('score');
    expect(needsHeapLimit(score, {}, ['--max-old-space-size=1024'])).toBe(false);
    expect(needsHeapLimit(score, { NODE_OPTIONS: '--max-old-space-size=64' }, [])).toBe(false);
    expect(needsHeapLimit(score, { CHAMPION_HEAP_LIMITED: '1' }, [])).toBe(false);
  });
});
