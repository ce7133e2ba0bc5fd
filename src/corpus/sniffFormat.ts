import { FootnoteError } from '../errors/index.js';
import { parseJsonObject, type JsonRecord } from './recordFields.js';

export const FORMATS = ['auto', 'text', 'jsonl', 'arxiv', 'beir'] as const;
export type InputFormat = (typeof FORMATS)[number];
export type ConcreteFormat = Exclude<InputFormat, 'auto'>;

const ARXIV_KEYS = ['summary', 'first_seen_file', 'authors_parsed', 'update_date', 'versions', 'submitter'];

function formatOfRecord(record: JsonRecord): ConcreteFormat {
  if ('_id' in record) return 'beir';
  if (ARXIV_KEYS.some((key) => key in record) || typeof record.authors === 'string') return 'arxiv';
  return 'jsonl';
}

/**
 * Guesses the format from the first non-empty lines: JSON objects are told apart by their keys
 * (`_id` → BEIR; arXiv's `summary`, `versions`, … → arXiv; otherwise the papers.jsonl shape), and
 * anything else is one abstract per line.
 */
export function sniffFormat(headLines: readonly string[], file = 'input'): ConcreteFormat {
  const lines = headLines.map((l) => l.trim()).filter(Boolean).slice(0, 5);
  if (lines.length === 0) return 'text';
  // Read as text, a JSON array would index its brackets and keys as abstracts.
  if (lines[0]!.startsWith('[')) throw new FootnoteError('ingest:bad_format', `${file}: looks like a JSON array; write one JSON object per line (JSON Lines), or pass --format`, { file });
  if (!lines[0]!.startsWith('{')) return 'text';
  for (const line of lines) {
    const record = parseJsonObject(line);
    if (typeof record !== 'string') return formatOfRecord(record);
  }
  return 'jsonl';
}

export function parseFormat(value: string | undefined): InputFormat {
  const format = (value ?? 'auto').toLowerCase();
  if ((FORMATS as readonly string[]).includes(format)) return format as InputFormat;
  throw new FootnoteError('ingest:bad_format', `unknown format "${value}" (use one of ${FORMATS.join(', ')})`);
}
