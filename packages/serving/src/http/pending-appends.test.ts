import { PendingAppends } from './pending-appends.js';

describe('PendingAppends', () => {
  it('settles at once when nothing is pending, and when the last announced append ends', async () => {
    const pending = new PendingAppends();
    await pending.settled(10_000);
    const first = pending.begin();
    const second = pending.begin();
    let settled = false;
    const waiting = pending.settled(10_000).then(() => (settled = true));
    first();
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    second();
    second(); // ending twice counts once
    await waiting;
    expect(settled).toBe(true);
  });

  it('gives up waiting after maxMs, and an append nobody ends expires', async () => {
    const pending = new PendingAppends();
    pending.begin(50);
    const start = Date.now();
    await pending.settled(20);
    expect(Date.now() - start).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const again = Date.now();
    await pending.settled(10_000);
    expect(Date.now() - again).toBeLessThan(50);
  });
});
