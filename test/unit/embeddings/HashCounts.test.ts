import { describe, expect, it } from 'vitest';
import { HashCounts } from '../../../src/embeddings/local/HashCounts.js';

const entries = (counts: HashCounts) => Array.from({ length: counts.size }, (_, n) => [counts.keyAt(n), counts.valueAt(n)]);

describe('HashCounts', () => {
  it('GIVEN repeated and colliding keys WHEN added THEN each key sums its weights, in first-seen order, like a Map', () => {
    const counts = new HashCounts(4);
    const map = new Map<number, number>();
    // Keys sharing their low bits collide in a small table; large ones exceed the int32 range.
    const keys = [16, 32, 16, 0xffffffff, 48, 32, 0x80000010, 16];
    keys.forEach((key, i) => {
      counts.add(key, 0.5 + i);
      map.set(key, (map.get(key) ?? 0) + 0.5 + i);
    });
    expect(entries(counts)).toEqual([...map]);
  });

  it('GIVEN more keys than its first capacity WHEN added THEN it grows and loses none', () => {
    const counts = new HashCounts(4);
    for (let key = 0; key < 1000; key++) counts.add(key * 7919, 1);
    for (let key = 0; key < 1000; key += 2) counts.add(key * 7919, 1);
    expect(counts.size).toBe(1000);
    expect(entries(counts).filter(([, v]) => v === 2)).toHaveLength(500);
  });

  it('GIVEN counts from one document WHEN cleared THEN the next starts empty', () => {
    const counts = new HashCounts();
    counts.add(5, 3);
    counts.clear();
    counts.add(5, 1);
    counts.add(9, 1);
    expect(entries(counts)).toEqual([[5, 1], [9, 1]]);
  });
});
