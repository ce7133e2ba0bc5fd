export { createRetriever, type RetrieverOptions } from './createRetriever.js';
export { FootnoteRetriever, toDocument, type PaperDocumentMetadata } from './FootnoteRetriever.js';
export { DEFAULT_FUSION, type FusionMethod, type FusionOptions } from './fuse.js';
export type { RankedPaper, RetrievalMode, RetrieveOptions, Retriever } from './types.js';
