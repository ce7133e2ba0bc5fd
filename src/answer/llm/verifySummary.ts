import type { Paper } from '../../corpus/Paper.js';
import { buildSourceEvidence } from './grounding/SourceEvidence.js';
import { checkSupport, type SupportThresholds } from './grounding/checkSupport.js';
import { splitAnswer, tidy } from './grounding/splitSentences.js';
import { stripMentions } from './sanitize.js';

/** A card holds two or three sentences; a model that writes more is trimmed, not trusted more. */
const MAX_SENTENCES = 3;
const MAX_SENTENCE_CHARS = 400;

export interface VerifiedSummary {
  /** The supported sentences, in the model's order, markers removed. */
  kept: string[];
  total: number;
  /** Count of dropped sentences per reason. */
  dropped: Record<string, number>;
}

/**
 * Checks each sentence of a model-written summary against the one abstract it summarises (the
 * grounding check of LLM answers, with that abstract as source 1). A sentence is kept only when
 * the abstract supports it; headings, labels and mentions never survive.
 */
export function verifySummary(raw: string, paper: Paper, thresholds: SupportThresholds): VerifiedSummary {
  const clean = stripMentions(raw)
    .replace(/^[ \t]*#{1,6}[ \t].*$/gm, '')
    .replace(/^[ \t]*[*_]*(?:summary|tl;?dr)[*_]*[ \t]*:[*_]*/gim, '');
  const sentences = splitAnswer(clean).map((s) => tidy(s.text)).filter((s) => /[\p{L}\p{N}]/u.test(s));
  const evidence = [buildSourceEvidence(1, paper)];
  const kept: string[] = [];
  const dropped: Record<string, number> = {};
  for (const sentence of sentences) {
    const reason = sentence.length > MAX_SENTENCE_CHARS ? 'too_long' : checkSupport(sentence, evidence, thresholds).reason;
    if (reason) dropped[reason] = (dropped[reason] ?? 0) + 1;
    else if (kept.length < MAX_SENTENCES) kept.push(sentence);
  }
  return { kept, total: sentences.length, dropped };
}
