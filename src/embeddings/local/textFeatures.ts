import { DOMAIN_SYNONYMS } from './domainSynonyms.js';
import { stem } from './stem.js';
import { STOP_WORDS, WEAK_WORDS } from './stopWords.js';

/** A content word of a text: its surface form (for character n-grams) and its stem. */
export interface Term {
  word: string;
  stem: string;
  /** 1 for a content word, less for words common to every abstract. */
  weight: number;
}

/** What a text says, as the embedder and the lexical query expansion see it. */
export interface TextFeatures {
  terms: Term[];
  /** Concept ids from the synonym map, once per occurrence. */
  concepts: string[];
}

const WEAK_WEIGHT = 0.35;
const MAX_PHRASE = 4;
const TOKEN = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;
const ACRONYM_PLURAL = /^[A-Z]{2,}s$/;

/** The raw word tokens of a text, accents folded (before lowercasing and hyphen splitting). */
export function tokens(text: string): string[] {
  // Folding accents is only needed off ASCII; skipping it halves the cost on typical abstracts.
  const folded = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
  return folded.match(TOKEN) ?? [];
}

/** The words of one token (see `words`), appended to `out`. */
export function tokenWords(token: string, out: string[], joinHyphens = true): string[] {
  if (!/[-'’]/.test(token)) {
    out.push(ACRONYM_PLURAL.test(token) ? token.slice(0, -1).toLowerCase() : token.toLowerCase());
    return out;
  }
  const parts = token.split(/[-'’]/).filter(Boolean);
  for (const part of parts) out.push(ACRONYM_PLURAL.test(part) ? part.slice(0, -1).toLowerCase() : part.toLowerCase());
  if (joinHyphens && parts.length > 1 && token.includes('-')) out.push(parts.join('').toLowerCase());
  return out;
}

/** Lowercase words with accents folded; acronym plurals (LLMs, CNNs) lose their `s`; hyphenated words also appear joined. */
export function words(text: string, joinHyphens = true): string[] {
  const out: string[] = [];
  for (const token of tokens(text)) tokenWords(token, out, joinHyphens);
  return out;
}

function stemPhrase(phrase: string): string {
  return words(phrase, false).map(stem).join(' ');
}

// Built once: stemmed phrase → concept ids. Phrases are matched on the stemmed word sequence.
const PHRASES = new Map<string, string[]>();
// First stems of every phrase: most words start none, and checking this first keeps matching cheap.
const STARTS = new Set<string>();
for (const [concept, phrases] of Object.entries(DOMAIN_SYNONYMS)) {
  for (const phrase of phrases) {
    const key = stemPhrase(phrase);
    const ids = PHRASES.get(key) ?? [];
    if (!ids.includes(concept)) ids.push(concept);
    PHRASES.set(key, ids);
    STARTS.add(key.split(' ')[0] as string);
  }
}

/** True when some synonym phrase starts with this stem: most stems start none. */
export function startsPhrase(stem: string): boolean {
  return STARTS.has(stem);
}

/**
 * Concepts named in a stemmed word sequence (stop words kept, so "turn down" and "better than"
 * match). `starts[i]`, when given, is `startsPhrase(stems[i])` already worked out by the caller.
 */
export function findConcepts(stems: readonly string[], starts?: readonly boolean[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < stems.length; i++) {
    if (!(starts ? starts[i] : STARTS.has(stems[i] as string))) continue;
    for (let n = Math.min(MAX_PHRASE, stems.length - i); n >= 1; n--) {
      const ids = PHRASES.get(stems.slice(i, i + n).join(' '));
      if (ids) {
        found.push(...ids);
        i += n - 1;
        break;
      }
    }
  }
  return found;
}

/** A word's weight as a term: undefined for stop words and lone letters, less for weak words. */
export function termWeight(word: string): number | undefined {
  if (STOP_WORDS.has(word) || (word.length < 2 && !/\d/.test(word))) return undefined;
  return WEAK_WORDS.has(word) ? WEAK_WEIGHT : 1;
}

/** Terms and concepts of a text: the shared view of both retrieval legs. */
export function textFeatures(text: string): TextFeatures {
  const all = words(text);
  const stems = all.map(stem);
  const terms: Term[] = [];
  all.forEach((word, i) => {
    const weight = termWeight(word);
    if (weight !== undefined) terms.push({ word, stem: stems[i] as string, weight });
  });
  return { terms, concepts: findConcepts(stems) };
}

/** Every phrase of the concepts a text names: used to widen a lexical query with the same synonyms. */
export function synonymsOf(concepts: readonly string[]): string[] {
  return [...new Set(concepts)].flatMap((c) => DOMAIN_SYNONYMS[c] ?? []);
}
