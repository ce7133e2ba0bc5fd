import fs from 'node:fs';
import readline from 'node:readline';
import { createRetriever } from '../../retrieval/createRetriever.js';
import type { RankedPaper, Retriever } from '../../retrieval/types.js';
import { intOption, UsageError, writeLine, type CliCommand, type CliContext } from '../CliCommand.js';
import { displayTitle } from './ask.js';
import { modeOption } from './eval.js';

const round = (n: number | undefined) => (n === undefined ? null : Math.round(n * 10_000) / 10_000);

function resultJson(r: RankedPaper, i: number) {
  const { paper } = r;
  return {
    rank: i + 1, id: paper.id, score: round(r.score), lexical_score: round(r.lexicalScore), similarity: round(r.similarity),
    matched_by: r.matchedBy ?? 'content', year: paper.year, title: displayTitle(paper), title_derived: paper.titleDerived, url: paper.url,
  };
}

/** rank, score, id, year, title: one line each, clipped to the terminal. */
function table(results: RankedPaper[], width: number): string {
  if (results.length === 0) return 'No papers match.';
  const idWidth = Math.max(2, ...results.map((r) => r.paper.id.length));
  const head = `${'#'.padStart(3)}  ${'score'.padEnd(6)}${'id'.padEnd(idWidth + 2)}${'year'.padEnd(6)}title`;
  const rows = results.map((r, i) => {
    const line = `${String(i + 1).padStart(3)}  ${r.score.toFixed(3).padEnd(6)}${r.paper.id.padEnd(idWidth + 2)}${String(r.paper.year ?? '—').padEnd(6)}${r.paper.titleDerived ? '(untitled) ' : ''}${r.paper.title}`;
    return line.length > width ? `${line.slice(0, width - 1)}…` : line;
  });
  return [head, ...rows].join('\n');
}

/** BEIR queries (`{"_id", "text"}` per line) → one `{"query_id", "results": [{id, score}]}` line each, for standard IR scorers. */
async function runQueries(ctx: CliContext, retriever: Retriever, file: string, k: number, mode: ReturnType<typeof modeOption>): Promise<void> {
  if (!fs.existsSync(file)) throw new UsageError(`--queries: no such file ${file}`);
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (!line.trim()) continue;
    let query: { _id?: unknown; text?: unknown };
    try {
      query = JSON.parse(line) as typeof query;
    } catch {
      throw new UsageError(`${file}:${n}: invalid JSON`);
    }
    if (typeof query.text !== 'string') throw new UsageError(`${file}:${n}: "text" must be a string`);
    const results = await retriever.retrieve(query.text, { k, mode });
    writeLine(ctx.io.stdout, JSON.stringify({ query_id: String(query._id ?? n), results: results.map((r) => ({ id: r.paper.id, score: round(r.score) })) }));
  }
}

/** `footnote search "query" [--k N] [--json] [--mode …]`, or `--json --queries FILE` for a BEIR query file. */
export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Rank the indexed papers for a query (no answer): a table, JSON, or BEIR run lines',
  usage: 'search "query" [--k N] [--json] [--mode hybrid|lexical|dense] | search --json --queries FILE [--k N]',
  options: { k: { type: 'string' }, json: { type: 'boolean' }, mode: { type: 'string' }, queries: { type: 'string' } },
  async run(ctx, values, positionals) {
    const mode = modeOption(values);
    const query = positionals.join(' ');
    const file = typeof values.queries === 'string' ? values.queries : undefined;
    if (!file && !query.trim()) throw new UsageError('give a query, e.g. footnote search "low-rank training"');
    const k = intOption(values, 'k', file ? 100 : 10, 1, 1000);
    const { library } = await ctx.app();
    const retriever = createRetriever(library);
    if (file) {
      // A run over many queries is scored as a whole: every query gets the same (in-memory) BM25.
      await library.warm?.();
      return runQueries(ctx, retriever, file, k, mode);
    }
    const results = await retriever.retrieve(query, { k, mode });
    const out = values.json ? JSON.stringify(results.map(resultJson)) : table(results, ctx.io.stdout.columns ?? 120);
    writeLine(ctx.io.stdout, out);
  },
};
