import { createRequire } from 'node:module';

// wink's Porter2 stemmer ships inside the English model as a plain CommonJS function; loading it
// alone avoids the full wink pipeline, which is ~10x slower than we can afford at 75k abstracts.
const porter = createRequire(import.meta.url)('wink-eng-lite-web-model/dist/porter-stemmer.js') as (word: string) => string;

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Porter2 stem of a lowercase word, memoised (vocabularies are Zipfian: the cache hits ~95 %). */
export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = porter(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}
