type Growable = Int32Array | Uint8Array | Uint16Array | Float32Array;

/** A copy of a typed array at a larger size, the new tail zeroed. */
export function grown<T extends Growable>(array: T, size: number): T {
  const out = new (array.constructor as new (length: number) => T)(size);
  out.set(array);
  return out;
}

/** One term's documents, with the term's frequency in the title and in the abstract of each. */
export class Postings {
  docs: Int32Array = new Int32Array(2);
  title: Uint8Array = new Uint8Array(2);
  body: Uint16Array = new Uint16Array(2);
  length = 0;

  /** Postings over a slice of shared arrays (a snapshot); the first push copies them out. */
  static view(docs: Int32Array, title: Uint8Array, body: Uint16Array, start: number, end: number): Postings {
    const p = new Postings();
    p.docs = docs.subarray(start, end);
    p.title = title.subarray(start, end);
    p.body = body.subarray(start, end);
    p.length = end - start;
    return p;
  }

  push(doc: number, title: number, body: number): void {
    if (this.length === this.docs.length) this.grow();
    this.docs[this.length] = doc;
    this.title[this.length] = title > 255 ? 255 : title;
    this.body[this.length] = body > 65_535 ? 65_535 : body;
    this.length += 1;
  }

  private grow(): void {
    const size = Math.max(2, this.docs.length * 2);
    this.docs = grown(this.docs, size);
    this.title = grown(this.title, size);
    this.body = grown(this.body, size);
  }
}
