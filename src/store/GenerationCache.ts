/**
 * Values derived from the catalog, kept until it changes: `generation` moves on every commit
 * (this process's or another's), and the whole cache is dropped then. Bounded, oldest out first.
 */
export class GenerationCache<V> {
  private stamp = '';
  private values = new Map<string, V>();

  constructor(
    private readonly generation: () => string,
    private readonly limit: number,
  ) {}

  /** The cached value, else `compute()`'s, remembered unless undefined. */
  get(key: string, compute: (key: string) => V | undefined): V | undefined {
    return this.getMany([key], compute)[0];
  }

  /** The values of `keys` in order, keys without one skipped; the generation is asked once, not once per key. */
  getMany(keys: readonly string[], compute: (key: string) => V | undefined): V[] {
    const stamp = this.generation();
    if (stamp !== this.stamp) {
      this.stamp = stamp;
      this.values = new Map();
    }
    const out: V[] = [];
    for (const key of keys) {
      const value = this.values.has(key) ? this.values.get(key) : this.remember(key, compute(key));
      if (value !== undefined) out.push(value);
    }
    return out;
  }

  private remember(key: string, value: V | undefined): V | undefined {
    if (value === undefined) return undefined;
    if (this.values.size >= this.limit) this.values.delete(this.values.keys().next().value as string);
    this.values.set(key, value);
    return value;
  }
}
