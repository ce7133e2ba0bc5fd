import { FootnoteError } from '../errors/index.js';
import { openTextFile } from './openTextFile.js';
import type { Paper, RejectedLine } from './Paper.js';
import { parseArxivRecord } from './parseArxivRecord.js';
import { parseBeirRecord } from './parseBeirRecord.js';
import { parseJsonlPaper } from './parseJsonlPaper.js';
import { parseTextLine } from './parseTextLine.js';
import { sniffFormat, type ConcreteFormat, type InputFormat } from './sniffFormat.js';
import { rejectionReason } from './validatePaper.js';

const PARSERS: Record<ConcreteFormat, (line: string) => Paper | string> = {
  text: parseTextLine,
  jsonl: parseJsonlPaper,
  arxiv: parseArxivRecord,
  beir: parseBeirRecord,
};

/** A file being read: its format and a stream of papers and rejected lines. */
export interface PaperSource {
  file: string;
  format: ConcreteFormat;
  /** Bytes on disk, for progress (compressed bytes for `.gz`). */
  size: number;
  /** Bytes read from disk so far. */
  bytesRead(): number;
  /**
   * Every record in file order, never the whole file in memory. Ends by throwing
   * `ingest:no_valid_records` when not one line was usable (after yielding the rejected lines).
   */
  records: AsyncIterable<Paper | RejectedLine>;
}

async function* readRecords(source: { file: string; format: ConcreteFormat }, lines: AsyncIterable<{ text: string; line: number }>): AsyncGenerator<Paper | RejectedLine> {
  const parse = PARSERS[source.format];
  let valid = 0;
  for await (const { text, line } of lines) {
    if (!text.trim()) continue;
    const parsed = parse(text);
    const reason = typeof parsed === 'string' ? parsed : rejectionReason(parsed);
    if (reason !== null || typeof parsed === 'string') {
      yield { file: source.file, line, reason: reason ?? 'unreadable record' };
      continue;
    }
    valid += 1;
    yield parsed;
  }
  if (valid === 0) {
    throw new FootnoteError('ingest:no_valid_records', `${source.file}: no valid ${source.format} record found`, { file: source.file });
  }
}

/**
 * Opens a corpus file for streaming ingest. Throws `ingest:file_missing` or `ingest:binary`
 * before yielding anything; `auto` sniffs the format from the first lines.
 */
export async function openPaperSource(file: string, format: InputFormat = 'auto'): Promise<PaperSource> {
  const text = await openTextFile(file);
  const concrete = format === 'auto' ? sniffFormat(text.headLines, file) : format;
  let bytes = 0;
  return {
    file,
    format: concrete,
    size: text.size,
    bytesRead: () => bytes,
    records: readRecords({ file, format: concrete }, text.lines((n) => (bytes += n))),
  };
}

/** Convenience: the records of one file (see `openPaperSource`). */
export async function* loadPapers(file: string, format: InputFormat = 'auto'): AsyncGenerator<Paper | RejectedLine> {
  yield* (await openPaperSource(file, format)).records;
}
