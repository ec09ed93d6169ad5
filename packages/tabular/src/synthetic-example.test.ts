import { syntheticExample } from './synthetic-example.js';

describe('the synthetic input example', () => {
  const features = [
    { name: 'age', type: 'numeric' as const },
    { name: 'region', type: 'categorical' as const },
  ];

  it('takes each numeric median and each most frequent category', () => {
    const profile = {
      features: [
        { name: 'age', type: 'numeric' as const, quantiles: { p50: 41.5 } },
        {
          name: 'region',
          type: 'categorical' as const,
          frequencies: { east: 0.2, north: 0.7, south: 0.1 },
        },
      ],
    };
    expect(syntheticExample({ profile, features })).toEqual({ age: 41.5, region: 'north' });
  });

  it('breaks a tie between categories by their sorted order', () => {
    const profile = {
      features: [
        { name: 'region', type: 'categorical' as const, frequencies: { south: 0.5, east: 0.5 } },
      ],
    };
    expect(syntheticExample({ profile, features })['region']).toBe('east');
  });

  it('sends a feature the profile lacks, or has no values for, as missing', () => {
    const profile = {
      features: [{ name: 'age', type: 'numeric' as const, quantiles: { p50: NaN } }],
    };
    expect(syntheticExample({ profile, features })).toEqual({ age: null, region: '' });
  });
});
