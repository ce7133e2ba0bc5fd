/**
 * Weights summed per 32-bit feature hash, kept in first-seen order: what a `Map<number, number>`
 * did, without a heap number per entry or a fresh table per document (word-pair counting through
 * a Map was half of the embedder's time). Open addressing over typed arrays; `clear` is O(1).
 */
export class HashCounts {
  private keys: Uint32Array;
  /** The `generation` a slot was filled in; older slots count as empty. */
  private filled: Uint32Array;
  /** Slot → position in first-seen order. */
  private positions: Int32Array;
  private orderKeys: Uint32Array;
  private orderValues: Float64Array;
  private generation = 1;
  private count = 0;

  constructor(capacity = 1024) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.keys = new Uint32Array(slots);
    this.filled = new Uint32Array(slots);
    this.positions = new Int32Array(slots);
    this.orderKeys = new Uint32Array(slots / 2);
    this.orderValues = new Float64Array(slots / 2);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.filled.fill(0);
      this.generation = 1;
    }
  }

  /** Adds `weight` to the key's sum (a new key starts at 0, as `(map.get(k) ?? 0) + weight` did). */
  add(key: number, weight: number): void {
    if (this.count >= this.orderKeys.length) this.grow();
    const mask = this.keys.length - 1;
    // Keys are already mixed hashes, so their low bits spread well.
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      if (this.filled[slot] !== this.generation) {
        this.filled[slot] = this.generation;
        this.keys[slot] = key;
        this.positions[slot] = this.count;
        this.orderKeys[this.count] = key;
        this.orderValues[this.count] = 0 + weight;
        this.count += 1;
        return;
      }
      if (this.keys[slot] === key >>> 0) {
        const at = this.positions[slot] as number;
        this.orderValues[at] = (this.orderValues[at] as number) + weight;
        return;
      }
    }
  }

  /** The n-th key in first-seen order. */
  keyAt(n: number): number {
    return this.orderKeys[n] as number;
  }

  valueAt(n: number): number {
    return this.orderValues[n] as number;
  }

  private grow(): void {
    const { orderKeys, orderValues, count } = this;
    const bigger = new HashCounts(orderKeys.length * 2);
    for (let n = 0; n < count; n++) bigger.add(orderKeys[n] as number, orderValues[n] as number);
    this.keys = bigger.keys;
    this.filled = bigger.filled;
    this.positions = bigger.positions;
    this.orderKeys = bigger.orderKeys;
    this.orderValues = bigger.orderValues;
    this.generation = bigger.generation;
  }
}
