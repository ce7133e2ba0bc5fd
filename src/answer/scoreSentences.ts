import type { AnalyzedPaper } from './analyzePaper.js';
import { coverage, type QuestionProfile } from './questionProfile.js';

export interface ScoredSentence {
  index: number;
  text: string;
  /** Share of the question's weight the sentence covers. */
  coverage: number;
  score: number;
}

/** Sentences that report a result or a contribution: good second sentences and key findings. */
const FINDING_CUE = /\b(?:we (?:find|show|demonstrate|argue|prove|propose|introduce|present|identify)|results?|suggests?|reveals?|outperform|reduction|improv)/i;
/** Openings that lean on a sentence the answer may not include. */
const ANAPHORA = /^(?:This|These|They|It|Such|When they)\b/;

/** Scores every sentence of a paper against the question; higher answers it better. */
export function scoreSentences(profile: QuestionProfile, analysis: AnalyzedPaper): ScoredSentence[] {
  return analysis.sentences.map((text, index) => {
    const cov = coverage(profile, analysis.sentenceStems[index] ?? new Set());
    let score = cov;
    if (FINDING_CUE.test(text)) score += 0.04;
    if (ANAPHORA.test(text)) score -= 0.04;
    if (text.trim().endsWith('?')) score -= 0.3;
    if (text.length < 40) score -= 0.1;
    return { index, text, coverage: cov, score };
  });
}

/** The sentence that states the paper's main finding, for summaries and highlight cards. */
export function keyFindingIndex(sentences: string[]): number {
  const strong = sentences.findIndex((s, i) => i > 0 && /\bwe (?:find|show|demonstrate|argue)\b/i.test(s));
  if (strong >= 0) return strong;
  const cued = sentences.findIndex((s, i) => i > 0 && FINDING_CUE.test(s));
  return cued >= 0 ? cued : Math.max(0, sentences.length - 1);
}
