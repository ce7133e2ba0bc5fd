import { contentStems, entitiesIn, hasNegation, numbersIn } from './textTokens.js';
import type { Evidence, SourceEvidence } from './SourceEvidence.js';

/** Thresholds of the lexical grounding check (measured in bench/llmGrounding.ts). */
export interface SupportThresholds {
  /** Share of the sentence's content stems found in the cited evidence. */
  minPrecision: number;
  /** A cited source contributing less than this share is dropped from the sentence. */
  minSourceShare: number;
}

export const DEFAULT_THRESHOLDS: SupportThresholds = { minPrecision: 0.7, minSourceShare: 0.25 };

export type UnsupportedReason = 'no_overlap' | 'low_overlap' | 'number' | 'entity' | 'negation';

export interface SupportResult {
  supported: boolean;
  reason?: UnsupportedReason;
  precision: number;
  /** The cited sources that actually carry the sentence, each with its best quote. */
  backing: Array<{ source: SourceEvidence; quote: string }>;
}

/** Acronyms an answer may use for words every abstract spells out. */
const GENERIC_ENTITIES = new Set(['llm', 'llms', 'lm', 'lms', 'nlp', 'ai', 'ml', 'gpu', 'gpus', 'sota']);

function bestEvidence(stems: string[], source: SourceEvidence): { evidence: Evidence | undefined; hits: Set<string> } {
  let best: Evidence | undefined;
  let bestHits = new Set<string>();
  for (const e of source.evidence) {
    const hits = new Set(stems.filter((s) => e.stems.has(s) || source.metaStems.has(s)));
    if (hits.size > bestHits.size || (hits.size === bestHits.size && best && e.stems.size < best.stems.size)) {
      best = e;
      bestHits = hits;
    }
  }
  return { evidence: best, hits: bestHits };
}

/**
 * Is this sentence supported by the sources it cites? Content-stem precision against each cited
 * source's best sentence (or adjacent pair), then strict checks an overlap score misses: every
 * number and every named entity must appear in a cited source, and a negated claim needs a
 * negated source sentence.
 */
export function checkSupport(sentence: string, cited: SourceEvidence[], thresholds = DEFAULT_THRESHOLDS): SupportResult {
  const stems = [...new Set(contentStems(sentence))];
  if (stems.length === 0 || cited.length === 0) return { supported: false, reason: 'no_overlap', precision: 0, backing: [] };
  const perSource = cited.map((source) => ({ source, ...bestEvidence(stems, source) }));
  const covered = new Set(perSource.flatMap((p) => [...p.hits]));
  const precision = covered.size / stems.length;
  const backing = perSource
    .filter((p) => p.evidence && p.hits.size / stems.length >= thresholds.minSourceShare)
    .map((p) => ({ source: p.source, quote: (p.evidence as Evidence).quote }));
  const fail = (reason: UnsupportedReason): SupportResult => ({ supported: false, reason, precision, backing: [] });
  if (covered.size === 0 || backing.length === 0) return fail('no_overlap');
  if (precision < thresholds.minPrecision) return fail('low_overlap');
  const numbers = new Set(backing.flatMap((b) => [...b.source.numbers]));
  if (numbersIn(sentence).some((n) => !numbers.has(n))) return fail('number');
  const entities = entitiesIn(sentence).filter((e) => !GENERIC_ENTITIES.has(e));
  if (entities.some((e) => !backing.some((b) => b.source.lowerText.includes(e.replace(/s$/, ''))))) return fail('entity');
  if (hasNegation(sentence) && !perSource.some((p) => p.evidence?.negated)) return fail('negation');
  return { supported: true, precision, backing };
}
