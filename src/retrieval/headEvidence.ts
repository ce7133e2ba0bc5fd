import type { Library } from '../store/Library.js';
import type { LegHit } from './fuse.js';
import { centroid, dot, paperEvidence, questionTerms, type HeadFeatures, type RerankOptions } from './rerankHead.js';

/**
 * The evidence for the first `depth` fused hits: their texts read from the catalog, and, when the
 * library exposes stored vectors, each one's cosine to the centroid of the top lexical hits.
 */
export function headEvidence(
  library: Library,
  query: string,
  fused: readonly LegHit[],
  lexical: ReadonlyArray<{ id: string }>,
  options: Pick<RerankOptions, 'depth' | 'feedbackDocs'>,
): Map<string, HeadFeatures> {
  const head = fused.slice(0, options.depth).map((h) => h.id);
  const terms = questionTerms(query);
  const papers = new Map(library.getMany(head).map((p) => [p.id, p]));
  const seeds = lexical.slice(0, options.feedbackDocs).map((h) => h.id);
  const vectors = library.vectorsOf?.([...new Set([...seeds, ...head])]) ?? new Map<string, number[]>();
  const center = centroid(seeds.flatMap((id) => {
    const v = vectors.get(id);
    return v ? [v] : [];
  }));
  const out = new Map<string, HeadFeatures>();
  for (const id of head) {
    const paper = papers.get(id);
    if (!paper) break;
    const vector = vectors.get(id);
    out.set(id, { ...paperEvidence(terms, paper), feedback: center && vector ? dot(vector, center) : 0 });
  }
  return out;
}
