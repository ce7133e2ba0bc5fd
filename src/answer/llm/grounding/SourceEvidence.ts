import type { Paper } from '../../../corpus/Paper.js';
import { contentStems, hasNegation, numbersIn } from './textTokens.js';
import { splitSentences } from '../../text/sentences.js';

/** One stretch of an abstract a claim may rest on: a sentence, or two adjacent ones. */
export interface Evidence {
  /** The abstract sentence shown as the citation's quote. */
  quote: string;
  stems: Set<string>;
  negated: boolean;
}

/** A numbered source as given to the model, pre-digested for the grounding check. */
export interface SourceEvidence {
  n: number;
  paper: Paper;
  evidence: Evidence[];
  /** Title words, author surnames, year, venue: a sentence may name them without the abstract saying so. */
  metaStems: Set<string>;
  /** Every number the source states anywhere (abstract and metadata). */
  numbers: Set<string>;
  /** The whole source lowercased, for entity look-ups. */
  lowerText: string;
}

export function buildSourceEvidence(n: number, paper: Paper): SourceEvidence {
  const sentences = splitSentences(paper.abstract);
  const evidence: Evidence[] = sentences.map((s) => ({ quote: s, stems: new Set(contentStems(s)), negated: hasNegation(s) }));
  // LLMs fuse neighbouring sentences into one claim; a pair window lets that pass, quoted by its first half.
  for (let i = 0; i + 1 < sentences.length; i++) {
    const pair = `${sentences[i]} ${sentences[i + 1]}`;
    evidence.push({ quote: sentences[i] as string, stems: new Set(contentStems(pair)), negated: hasNegation(pair) });
  }
  const meta = [paper.titleDerived ? '' : paper.title, paper.authors.join(' '), paper.year ?? '', paper.venue ?? ''].join(' ');
  const whole = `${paper.abstract} ${meta}`;
  return {
    n,
    paper,
    evidence,
    metaStems: new Set(contentStems(meta)),
    numbers: new Set(numbersIn(whole)),
    lowerText: whole.toLowerCase(),
  };
}
