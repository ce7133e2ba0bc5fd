import { isEnglishWord, nlp, porterStem, type ItemSentence, type ItemToken } from './nlp.js';
import { canonicalStem, foldPhrases } from './synonyms.js';

/** One content word of a text, reduced for matching. */
export interface Term {
  /** Canonical stem: synonyms share one. */
  stem: string;
  /** The word as written. */
  surface: string;
  /**
   * A named thing the answer must be about: an acronym, a number, a proper name. A paper that
   * lacks a key term of the question does not answer it, however similar it otherwise is.
   */
  key: boolean;
  /** True when the word is in wink's English lexicon (so not jargon, a name or a typo). */
  english: boolean;
}

/** Words that frame a question rather than say what it is about. */
const QUESTION_WORDS = new Set([
  'paper', 'articl', 'studi', 'author', 'research', 'research', 'work', 'show', 'tell', 'explain', 'describ',
  'say', 'mention', 'discuss', 'claim', 'argu', 'find', 'found', 'propos', 'present', 'introduc', 'abstract',
  'what', 'which', 'who', 'whom', 'whose', 'how', 'why', 'when', 'where', 'doe', 'do', 'did', 'can', 'could',
  'would', 'should', 'is', 'ar', 'wa', 'were', 'be', 'been', 'ani', 'someth', 'anyth', 'thing', 'kind', 'way',
  'accord', 'main', 'pleas', 'give', 'list', 'use', 'about', 'exist', 'index', 'corpus', 'librari', 'know',
  'let', 'want', 'need', 'get', 'like', 'hi', 'hello', 'hey', 'thank', 'ok', 'also', 'anoth', 'one', 'new',
  'arxiv', 'write', 'wrote', 'written', 'publish', 'summar', 'summari', 'overview', 'anyon', 'els', 'me',
  'co-author', 'coauthor', 'co-wrot', 'cowrot', 'contribut', 'releas', 'public', 'recent', 'latest',
  // Where a paper appeared is metadata: "which papers appeared at EMNLP?" asks for no topic.
  'appear', 'accept', 'venu', 'confer', 'journal', 'year',
]);

const ACRONYM = /^(?=.*[A-Z].*[A-Z0-9])[A-Za-z0-9.+-]{2,}$/;

/** Tokens carrying a digit ("7B", "GPT-3.5", "sigma_8", "87%", "2023"), which wink would split. */
const WITH_DIGIT = /[A-Za-z_]*-?\d[\w.]*(?:-[\w.]+)*/g;

function isKey(surface: string, sentenceStart: boolean): boolean {
  // Shouted ordinary words ("SYSTEM:", "IMPORTANT") are not names; "MMLU" and "LoRA" are.
  if (ACRONYM.test(surface) && /[A-Z]/.test(surface.slice(1))) return !(surface === surface.toUpperCase() && isEnglishWord(surface));
  return !sentenceStart && /^[A-Z]/.test(surface) && surface.length > 2;
}

const BRITISH: Array<[RegExp, string]> = [
  [/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/our(s|ed|al)?$/, 'or$1'],
  [/([^l])lling$/, '$1ling'],
  [/([^l])lled$/, '$1led'],
];

/** "memorisation" → "memorization", "behaviour" → "behavior": only when the result is an English word. */
function americanize(word: string): string {
  const lower = word.toLowerCase();
  for (const [pattern, replacement] of BRITISH) {
    if (!pattern.test(lower)) continue;
    const candidate = lower.replace(pattern, replacement);
    if (isEnglishWord(candidate)) return candidate;
  }
  return word;
}

/** A word, its lemma, or every part of a hyphenated compound is in the English lexicon. */
function isEnglish(surface: string, lemma: string): boolean {
  if (isEnglishWord(surface) || isEnglishWord(lemma)) return true;
  const parts = surface.split('-').filter(Boolean);
  return parts.length > 1 && parts.every((p) => isEnglishWord(p));
}

function digitTerms(text: string): Term[] {
  return [...text.matchAll(WITH_DIGIT)].map((m) => {
    const surface = m[0].replace(/[.-]+$/, '');
    return { stem: canonicalStem(surface.toLowerCase()), surface, key: true, english: false };
  });
}

/**
 * Content terms of a text: words and numbers that are not stop words or question framing, stemmed
 * with wink-nlp and mapped to their synonym group.
 */
export function termsOf(text: string, options: { classify?: boolean } = {}): Term[] {
  const classify = options.classify ?? true;
  const its = nlp().its;
  const folded = foldPhrases(text.replace(/\\%/g, '%'));
  const terms: Term[] = digitTerms(folded);
  const doc = nlp().readDoc(folded.replace(WITH_DIGIT, ' '));
  doc.sentences().each((sentence: ItemSentence) => {
    let first = true;
    sentence.tokens().each((token: ItemToken) => {
      const type = token.out(its.type);
      const surface = token.out();
      const start = first;
      if (type === 'word' || type === 'number') first = false;
      if (type !== 'word' || token.out(its.stopWordFlag)) return;
      const american = americanize(surface);
      const stem = (american === surface ? String(token.out(its.stem as never)) : porterStem(american)).toLowerCase();
      if (stem.length < 2 || !/^[\p{L}\p{N}]/u.test(stem) || QUESTION_WORDS.has(stem)) return;
      // Abstracts only need stems; telling names and plain words apart is for questions (and costly).
      const english = classify && isEnglish(surface, String(token.out(its.lemma as never)));
      terms.push({ stem: canonicalStem(stem), surface, key: classify && isKey(surface, start), english });
    });
  });
  return terms;
}

/** The distinct canonical stems of a text. */
export function stemSet(text: string): Set<string> {
  return new Set(termsOf(text, { classify: false }).map((t) => t.stem));
}
