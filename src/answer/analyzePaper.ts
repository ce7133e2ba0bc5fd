import type { Paper } from '../corpus/Paper.js';
import { splitSentences } from './text/sentences.js';
import { stemSet } from './text/terms.js';

/** A paper split and reduced once, for scoring its sentences against questions. */
export interface AnalyzedPaper {
  paper: Paper;
  sentences: string[];
  /** Canonical stems of each sentence, index-aligned with `sentences`. */
  sentenceStems: Array<Set<string>>;
  /** Stems of the title, abstract and author names together. */
  stems: Set<string>;
}

/** Analyses per paper id, redone when the abstract changes (a re-ingested paper). */
export class PaperAnalyses {
  private readonly entries = new Map<string, AnalyzedPaper>();

  constructor(private readonly maxEntries = 5_000) {}

  get(paper: Paper): AnalyzedPaper {
    const hit = this.entries.get(paper.id);
    if (hit && hit.paper.abstract === paper.abstract && hit.paper.title === paper.title) return hit;
    const analysis = analyzePaper(paper);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(paper.id, analysis);
    return analysis;
  }
}

export function analyzePaper(paper: Paper): AnalyzedPaper {
  const sentences = splitSentences(paper.abstract);
  const sentenceStems = sentences.map((s) => stemSet(s));
  const stems = new Set<string>(sentenceStems.flatMap((s) => [...s]));
  const extra = `${paper.titleDerived ? '' : paper.title}. ${paper.authors.join(', ')}. ${paper.year ?? ''}`;
  for (const stem of stemSet(extra)) stems.add(stem);
  return { paper, sentences, sentenceStems, stems };
}

const shared = new WeakMap<object, PaperAnalyses>();

/** One analysis cache per library, shared by the Assistant's gate and the extractive answerer. */
export function paperAnalysesFor(library: object): PaperAnalyses {
  let analyses = shared.get(library);
  if (!analyses) {
    analyses = new PaperAnalyses();
    shared.set(library, analyses);
  }
  return analyses;
}
