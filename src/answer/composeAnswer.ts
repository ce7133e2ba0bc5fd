import type { RankedPaper } from '../retrieval/types.js';
import type { PaperAnalyses } from './analyzePaper.js';
import { MULTI_PAPER } from './answerability.js';
import { attributeSentence } from './attribute.js';
import { CitationNumbering } from './citations.js';
import { coverage, type QuestionProfile } from './questionProfile.js';
import { scoreSentences, type ScoredSentence } from './scoreSentences.js';
import type { Citation } from './types.js';

/** Longest answer text, markers included. */
export const MAX_ANSWER_CHARS = 900;


interface Pick {
  passage: RankedPaper;
  sentence: ScoredSentence;
  priority: number;
}

/** Up to `max` sentences of one paper: the best one, then others that also bear on the question. */
function pickFromPaper(profile: QuestionProfile, passage: RankedPaper, analyses: PaperAnalyses, max: number, rank: number, said: readonly string[]): Pick[] {
  // In a conversation, sentences an earlier answer already gave make way for new ones.
  const repeated = (text: string) => said.some((answer) => answer.includes(attributeSentence(text)));
  const scored = scoreSentences(profile, analyses.get(passage.paper))
    .map((s) => (repeated(s.text) ? { ...s, score: s.score - 0.5 } : s))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return [];
  const others = scored.slice(1).filter((s) => !s.text.endsWith('?'));
  const relevant = others.filter((s) => s.coverage > 0 && s.score >= best.score * 0.5);
  // A lone sentence reads as an excerpt: the paper's next-best sentence gives it context.
  const chosen = [best, ...(relevant.length ? relevant : others)].slice(0, max);
  return chosen.map((sentence, i) => ({ passage, sentence, priority: rank * 10 + i }));
}

/** A second paper joins only when the question asks for several; the one covering most of it. */
function secondaryPapers(question: string, profile: QuestionProfile, passages: RankedPaper[], primary: number, analyses: PaperAnalyses): RankedPaper[] {
  if (!MULTI_PAPER.test(question)) return [];
  const candidates = passages
    .slice(0, 3)
    .filter((_, i) => i !== primary)
    .map((passage) => {
      const analysis = analyses.get(passage.paper);
      const sentence = Math.max(0, ...analysis.sentenceStems.map((s) => coverage(profile, s)));
      return { passage, sentence, paper: coverage(profile, analysis.stems) };
    })
    .filter((c) => c.sentence >= 0.25 && c.paper >= 0.4)
    .sort((a, b) => b.sentence + b.paper - (a.sentence + a.paper));
  const [first, runnerUp] = candidates;
  // Two papers that fit equally well: neither clearly contributes, so neither is added.
  if (!first || (runnerUp && first.sentence + first.paper - (runnerUp.sentence + runnerUp.paper) < 0.1)) return [];
  return [first.passage];
}

/** Drops the lowest-priority sentences until the answer fits, keeping at least one. */
function fit(picks: Pick[]): Pick[] {
  const kept = [...picks];
  const length = () => kept.reduce((sum, p) => sum + attributeSentence(p.sentence.text).length + 5, 0);
  while (kept.length > 1 && length() > MAX_ANSWER_CHARS) {
    const worst = kept.reduce((a, b) => (b.priority > a.priority ? b : a));
    kept.splice(kept.indexOf(worst), 1);
  }
  return kept;
}

/**
 * The extractive answer: 2–4 attributed sentences from the best paper (and a second one when the
 * question asks for several), each followed by the `[n]` of its paper.
 */
export function composeAnswer(
  question: string,
  profile: QuestionProfile,
  passages: RankedPaper[],
  primary: number,
  analyses: PaperAnalyses,
  /** Earlier answers of the conversation. */
  said: readonly string[] = [],
): { text: string; citations: Citation[] } {
  const main = passages[primary];
  if (!main) return { text: '', citations: [] };
  const extra = secondaryPapers(question, profile, passages, primary, analyses);
  const picks = [
    ...pickFromPaper(profile, main, analyses, extra.length ? 2 : 3, 0, said),
    ...extra.flatMap((p, i) => pickFromPaper(profile, p, analyses, 2, i + 1, said)),
  ];
  // Papers in rank order; within a paper the best sentence leads (the direct answer), then the
  // others in the abstract's own order so the context reads naturally.
  const lead = (p: Pick) => (p.priority % 10 === 0 ? -1 : p.sentence.index);
  const kept = fit(picks).sort((a, b) => Math.floor(a.priority / 10) - Math.floor(b.priority / 10) || lead(a) - lead(b));
  // The quote is the sentence that answers best, not merely the first one shown.
  const quotes = new Map<string, string>();
  for (const p of [...kept].sort((a, b) => a.priority - b.priority)) if (!quotes.has(p.passage.paper.id)) quotes.set(p.passage.paper.id, p.sentence.text);
  const numbering = new CitationNumbering();
  const text = kept
    .map((p, i) => {
      const sentence = attributeSentence(p.sentence.text);
      // "The authors … The authors …" reads as a list; after a sentence of the same paper, "They".
      const text = kept[i - 1]?.passage === p.passage ? sentence.replace(/^The authors'/, 'Their').replace(/^The authors\b/, 'They') : sentence;
      return `${text} [${numbering.cite(p.passage.paper, quotes.get(p.passage.paper.id) ?? p.sentence.text)}]`;
    })
    .join(' ');
  return { text, citations: numbering.citations() };
}
