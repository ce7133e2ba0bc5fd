import { UsageError, writeLine, type CliCommand } from '../CliCommand.js';
import { startProgress } from '../progressReporter.js';

/** `footnote index rebuild`: re-embeds every paper with the configured embedder and swaps the index in atomically. */
export const indexCommand: CliCommand = {
  name: 'index',
  summary: 'Maintain the vector index: `index rebuild` re-embeds every paper (after changing EMBEDDINGS)',
  usage: 'index rebuild',
  options: {},
  async run(ctx, _values, positionals) {
    if (positionals[0] !== 'rebuild' || positionals.length !== 1) throw new UsageError('the only index action is `rebuild`');
    const { library } = await ctx.app();
    const total = library.count();
    const progress = startProgress(ctx.io.stderr, 'rebuild', total);
    const started = Date.now();
    try {
      await library.rebuild({ onProgress: (done) => progress.update(done, done) });
    } finally {
      progress.stop();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    writeLine(ctx.io.stdout, `rebuilt the index: ${total} papers embedded with ${library.embedder.name} in ${seconds} s`);
  },
};
