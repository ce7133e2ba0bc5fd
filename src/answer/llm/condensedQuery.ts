import { contentStems, entitiesIn, numbersIn } from './grounding/textTokens.js';
import { stripMentions } from './sanitize.js';

const MAX_QUERY_CHARS = 300;
/** Paraphrase is fine ("cut" → "reduce"); a query mostly of new words is about something else. */
const MAX_NOVEL_SHARE = 0.5;

export type CondensedQueryProblem = 'empty' | 'too_long' | 'novel_words' | 'novel_number' | 'novel_name';

/**
 * The model's reply reduced to one plain query line: no label ("Standalone question:"), quotes,
 * mentions, markup or bracketed markers, so the query can neither cite nor ping anyone.
 */
export function cleanCondensedQuery(raw: string): string {
  const line = stripMentions(raw)
    .split('\n')
    .map((l) => l.trim())
    // "Here is the standalone question:" introduces the query on the next line.
    .find((l) => /[\p{L}\p{N}]/u.test(l) && !/:[*_\s]*$/.test(l)) ?? '';
  return line
    .replace(/^(?:[*_#>\s-]*)(?:standalone |rewritten |search )?(?:question|query)\s*:\s*/i, '')
    .replace(/\[[^\]]*\]|<[^>]*>/g, ' ')
    .replace(/[*_`"“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Why a condensed query must not be used, or undefined when it may. Every number and name it
 * carries must come from the conversation, and most of its words too.
 */
export function checkCondensedQuery(query: string, conversation: readonly string[]): CondensedQueryProblem | undefined {
  const stems = [...new Set(contentStems(query))];
  if (stems.length === 0) return 'empty';
  if (query.length > MAX_QUERY_CHARS) return 'too_long';
  const said = conversation.join('\n');
  const known = new Set(contentStems(said));
  const numbers = new Set(numbersIn(said));
  if (numbersIn(query).some((n) => !numbers.has(n))) return 'novel_number';
  const saidLower = said.toLowerCase();
  if (entitiesIn(query).some((e) => !saidLower.includes(e))) return 'novel_name';
  const novel = stems.filter((s) => !known.has(s)).length;
  return novel / stems.length > MAX_NOVEL_SHARE ? 'novel_words' : undefined;
}
