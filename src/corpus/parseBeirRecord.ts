import { deriveTitle } from './deriveTitle.js';
import type { Paper } from './Paper.js';
import { noMetadata, parseJsonObject, textField } from './recordFields.js';

/** A BEIR corpus line `{_id, title, text}`; the `_id` is kept exactly so standard scorers match it. */
export function parseBeirRecord(line: string): Paper | string {
  const record = parseJsonObject(line);
  if (typeof record === 'string') return record;
  const rawId = record._id;
  const id = typeof rawId === 'string' ? rawId : typeof rawId === 'number' ? String(rawId) : '';
  if (!id) return 'missing _id';
  const abstract = textField(record, 'text');
  const title = textField(record, 'title');
  return {
    id,
    title: title || deriveTitle(abstract),
    titleDerived: !title,
    abstract,
    ...noMetadata(),
  };
}
