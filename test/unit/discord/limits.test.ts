import { describe, expect, it } from 'vitest';
import { ConcurrencyGate } from '../../../src/discord/ConcurrencyGate.js';
import { RateLimiter } from '../../../src/discord/RateLimiter.js';
import { isFootnoteError } from '../../../src/errors/index.js';

describe('RateLimiter', () => {
  it('GIVEN 2 a minute WHEN a user asks three times THEN the third waits until the first leaves the window', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    expect(limiter.take('u')).toBe(0);
    now = 20_000;
    expect(limiter.take('u')).toBe(0);
    expect(limiter.take('other')).toBe(0);
    now = 30_000;
    expect(limiter.take('u')).toBe(30);
    now = 60_000;
    expect(limiter.take('u')).toBe(0);
    expect(() => limiter.enforce('u')).toThrow(/2 questions a minute at most. Try again in 20 s/);
  });
});

describe('ConcurrencyGate', () => {
  it('GIVEN a cap of 2 WHEN 5 tasks run THEN at most 2 run at once and all finish in order of arrival', async () => {
    const gate = new ConcurrencyGate(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const tasks = Array.from({ length: 5 }, (_, i) =>
      gate.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        order.push(i);
        running--;
      }),
    );
    while (order.length < 5) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    await Promise.all(tasks);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('GIVEN a full queue WHEN another task arrives THEN it is refused as busy', async () => {
    const gate = new ConcurrencyGate(1, 1);
    let release!: () => void;
    const first = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    const second = gate.run(async () => 'second');
    const third = gate.run(async () => 'third').catch((e: unknown) => e);
    const refused = await third;
    expect(isFootnoteError(refused) && refused.code).toBe('busy:capacity');
    release();
    await first;
    expect(await second).toBe('second');
  });
});
