import { foldForMatching } from '../corpus/normalise.js';

/** Common English function words: they carry no topic and only slow BM25 down. */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him himself his
how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves
s t don paper papers tell show give find please does anyone something`.split(/\s+/),
);

const MAX_TERMS = 48;

/** A word a query searches on: not a stop word, and two characters at least unless it has a digit. */
export function isContentWord(word: string): boolean {
  return word !== '' && !STOP_WORDS.has(word) && (word.length >= 2 || /\d/.test(word));
}

/** The content words of a query: folded, stop words dropped, deduplicated, in order. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const word of foldForMatching(query).split(' ')) {
    if (!isContentWord(word)) continue;
    if (!terms.includes(word)) terms.push(word);
    if (terms.length >= MAX_TERMS) break;
  }
  return terms;
}

/** Words as typed so far, the last one a prefix: `fast forw` → `title : ("fast" AND "forw"*)`, for autocomplete. */
export function buildPrefixExpression(query: string, column: string): string | null {
  const words = foldForMatching(query).split(' ').filter(Boolean).slice(0, 8);
  if (words.length === 0) return null;
  const terms = words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`);
  return `${column} : (${terms.join(' AND ')})`;
}
