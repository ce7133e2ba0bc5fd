/** FNV-1a over UTF-16 code units, finished with a murmur3 mix so low bits are usable. */
export function hash32(key: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** murmur3's finaliser: spreads every input bit over the output. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two hashes order-sensitively (for word pairs) without building a string. */
export function pairHash(a: number, b: number): number {
  return mix32(Math.imul(a, 0x9e3779b1) ^ b);
}

/**
 * A hash → signed slot: `+(i+1)` or `-(i+1)`. The sign (another bit of the mixed hash) makes
 * collisions cancel on average instead of piling up. `salt` separates feature families.
 */
export function signedSlot(hash: number, salt: number, dimension: number): number {
  const h = mix32(hash ^ salt);
  const index = (h % dimension) + 1;
  return mix32(h + 0x7f4a7c15) & 1 ? index : -index;
}

export function addSigned(target: Float64Array, slot: number, weight: number): void {
  const i = slot > 0 ? slot - 1 : -slot - 1;
  target[i] = (target[i] as number) + (slot > 0 ? weight : -weight);
}

/** Adds `block` scaled to length `scale` into `target`, then clears `block` for reuse. */
export function addBlock(target: Float64Array, block: Float64Array, scale: number): void {
  let norm = 0;
  for (let i = 0; i < block.length; i++) norm += (block[i] as number) ** 2;
  if (norm > 0 && scale > 0) {
    const k = scale / Math.sqrt(norm);
    for (let i = 0; i < block.length; i++) target[i] = (target[i] as number) + (block[i] as number) * k;
  }
  block.fill(0);
}

/** Unit-length copy as plain numbers (what LangChain's interface carries). */
export function normalised(vector: Float64Array): number[] {
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm);
  // An empty text still needs a valid unit vector for cosine space; a fixed axis keeps it deterministic.
  if (norm === 0) return Array.from(vector, (_, i) => (i === 0 ? 1 : 0));
  return Array.from(vector, (v) => v / norm);
}

/** Writes the unit-length vector as float32 into `out` at `offset` (same values as `normalised`, rounded). */
export function normaliseInto(vector: Float64Array, out: Float32Array, offset: number): void {
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm === 0) {
    out.fill(0, offset, offset + vector.length);
    out[offset] = 1;
    return;
  }
  for (let i = 0; i < vector.length; i++) out[offset + i] = (vector[i] as number) / norm;
}
