import { DOMAIN_SYNONYMS } from '../embeddings/local/domainSynonyms.js';
import { textFeatures } from '../embeddings/local/textFeatures.js';

/**
 * The lexical leg's query widened with the synonym map the embedder uses, so both legs read
 * "LLM" and "large language models" alike. BM25 cannot down-weight added words, so only the first
 * `perConcept` single-word forms of each concept are added (the groups list their common form first).
 */
export function expandQuery(query: string, perConcept = 3): string {
  const { concepts, terms } = textFeatures(query);
  const present = new Set(terms.map((t) => t.word));
  const extra: string[] = [];
  for (const concept of new Set(concepts)) {
    const forms = (DOMAIN_SYNONYMS[concept] ?? []).filter((f) => /^[a-z0-9]+$/.test(f) && !present.has(f));
    extra.push(...forms.slice(0, perConcept));
  }
  return extra.length ? `${query} ${[...new Set(extra)].join(' ')}` : query;
}
