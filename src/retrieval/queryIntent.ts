import { foldForMatching } from '../corpus/normalise.js';
import { STOP_WORDS, WEAK_WORDS } from '../embeddings/local/stopWords.js';
import type { AuthorNames } from './authorIndex.js';
import type { VenueNames } from './venueIndex.js';

/** What a question asks of the metadata, and what is left of it for content search. */
export interface QueryIntent {
  /** Paper ids named in the question (`arxiv:2406.17746`). */
  ids: string[];
  years: number[];
  /** Normalised author names the library knows, as written in the question. */
  authors: string[];
  /** Text quoted in the question: a title, usually. */
  quoted: string[];
  /** Venues the library knows, as stored ("NeurIPS 2024"), named in the question by acronym ("neurips"). */
  venues: string[];
  /** The question without ids, years, author names, venues and the words that only ask for a list. */
  content: string;
}

const ARXIV_ID = /\b(?:arxiv:\s*)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?\b/gi;
const YEAR = /\b(19[5-9]\d|20[0-4]\d)\b/g;
const QUOTED = /"([^"]{3,200})"|“([^”]{3,200})”|«([^»]{3,200})»/g;
/** Words around a name that say it is an author: "by X", "X's papers", "did X write". */
const BEFORE_NAME = new Set(['by', 'from', 'did', 'has', 'have', 'author', 'authors', 'authored', 'coauthor']);
const AFTER_NAME = new Set(['s', 'wrote', 'write', 'writes', 'written', 'published', 'publish', 'et', 'papers', 'paper']);

// A lone surname that is also an everyday word ("Long", "Young") is read as the word.
const COMMON_WORDS = new Set([...STOP_WORDS, ...WEAK_WORDS]);

/** Longest runs of question words that are an author's full name, then lone surnames with an author cue. */
function findAuthors(words: string[], names: AuthorNames): Array<{ name: string; start: number; end: number }> {
  const found: Array<{ name: string; start: number; end: number }> = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n >= 1; n--) {
      if (i + n > words.length) continue;
      const name = words.slice(i, i + n).join(' ');
      const cue = BEFORE_NAME.has(words[i - 1] ?? '') || AFTER_NAME.has(words[i + n] ?? '') || words.length === n;
      if ((n > 1 && names.isFullName(name)) || (n === 1 && cue && name.length > 2 && !COMMON_WORDS.has(name) && names.isSurname(name))) {
        found.push({ name, start: i, end: i + n });
        i += n - 1;
        break;
      }
    }
  }
  return found;
}

/** Reads the metadata a question names; everything else stays in `content`. */
export function parseQueryIntent(query: string, names: AuthorNames, venueNames?: VenueNames): QueryIntent {
  const ids = [...query.matchAll(ARXIV_ID)].map((m) => `arxiv:${m[1]}`);
  const quoted = [...query.matchAll(QUOTED)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim()).filter(Boolean);
  const withoutIds = query.replace(ARXIV_ID, ' ');
  const years = [...new Set([...withoutIds.matchAll(YEAR)].map((m) => Number(m[1])))];
  const words = foldForMatching(withoutIds.replace(YEAR, ' ').replace(/['’]s\b/g, ' s')).split(' ').filter(Boolean);
  const authors = findAuthors(words, names);
  const named = (word: string) => venueNames?.venuesNamed(word) ?? [];
  const kept = words.filter((w, i) => !authors.some((a) => i >= a.start && i < a.end) && named(w).length === 0);
  const venues = [...new Set(words.flatMap(named))];
  return { ids: [...new Set(ids)], years, authors: [...new Set(authors.map((a) => a.name))], quoted, venues, content: kept.join(' ') };
}

/** Words that only ask for a list ("which papers did … write in …"): no topic of their own. */
const LIST_WORDS = new Set(
  `papers paper write wrote written writes published publish publications publication author authors authored coauthored
work works anything everything what which did do does has have year years from in by list all any show me tell about
summarize summarise summary main finding findings find found argue argued propose proposed say said s the a an of and et al
recent latest new is are was were who some give many how their his her key idea ideas arxiv id please on
at or appeared appear appears accepted presented venue venues conference conferences workshop proceedings`.split(/\s+/),
);

/** True when the question, once its metadata is read, still names a topic ("what did Saphra say about memorization"). */
export function hasTopic(intent: QueryIntent): boolean {
  return intent.content.split(' ').some((w) => w.length > 1 && !LIST_WORDS.has(w));
}
