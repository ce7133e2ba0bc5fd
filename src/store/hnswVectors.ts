import type { DocumentInterface } from '@langchain/core/documents';
import { FootnoteError } from '../errors/index.js';

/**
 * Checks a batch before anything is written, so that a bad vector never leaves the index half
 * updated. Returns each vector's paper id: `ids[i]`, else `documents[i].metadata.id`.
 */
export function validateBatch(
  vectors: readonly number[][],
  documents: readonly DocumentInterface[],
  ids: readonly string[] | undefined,
  dimension: number,
): string[] {
  if (vectors.length !== documents.length || (ids !== undefined && ids.length !== vectors.length)) {
    throw new FootnoteError('internal', 'vectors, documents and ids differ in length', {
      vectors: vectors.length,
      documents: documents.length,
      ids: ids?.length,
    });
  }
  return vectors.map((vector, i) => {
    const id = ids?.[i] ?? documents[i]?.metadata.id;
    if (typeof id !== 'string' || id === '') {
      throw new FootnoteError('internal', `vector ${i} has no paper id (pass ids or set metadata.id)`, { index: i });
    }
    if (vector.length !== dimension || !vector.every(Number.isFinite)) {
      throw new FootnoteError('internal', `vector for ${id} is not ${dimension} finite numbers`, { id, length: vector.length });
    }
    return id;
  });
}
