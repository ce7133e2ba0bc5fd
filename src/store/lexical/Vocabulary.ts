import { lexicalWords, termOf } from './lexicalTerms.js';
import { grown, Postings } from './Postings.js';

const STOP = -1;

/** Every term's postings laid end to end (term i at `offsets[i]..offsets[i+1]`): one buffer each, cheap to send between threads. */
export interface FlatPostings {
  terms: string[];
  offsets: Int32Array;
  docs: Int32Array;
  title: Uint8Array;
  body: Uint16Array;
}

/**
 * The index's terms and their postings. Each distinct word is stemmed once (word → term id),
 * and a document's term counts are gathered in two typed arrays indexed by term id.
 */
export class Vocabulary {
  private readonly wordTerms = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly postings: Postings[] = [];
  private titleCounts = new Uint16Array(1024);
  private bodyCounts = new Uint16Array(1024);

  postingsOf(term: string): Postings | undefined {
    const id = this.termIds.get(term);
    return id === undefined ? undefined : this.postings[id];
  }

  /** Adds one document's postings; returns how many terms it has (its BM25 length). */
  addDocument(doc: number, title: string, body: string): number {
    const touched: number[] = [];
    const length = this.count(title, this.titleCounts, touched) + this.count(body, this.bodyCounts, touched);
    for (const term of touched) {
      (this.postings[term] as Postings).push(doc, this.titleCounts[term] as number, this.bodyCounts[term] as number);
      this.titleCounts[term] = 0;
      this.bodyCounts[term] = 0;
    }
    return length;
  }

  flatten(): FlatPostings {
    const offsets = new Int32Array(this.postings.length + 1);
    this.postings.forEach((p, i) => (offsets[i + 1] = (offsets[i] as number) + p.length));
    const total = offsets[this.postings.length] as number;
    const flat = { offsets, docs: new Int32Array(total), title: new Uint8Array(total), body: new Uint16Array(total) };
    this.postings.forEach((p, i) => {
      const at = offsets[i] as number;
      flat.docs.set(p.docs.subarray(0, p.length), at);
      flat.title.set(p.title.subarray(0, p.length), at);
      flat.body.set(p.body.subarray(0, p.length), at);
    });
    const terms: string[] = new Array(this.postings.length);
    for (const [term, id] of this.termIds) terms[id] = term;
    return { terms, ...flat };
  }

  /** A vocabulary over flattened postings: each term's list is a view into them until it grows. */
  static fromFlat(flat: FlatPostings): Vocabulary {
    const vocabulary = new Vocabulary();
    flat.terms.forEach((term, id) => {
      vocabulary.termIds.set(term, id);
      vocabulary.postings.push(Postings.view(flat.docs, flat.title, flat.body, flat.offsets[id] as number, flat.offsets[id + 1] as number));
    });
    vocabulary.titleCounts = new Uint16Array(Math.max(1024, flat.terms.length));
    vocabulary.bodyCounts = new Uint16Array(Math.max(1024, flat.terms.length));
    return vocabulary;
  }

  /** Adds each term's count in `text` to `counts`, listing terms seen for the first time; returns the term count. */
  private count(text: string, counts: Uint16Array, touched: number[]): number {
    let length = 0;
    for (const word of lexicalWords(text)) {
      const term = this.termFor(word);
      if (term === STOP) continue;
      length += 1;
      if (this.titleCounts[term] === 0 && this.bodyCounts[term] === 0) touched.push(term);
      counts[term] = (counts[term] as number) + 1;
    }
    return length;
  }

  private termFor(word: string): number {
    let id = this.wordTerms.get(word);
    if (id !== undefined) return id;
    const term = termOf(word);
    id = term === undefined ? STOP : this.termIds.get(term);
    if (id === undefined) {
      id = this.postings.length;
      this.termIds.set(term as string, id);
      this.postings.push(new Postings());
      if (id >= this.titleCounts.length) {
        this.titleCounts = grown(this.titleCounts, this.titleCounts.length * 2);
        this.bodyCounts = grown(this.bodyCounts, this.bodyCounts.length * 2);
      }
    }
    this.wordTerms.set(word, id);
    return id;
  }
}
