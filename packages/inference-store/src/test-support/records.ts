/** Records for the store's tests. */
import type { InferenceRecord } from '../record.js';

export function testRecord(i: number, overrides: Partial<InferenceRecord> = {}): InferenceRecord {
  return {
    requestId: `req-${i}`,
    model: 'credit',
    version: '3',
    features: { age: i, region: i % 2 === 0 ? 'north' : 'atlantis' },
    ...(i % 2 === 0 ? {} : { unseen: ['region'] }),
    probability: (i % 100) / 100,
    label: i % 2 === 0 ? 'good' : 'bad',
    classes: ['good', 'bad'],
    ...overrides,
  };
}
