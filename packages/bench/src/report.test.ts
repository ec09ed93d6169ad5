import { advantage, formatTable } from './report.js';

describe('bench report', () => {
  it('orients the advantage so that > 1 means champion is better for times', () => {
    expect(
      advantage({ what: 't', unit: 's', ours: 2, peer: 6, peerName: 'py', better: 'lower' }),
    ).toBe(3);
  });

  it('orients the advantage so that > 1 means champion is better for throughput', () => {
    expect(
      advantage({
        what: 'r',
        unit: 'rows/s',
        ours: 10,
        peer: 40,
        peerName: 'py',
        better: 'higher',
      }),
    ).toBe(0.25);
  });

  it('prints every measurement with its ratio and whether the target was met', () => {
    const text = formatTable([
      {
        bench: 'mlflow-logging',
        measurements: [
          {
            what: 'wall time',
            unit: 's',
            ours: 1,
            peer: 4,
            peerName: 'mlflow (python)',
            better: 'lower',
            target: 2,
          },
        ],
      },
    ]);
    expect(text).toContain('mlflow (python)');
    expect(text).toContain('4.00x');
    expect(text).toContain('met (>= 2.00x)');
  });
});
