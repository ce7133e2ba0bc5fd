import { openPaperSource } from '../../corpus/loadPapers.js';
import { parseFormat } from '../../corpus/sniffFormat.js';
import { formatRejectedLine } from '../../corpus/validatePaper.js';
import { isFootnoteError } from '../../errors/index.js';
import type { IngestReport, Library } from '../../store/Library.js';
import { UsageError, writeLine, type CliCommand, type CliIO } from '../CliCommand.js';
import { startProgress } from '../progressReporter.js';

type Totals = Omit<IngestReport, 'rejected'> & { rejected: number };

export function summaryLine(t: Totals): string {
  return `added ${t.added} · updated ${t.updated} · unchanged ${t.unchanged} · duplicates ${t.duplicates} · rejected ${t.rejected}`;
}

async function ingestFile(library: Library, io: CliIO, file: string, format: ReturnType<typeof parseFormat>, signal: AbortSignal, totals: Totals): Promise<IngestReport> {
  const source = await openPaperSource(file, format);
  const progress = startProgress(io.stderr, file, source.size);
  // A line written under a live progress bar would be overdrawn: on a terminal they wait for its end.
  const held: string[] = [];
  const report = (line: string) => (io.stderr.isTTY ? held.push(line) : writeLine(io.stderr, line));
  try {
    return await library.ingest(source.records, {
      signal,
      onProgress: (records) => progress.update(source.bytesRead(), records),
      // Counted as met, so a file that ends in an error still adds its rejected lines to the summary.
      onRejected: (rejected) => {
        totals.rejected += 1;
        report(formatRejectedLine(rejected));
      },
    });
  } finally {
    progress.stop();
    for (const line of held) writeLine(io.stderr, line);
  }
}

/**
 * `footnote ingest FILE…`: every file is tried even when an earlier one is missing or unreadable;
 * such files make the exit code 1. Ctrl-C stops after the current batch and keeps what was committed.
 */
export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: 'Add papers from files: plain abstracts, JSON Lines, arXiv metadata or a BEIR corpus (.gz too)',
  usage: 'ingest FILE… [--format auto|text|jsonl|arxiv|beir]',
  options: { format: { type: 'string' } },
  async run(ctx, values, positionals) {
    if (positionals.length === 0) throw new UsageError('name at least one file to ingest');
    const format = parseFormat(values.format as string | undefined);
    const { library, assistant } = await ctx.app();
    const totals: Totals = { added: 0, updated: 0, unchanged: 0, duplicates: 0, rejected: 0 };
    const controller = new AbortController();
    const onInterrupt = () => controller.abort();
    process.once('SIGINT', onInterrupt);
    let failed = false;
    try {
      for (const file of positionals) {
        if (controller.signal.aborted) break;
        try {
          const report = await ingestFile(library, ctx.io, file, format, controller.signal, totals);
          for (const key of ['added', 'updated', 'unchanged', 'duplicates'] as const) totals[key] += report[key];
        } catch (error) {
          if (!isFootnoteError(error) || !error.code.startsWith('ingest:')) throw error;
          writeLine(ctx.io.stderr, `footnote ingest: ${error.message}`);
          failed = true;
        }
      }
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
    // The answerer's corpus statistics are saved now, not at the next start (~0.5 s off the bot's first answer at 75k papers).
    if (totals.added + totals.updated > 0 && !controller.signal.aborted) assistant.prepare?.();
    writeLine(ctx.io.stdout, summaryLine(totals));
    if (controller.signal.aborted) writeLine(ctx.io.stderr, 'footnote ingest: interrupted; what was committed is kept. Run the same command again to finish.');
    return failed || controller.signal.aborted ? 1 : 0;
  },
};
