import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { PaperRef } from '../corpus/Paper.js';
import type { RankedPaper, RetrieveOptions, Retriever } from './types.js';

/** What each Document carries: the paper's citation fields and how it ranked. */
export interface PaperDocumentMetadata extends PaperRef {
  score: number;
  lexicalScore?: number;
  similarity?: number;
  matchedBy?: RankedPaper['matchedBy'];
}

export function toDocument(r: RankedPaper): Document<PaperDocumentMetadata> {
  const { paper } = r;
  return new Document({
    pageContent: paper.abstract,
    id: paper.id,
    metadata: {
      id: paper.id, title: paper.title, titleDerived: paper.titleDerived, authors: paper.authors, year: paper.year, url: paper.url,
      score: r.score, lexicalScore: r.lexicalScore, similarity: r.similarity, matchedBy: r.matchedBy,
    },
  });
}

/** Footnote's retriever as a LangChain retriever, for chains that want Documents (one per paper: the abstract). */
export class FootnoteRetriever extends BaseRetriever<PaperDocumentMetadata> {
  lc_namespace = ['footnote', 'retrievers'];

  constructor(
    private readonly retriever: Retriever,
    private readonly options: RetrieveOptions = {},
    fields?: BaseRetrieverInput,
  ) {
    super(fields);
  }

  override async _getRelevantDocuments(query: string): Promise<Document<PaperDocumentMetadata>[]> {
    return (await this.retriever.retrieve(query, this.options)).map(toDocument);
  }
}
