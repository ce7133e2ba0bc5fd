import { createHash } from 'node:crypto';
import type { Paper } from '../corpus/Paper.js';
import { stemSet } from './text/terms.js';

/** Where the corpus statistics come from: the Library satisfies this. */
export interface PaperSource {
  count(): number;
  list(offset: number, limit: number): Paper[];
  /** Where the statistics are kept between starts, when the source can keep them. */
  readState?(key: string): string | undefined;
  writeState?(key: string, value: string): void;
}

const STATE_KEY = 'corpus_terms';
/** Below this many sampled papers the statistics cost less than reading them back. */
const CACHE_FROM = 50;
/** Stemmed on every start: if the tokenizer changes, so does the fingerprint, and saved statistics are not reused. */
const PROBE = 'Large language models memorised the behaviours of LoRA-adapted networks in 2024.';

type Saved = { fingerprint: string; documents: number; df: Array<[string, number]> };

/** What identifies a sample: its papers (id and text lengths) and how text is stemmed today. */
function fingerprint(papers: readonly Paper[]): string {
  const hash = createHash('sha256').update([...stemSet(PROBE)].join(' '));
  for (const p of papers) hash.update(`\n${p.id}\t${p.title.length}\t${p.abstract.length}`);
  return hash.digest('hex');
}

/**
 * Inverse document frequencies of stems over the abstracts. On a large library they are estimated
 * from a sample (the newest `sampleSize` papers), which is plenty for weighting question words
 * and keeps a cold start fast; they are refreshed when the paper count changes.
 */
export class CorpusTerms {
  private documentFrequency = new Map<string, number>();
  private documents = 0;
  private seenCount = -1;

  constructor(
    private readonly source: PaperSource,
    private readonly sampleSize = 200,
  ) {}

  /** ln(1 + N/df); a stem the corpus never uses gets the weight of a stem seen in half a paper. */
  idf(stem: string): number {
    this.refresh();
    const df = this.documentFrequency.get(stem) ?? 0.5;
    return Math.log(1 + Math.max(1, this.documents) / df);
  }

  /** True when at least one sampled paper uses the stem. */
  known(stem: string): boolean {
    this.refresh();
    return this.documentFrequency.has(stem);
  }

  /** Computes the statistics now rather than on the first question. */
  warm(): void {
    this.refresh();
  }

  private refresh(): void {
    const count = this.source.count();
    if (count === this.seenCount) return;
    const papers = this.source.list(0, Math.min(count, this.sampleSize));
    const cacheable = papers.length >= CACHE_FROM && this.source.readState !== undefined;
    const print = cacheable ? fingerprint(papers) : '';
    const saved = cacheable ? this.readSaved(print) : undefined;
    this.documentFrequency = saved ?? sampleFrequencies(papers);
    this.documents = papers.length;
    this.seenCount = count;
    if (cacheable && !saved) {
      const value: Saved = { fingerprint: print, documents: papers.length, df: [...this.documentFrequency] };
      this.source.writeState?.(STATE_KEY, JSON.stringify(value));
    }
  }

  /** The saved statistics if they were computed from this very sample; stemming 200 abstracts takes ~0.5 s. */
  private readSaved(print: string): Map<string, number> | undefined {
    try {
      const saved = JSON.parse(this.source.readState?.(STATE_KEY) ?? 'null') as Saved | null;
      return saved?.fingerprint === print && Array.isArray(saved.df) ? new Map(saved.df) : undefined;
    } catch {
      return undefined;
    }
  }
}

function sampleFrequencies(papers: readonly Paper[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const paper of papers) {
    for (const stem of stemSet(`${paper.titleDerived ? '' : paper.title}. ${paper.abstract}`)) df.set(stem, (df.get(stem) ?? 0) + 1);
  }
  return df;
}

const shared = new WeakMap<PaperSource, CorpusTerms>();

/** One CorpusTerms per library, shared by the answerer and the answerability gate. */
export function corpusTermsFor(source: PaperSource): CorpusTerms {
  let terms = shared.get(source);
  if (!terms) {
    terms = new CorpusTerms(source);
    shared.set(source, terms);
  }
  return terms;
}
