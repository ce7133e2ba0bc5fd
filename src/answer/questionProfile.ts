import type { CorpusTerms } from './CorpusTerms.js';
import { termsOf, type Term } from './text/terms.js';

/** A question reduced to weighted content stems, ready to be matched against sentences and papers. */
export interface QuestionProfile {
  terms: Term[];
  /** IDF weight per distinct canonical stem. */
  weights: Map<string, number>;
  totalWeight: number;
  /** Stems of the named things the question is about (acronyms, numbers, proper names). */
  keyStems: Set<string>;
}

export function profileQuestion(question: string, corpus: CorpusTerms): QuestionProfile {
  const terms = termsOf(question);
  const weights = new Map<string, number>();
  for (const term of terms) weights.set(term.stem, corpus.idf(term.stem));
  let totalWeight = 0;
  for (const w of weights.values()) totalWeight += w;
  const keyStems = new Set(terms.filter((t) => t.key).map((t) => t.stem));
  return { terms, weights, totalWeight, keyStems };
}

/** The IDF-weighted share of the question's stems found in `stems` (0 when the question has none). */
export function coverage(profile: QuestionProfile, stems: ReadonlySet<string>, ignore?: ReadonlySet<string>): number {
  let matched = 0;
  let total = 0;
  for (const [stem, weight] of profile.weights) {
    if (ignore?.has(stem)) continue;
    total += weight;
    if (stems.has(stem)) matched += weight;
  }
  return total === 0 ? 0 : matched / total;
}

/** Key stems of the question that `stems` lacks. */
export function missingKeys(profile: QuestionProfile, stems: ReadonlySet<string>, ignore?: ReadonlySet<string>): string[] {
  return [...profile.keyStems].filter((s) => !stems.has(s) && !ignore?.has(s));
}
