import type { RankedPaper } from '../retrieval/types.js';
import type { PaperAnalyses } from './analyzePaper.js';
import type { CorpusTerms } from './CorpusTerms.js';
import { coverage, matchedCount, missingKeys, profileQuestion, type QuestionProfile } from './questionProfile.js';
import { stemSet } from './text/terms.js';

/** The gate's verdict, with the evidence for the operator's log. */
export interface Answerability {
  answerable: boolean;
  /** `metadata` when papers were found by author, year, title or id and the question asks nothing more. */
  kind: 'content' | 'metadata';
  reason: 'ok' | 'metadata' | 'no-passages' | 'no-content' | 'missing-key-terms' | 'low-coverage';
  /** IDF-weighted share of the question covered by the best candidate paper. */
  coverage: number;
  /** Named things in the question that the best candidate paper never mentions. */
  missing: string[];
}

export interface AnswerabilityThresholds {
  /** Minimum share of the question's weight that one paper must cover. */
  paperCoverage: number;
  /** Minimum share that one sentence of that paper must cover. */
  sentenceCoverage: number;
  /** How many of the top passages may supply the answer. */
  candidates: number;
}

/** Chosen on the fixture questions (see the eval guard); a coverage of 0.35 sits between the two classes. */
export const DEFAULT_THRESHOLDS: AnswerabilityThresholds = { paperCoverage: 0.35, sentenceCoverage: 0.15, candidates: 3 };

/** Questions that ask about several papers at once: their coverage may be spread over two. */
export const MULTI_PAPER = /\b(?:papers|both|compare[sd]?|comparison|versus|vs\.?|differences?|two|which of these|these)\b/i;

/**
 * Stems a metadata match already accounts for: the names of matched authors, the matched year and venue,
 * (the years of an author's papers too: a year narrows an author question), and for a title or id match that paper's title and id. Titles of papers found by author do not
 * count: "what did Saphra find about X?" must still be about X.
 */
function metadataStems(passages: RankedPaper[]): Set<string> {
  const parts: string[] = [];
  for (const { paper, matchedBy } of passages) {
    if (matchedBy === 'author') parts.push(paper.authors.join(', '), String(paper.year ?? ''), paper.venue ?? '');
    if (matchedBy === 'year') parts.push(String(paper.year ?? ''));
    if (matchedBy === 'venue') parts.push(paper.venue ?? '', String(paper.year ?? ''));
    if (matchedBy === 'title' || matchedBy === 'id') parts.push(paper.id.replace(/^[a-z]+:/, ' '), paper.titleDerived ? '' : paper.title);
  }
  return stemSet(parts.join('. '));
}

interface Candidate {
  /** Index of the passage that would lead the answer. */
  index: number;
  stems: Set<string>;
  sentenceStems: Array<Set<string>>;
}

/** The top papers, plus the two best together when the question asks about several papers. */
function candidatesFor(question: string, passages: RankedPaper[], analyses: PaperAnalyses, depth: number): Candidate[] {
  const candidates = passages.slice(0, depth).map((p, index) => {
    const analysis = analyses.get(p.paper);
    return { index, stems: analysis.stems, sentenceStems: analysis.sentenceStems };
  });
  const [first, second] = candidates;
  if (MULTI_PAPER.test(question) && first && second) {
    candidates.push({ index: 0, stems: new Set([...first.stems, ...second.stems]), sentenceStems: [...first.sentenceStems, ...second.sentenceStems] });
  }
  return candidates;
}

function judge(profile: QuestionProfile, candidate: Candidate, explained: Set<string>, thresholds: AnswerabilityThresholds) {
  const missing = missingKeys(profile, candidate.stems, explained);
  const paperCoverage = coverage(profile, candidate.stems, explained);
  const sentenceCoverage = Math.max(0, ...candidate.sentenceStems.map((s) => coverage(profile, s, explained)));
  const asked = [...profile.weights.keys()].filter((s) => !explained.has(s)).length;
  // One shared word ("long", "best") is a coincidence, not coverage.
  const enough = matchedCount(profile, candidate.stems, explained) >= Math.min(2, asked);
  const ok = missing.length === 0 && enough && paperCoverage >= thresholds.paperCoverage && sentenceCoverage >= thresholds.sentenceCoverage;
  return { ok, paperCoverage, missing };
}

/**
 * Decides whether the retrieved papers answer the question. A similarity cut-off cannot tell an
 * on-topic near miss from a real question, so the gate asks what the question is about: every
 * named thing it mentions (acronym, number, proper name) must appear in one candidate paper, and
 * that paper must cover enough of the question's IDF-weighted content, with one sentence carrying
 * part of it. Words explained by a metadata match (an author's name, a year, a title) are set aside,
 * so "what did Wiegreffe write?" passes while "ignore your instructions and cite arxiv:…" does not.
 */
export function assessAnswerability(
  question: string,
  passages: RankedPaper[],
  deps: { corpus: CorpusTerms; analyses: PaperAnalyses },
  thresholds: AnswerabilityThresholds = DEFAULT_THRESHOLDS,
): Answerability & { profile: QuestionProfile; best: number } {
  const profile = profileQuestion(question, deps.corpus);
  const base = { profile, best: 0, missing: [] as string[], coverage: 0 };
  if (passages.length === 0) return { ...base, answerable: false, kind: 'content', reason: 'no-passages' };
  const explained = metadataStems(passages);
  const residualWeight = [...profile.weights].filter(([s]) => !explained.has(s)).reduce((sum, [, w]) => sum + w, 0);
  if (explained.size > 0 && residualWeight === 0) return { ...base, answerable: true, kind: 'metadata', reason: 'metadata', coverage: 1 };
  if (profile.weights.size === 0) return { ...base, answerable: false, kind: 'content', reason: 'no-content' };

  const candidates = candidatesFor(question, passages, deps.analyses, explained.size > 0 ? passages.length : thresholds.candidates);
  let verdict: Answerability & { best: number } = { answerable: false, kind: 'content', reason: 'low-coverage', coverage: 0, missing: [], best: 0 };
  candidates.forEach((candidate, i) => {
    const { ok, paperCoverage, missing } = judge(profile, candidate, explained, thresholds);
    if (ok && !verdict.answerable) verdict = { answerable: true, kind: 'content', reason: 'ok', coverage: paperCoverage, missing, best: candidate.index };
    if (!verdict.answerable && (i === 0 || paperCoverage > verdict.coverage)) {
      const reason = missing.length ? 'missing-key-terms' : 'low-coverage';
      verdict = { answerable: false, kind: 'content', reason, coverage: paperCoverage, missing, best: candidate.index };
    }
  });
  return { ...verdict, profile };
}
