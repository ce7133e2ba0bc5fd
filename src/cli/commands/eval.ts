import { formatEval, loadQuestions, runEval } from '../../eval/index.js';
import type { RetrievalMode } from '../../retrieval/types.js';
import { intOption, UsageError, writeLine, type CliCommand, type CliValues } from '../CliCommand.js';

const MODES: readonly RetrievalMode[] = ['hybrid', 'lexical', 'dense'];

/** `--mode hybrid|lexical|dense`, checked. */
export function modeOption(values: CliValues): RetrievalMode | undefined {
  const mode = values.mode;
  if (mode === undefined) return undefined;
  if (typeof mode !== 'string' || !MODES.includes(mode as RetrievalMode)) throw new UsageError(`--mode must be one of ${MODES.join(', ')}`);
  return mode as RetrievalMode;
}

/** `footnote eval FILE [--json] [--mode hybrid|lexical|dense] [--k N]`: the issue-2 figures for a question set. */
export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Score the answers on a question set (JSON Lines: {"question", "expected": [ids]})',
  usage: 'eval FILE [--json] [--mode hybrid|lexical|dense] [--k N]',
  options: { json: { type: 'boolean' }, mode: { type: 'string' }, k: { type: 'string' } },
  async run(ctx, values, positionals) {
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError('give one question file, e.g. footnote eval test/fixtures/questions.jsonl');
    const mode = modeOption(values);
    const k = values.k === undefined ? undefined : intOption(values, 'k', 5, 1, 50);
    const questions = loadQuestions(file);
    const { assistant } = await ctx.app();
    const showProgress = !values.json && ctx.io.stderr.isTTY;
    const report = await runEval(assistant, questions, {
      k,
      mode,
      onProgress: showProgress ? (done, total) => ctx.io.stderr.write(`\r${done}/${total}`) : undefined,
    });
    if (showProgress) ctx.io.stderr.write('\r');
    const heading = `Eval of ${file} (retrieval: ${mode ?? 'hybrid'})`;
    writeLine(ctx.io.stdout, values.json ? JSON.stringify(report) : formatEval(report, heading));
  },
};
