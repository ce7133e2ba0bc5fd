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

/** Weight factor for ordinary English words the corpus never uses: in questions these are paraphrase, mostly. */
export const UNKNOWN_ENGLISH_FACTOR = 0.35;

/**
 * Weights each distinct stem by IDF. Words the corpus never uses are where paraphrase and
 * off-topic questions differ least, so an ordinary English word the corpus lacks ("people",
 * "mouth") weighs a third of its IDF, while unknown jargon keeps its full weight.
 */
export function profileQuestion(question: string, corpus: CorpusTerms, englishFactor = UNKNOWN_ENGLISH_FACTOR): QuestionProfile {
  const terms = termsOf(question);
  const weights = new Map<string, number>();
  const keyStems = new Set(terms.filter((t) => t.key).map((t) => t.stem));
  for (const term of terms) {
    const idf = corpus.idf(term.stem);
    weights.set(term.stem, !term.key && term.english && !corpus.known(term.stem) ? idf * englishFactor : idf);
  }
  let totalWeight = 0;
  for (const w of weights.values()) totalWeight += w;
  return { terms, weights, totalWeight, keyStems };
}

/** How many of the question's distinct stems (outside `ignore`) occur in `stems`. */
export function matchedCount(profile: QuestionProfile, stems: ReadonlySet<string>, ignore?: ReadonlySet<string>): number {
  let n = 0;
  for (const stem of profile.weights.keys()) if (!ignore?.has(stem) && stems.has(stem)) n += 1;
  return n;
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
