import path from 'node:path';
import { FootnoteError } from '../../errors/index.js';
import { createHighlightsService } from '../../highlights/HighlightsService.js';
import type { HighlightPost, Publisher } from '../../highlights/types.js';
import { openStateDb } from '../../state/openStateDb.js';
import { UsageError, writeLine, type CliCommand } from '../CliCommand.js';
import { displayTitle } from './ask.js';

// The CLI only shows what would be posted: nothing may ever be sent from here.
const previewOnly: Publisher = {
  postHighlights: () => Promise.reject(new FootnoteError('internal', 'the CLI never posts')),
  sendDigest: () => Promise.reject(new FootnoteError('internal', 'the CLI never posts')),
};

function asText(post: HighlightPost): string[] {
  const lines = [`Highlights for ${post.date} (guild ${post.guildId}): ${post.entries.length} papers`, ''];
  post.entries.forEach((e, i) => {
    const title = e.titleDerived ? `(untitled) ${e.title}` : e.title;
    lines.push(`${i + 1}. ${title} — ${e.authors.slice(0, 3).join(', ')}${e.authors.length > 3 ? ' et al.' : ''}${e.year ? ` (${e.year})` : ''} [${e.reason}]`);
    if (e.url) lines.push(`   ${e.url}`);
    lines.push(`   ${e.summary}`, `   Key finding: "${e.quote}"`, '');
  });
  for (const t of post.topics) lines.push(`Topic "${t.topic}": ${t.papers.map((p) => p.title).join('; ')}`);
  return lines;
}

/** `footnote highlight`: the next daily post, made by the same selection, printed instead of posted. */
export const highlightCommand: CliCommand = {
  name: 'highlight',
  summary: 'Show what the daily highlights would post (same selection; nothing is posted)',
  usage: 'highlight [--date YYYY-MM-DD] [--guild ID] [--json]',
  options: { date: { type: 'string' }, guild: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx, values) {
    const date = values.date as string | undefined;
    if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))) throw new UsageError('--date must be a date like 2026-05-02');
    const app = await ctx.app();
    const state = openStateDb(path.join(ctx.config.dataDir, 'state.db'));
    try {
      const service = createHighlightsService({ ...app, state, publisher: previewOnly, logger: ctx.logger });
      const post = service.preview((values.guild as string | undefined) ?? service.defaultGuildId, date);
      if (values.json) {
        // The keys stay fixed; a derived label reads as untitled instead.
        const entries = post.entries.map((e) => ({ id: e.id, title: displayTitle(e), authors: e.authors, year: e.year, url: e.url, summary: e.summary, quote: e.quote }));
        writeLine(ctx.io.stdout, JSON.stringify({ date: post.date, guild: post.guildId, entries }, null, 2));
      } else {
        for (const line of asText(post)) writeLine(ctx.io.stdout, line);
      }
    } finally {
      state.close();
    }
  },
};
