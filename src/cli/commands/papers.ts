import type { StoredPaper } from '../../corpus/Paper.js';
import { intOption, writeLine, type CliCommand } from '../CliCommand.js';

const TABLE_LIMIT = 1000;

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text.padEnd(width);
}

/** One row per paper: id, year, title, first author, fitted to the terminal width. */
export function papersTable(papers: readonly StoredPaper[], columns = 120): string[] {
  const idWidth = Math.min(28, Math.max(2, ...papers.map((p) => p.id.length)));
  const authorWidth = 22;
  const titleWidth = Math.max(20, columns - idWidth - authorWidth - 4 - 6);
  const row = (id: string, year: string, title: string, author: string) =>
    `${cell(id, idWidth)}  ${cell(year, 4)}  ${cell(title, titleWidth)}  ${cell(author, authorWidth)}`.trimEnd();
  return [
    row('id', 'year', 'title', 'first author'),
    ...papers.map((p) => row(p.id, p.year ? String(p.year) : '', p.titleDerived ? `(untitled) ${p.title}` : p.title, p.authors[0] ?? '')),
  ];
}

function forJson(p: StoredPaper) {
  return { id: p.id, title: p.title, titleDerived: p.titleDerived, authors: p.authors, year: p.year, venue: p.venue, url: p.url, categories: p.categories, published: p.published, addedAt: p.addedAt };
}

/** `footnote papers [--json] [--limit N]`: the indexed papers, newest first. */
export const papersCommand: CliCommand = {
  name: 'papers',
  summary: 'List the indexed papers (newest first): id, year, title, first author',
  usage: 'papers [--json] [--limit N]',
  options: { json: { type: 'boolean' }, limit: { type: 'string' } },
  async run(ctx, values) {
    const { library } = await ctx.app();
    const total = library.count();
    const limit = intOption(values, 'limit', values.json ? total || 1 : TABLE_LIMIT, 1, Number.MAX_SAFE_INTEGER);
    const papers = library.list(0, limit);
    if (values.json) {
      writeLine(ctx.io.stdout, JSON.stringify(papers.map(forJson), null, 2));
      return;
    }
    for (const line of papersTable(papers, ctx.io.stdout.columns)) writeLine(ctx.io.stdout, line);
    const more = total - papers.length;
    writeLine(ctx.io.stdout, more > 0 ? `${total} papers; ${more} more not shown (use --limit or --json)` : `${total} papers`);
  },
};
