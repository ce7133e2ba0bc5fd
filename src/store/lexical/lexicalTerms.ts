import { foldForMatching } from '../../corpus/normalise.js';
import { stem } from '../../embeddings/local/stem.js';
import { isContentWord } from '../ftsQuery.js';

/** The words of a text as the FTS5 `unicode61` tokenizer splits them: case, accents and punctuation folded away. */
export function lexicalWords(text: string): string[] {
  // Folding accents is only needed off ASCII; skipping NFKD halves the cost on typical abstracts.
  const folded = /[^\x00-\x7f]/.test(text) ? foldForMatching(text) : text.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
  return folded.split(' ');
}

/** The term a word counts as: its Porter2 stem, or undefined for stop words and stray letters. */
export function termOf(word: string): string | undefined {
  return isContentWord(word) ? stem(word) : undefined;
}

/** The terms of a question, in the same form the in-memory index counts them. */
export function lexicalTerms(text: string): string[] {
  return lexicalWords(text).flatMap((w) => termOf(w) ?? []);
}
