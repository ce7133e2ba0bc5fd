import type { Paper } from '../corpus/Paper.js';
import type { PaperAnalyses } from './analyzePaper.js';
import type { PaperSummary } from './Assistant.js';
import { attributeSentence } from './attribute.js';
import { keyFindingIndex } from './scoreSentences.js';

/**
 * A paper card's summary: the first two statements of the abstract plus its key finding,
 * attributed, in abstract order (questions the abstract asks itself are skipped).
 */
export function summarizePaper(paper: Paper, analyses: PaperAnalyses): PaperSummary {
  const sentences = summarySentences(paper, analyses);
  const keyFinding = sentences.find((s) => s.key)?.text ?? '';
  return { text: sentences.map((s) => s.text).join(' '), keyFinding };
}

/** The summary's sentences, attributed, each flagged when it is the key finding. */
export function summarySentences(paper: Paper, analyses: PaperAnalyses): Array<{ text: string; key: boolean }> {
  const sentences = analyses.get(paper).sentences;
  if (sentences.length === 0) return [];
  const statements = sentences.map((s, i) => ({ s, i })).filter(({ s }) => !s.trim().endsWith('?'));
  const key = keyFindingIndex(sentences);
  const chosen = new Set([...statements.slice(0, 2).map(({ i }) => i), key]);
  return [...chosen].sort((a, b) => a - b).map((i) => ({ text: attributeSentence(sentences[i] as string), key: i === key }));
}
