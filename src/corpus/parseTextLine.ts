import { deriveTitle } from './deriveTitle.js';
import { normaliseText } from './normalise.js';
import type { Paper } from './Paper.js';
import { textId } from './parseJsonlPaper.js';
import { noMetadata } from './recordFields.js';

/** One abstract per line, optionally prefixed `Abstract:` (the seeds' `abstracts.txt`). */
export function parseTextLine(line: string): Paper | string {
  const abstract = normaliseText(line.replace(/^\s*abstract\s*:\s*/iu, ''));
  return {
    id: abstract ? textId(abstract) : '',
    title: deriveTitle(abstract),
    titleDerived: true,
    abstract,
    ...noMetadata(),
  };
}
