import type { Paper } from '../corpus/Paper.js';
import { stemSet } from './text/terms.js';

/** Where the corpus statistics come from: the Library satisfies this. */
export interface PaperSource {
  count(): number;
  list(offset: number, limit: number): Paper[];
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
    const df = new Map<string, number>();
    const papers = this.source.list(0, Math.min(count, this.sampleSize));
    for (const paper of papers) {
      for (const stem of stemSet(`${paper.titleDerived ? '' : paper.title}. ${paper.abstract}`)) df.set(stem, (df.get(stem) ?? 0) + 1);
    }
    this.documentFrequency = df;
    this.documents = papers.length;
    this.seenCount = count;
  }
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
