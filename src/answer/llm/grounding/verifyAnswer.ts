import { CitationNumbering } from '../../citations.js';
import type { Citation } from '../../types.js';
import { stripMentions } from '../sanitize.js';
import { checkSupport, DEFAULT_THRESHOLDS, type SupportThresholds, type UnsupportedReason } from './checkSupport.js';
import type { SourceEvidence } from './SourceEvidence.js';
import { contentStems } from './textTokens.js';
import { splitAnswer, tidy } from './splitSentences.js';

export type DropReason = UnsupportedReason | 'uncited' | 'unknown_source' | 'off_topic';

export interface VerifyOptions {
  /** The fixed reply that means "the sources do not answer this". */
  notCovered: string;
  /** With it, a sentence resting only on a lower-ranked source must share a word with the question. */
  question?: string;
  thresholds?: SupportThresholds;
}

/** What the check did with one sentence of the model's answer. */
export interface SentenceVerdict {
  text: string;
  cited: number[];
  kept: boolean;
  reason?: DropReason;
  precision?: number;
}

export interface VerifiedAnswer {
  /** The model gave the fixed "not covered" reply (and nothing cited). */
  abstained: boolean;
  /** Kept sentences with markers renumbered to match `citations`. */
  text: string;
  citations: Citation[];
  verdicts: SentenceVerdict[];
  kept: number;
  total: number;
}

interface KeptSentence {
  text: string;
  backing: Array<{ source: SourceEvidence; quote: string }>;
}

function isAbstention(raw: string, notCovered: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/[^a-z' ]+/g, ' ').replace(/\s+/g, ' ').trim();
  const reply = norm(raw);
  return reply.length > 0 && (reply.startsWith(norm(notCovered)) || /^(the )?(indexed )?papers (do not|don't) cover th/.test(reply));
}

/**
 * A true statement about a lower-ranked paper can still be beside the point; the top paper is
 * the one the Assistant judged to answer, so only the others must touch the question's words.
 */
function offTopic(text: string, backing: Array<{ source: SourceEvidence }>, questionStems: Set<string> | undefined): boolean {
  if (!questionStems || questionStems.size === 0 || backing.some((b) => b.source.n === 1)) return false;
  return !contentStems(text).some((s) => questionStems.has(s));
}

function judge(text: string, cited: number[], byNumber: Map<number, SourceEvidence>, thresholds: SupportThresholds, questionStems?: Set<string>) {
  if (cited.length === 0) return { verdict: { text, cited, kept: false, reason: 'uncited' as const } };
  const known = cited.map((n) => byNumber.get(n)).filter((s): s is SourceEvidence => s !== undefined);
  if (known.length === 0) return { verdict: { text, cited, kept: false, reason: 'unknown_source' as const } };
  const support = checkSupport(text, known, thresholds);
  if (support.supported && offTopic(text, support.backing, questionStems)) {
    return { verdict: { text, cited, kept: false, reason: 'off_topic' as const, precision: support.precision } };
  }
  const verdict: SentenceVerdict = { text, cited, kept: support.supported, reason: support.reason, precision: support.precision };
  return { verdict, kept: support.supported ? { text, backing: support.backing } : undefined };
}

/** Renumbers in order of first use (C2's numbering): only sources that back a kept sentence are listed. */
function renumber(kept: KeptSentence[]): { text: string; citations: Citation[] } {
  const numbering = new CitationNumbering();
  const parts = kept.map(({ text, backing }) => {
    const markers = [...new Set(backing.map(({ source, quote }) => numbering.cite(source.paper, quote)))].sort((a, b) => a - b);
    return `${text} ${markers.map((n) => `[${n}]`).join('')}`;
  });
  return { text: parts.join(' '), citations: numbering.citations() };
}

/**
 * Models like to add a heading or their own "Sources:" list; Footnote prints its own sources,
 * and a listed title would otherwise pass as a sentence "supported" by its paper.
 */
function withoutTrailers(text: string): string {
  const list = text.search(/^[ \t]*[*_#]*[ \t]*(?:sources|references|citations)[ \t]*[*_]*[ \t]*:?[*_]*[ \t]*$/im);
  return (list >= 0 ? text.slice(0, list) : text).replace(/^[ \t]*#{1,6}[ \t].*$/gm, '');
}

/**
 * The check every LLM answer passes before anyone sees it: each sentence must cite a source
 * that was given and be supported by it; the rest is removed and the survivors renumbered.
 */
export function verifyAnswer(raw: string, sources: SourceEvidence[], options: VerifyOptions): VerifiedAnswer {
  const { notCovered, thresholds = DEFAULT_THRESHOLDS } = options;
  const questionStems = options.question === undefined ? undefined : new Set(contentStems(options.question));
  const clean = withoutTrailers(stripMentions(raw)).trim();
  const sentences = splitAnswer(clean).filter((s) => /[\p{L}\p{N}]/u.test(s.text));
  const anyCited = sentences.some((s) => s.cited.length > 0);
  if (!anyCited && isAbstention(clean, notCovered)) {
    return { abstained: true, text: notCovered, citations: [], verdicts: [], kept: 0, total: 0 };
  }
  const byNumber = new Map(sources.map((s) => [s.n, s]));
  const judged = sentences.map((s) => judge(tidy(s.text), s.cited, byNumber, thresholds, questionStems));
  const kept = judged.flatMap((j) => (j.kept ? [j.kept] : []));
  return { abstained: false, ...renumber(kept), verdicts: judged.map((j) => j.verdict), kept: kept.length, total: sentences.length };
}
