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
  get(key: string, compute: () => V | undefined): V | undefined {
    const stamp = this.generation();
    if (stamp !== this.stamp) {
      this.stamp = stamp;
      this.values = new Map();
    }
    if (this.values.has(key)) return this.values.get(key);
    const value = compute();
    if (value === undefined) return undefined;
    if (this.values.size >= this.limit) this.values.delete(this.values.keys().next().value as string);
    this.values.set(key, value);
    return value;
  }
}
