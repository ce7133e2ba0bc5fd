import type { Answer, Citation, Suggestion } from '../../answer/types.js';
import { intOption, UsageError, writeLine, type CliCommand } from '../CliCommand.js';

/** A derived label is never shown as a real title: not on a terminal, not in JSON. */
export function displayTitle(item: Pick<Citation | Suggestion, 'title' | 'titleDerived'>): string {
  return item.titleDerived ? `Untitled abstract ("${item.title}")` : item.title;
}

/** `[n] Title — Authors (Year) URL`, the line format shared by `ask` and `chat`. */
export function sourceLine(c: Citation): string {
  const authors = c.authors.length > 3 ? `${c.authors.slice(0, 3).join(', ')} et al.` : c.authors.join(', ');
  const year = c.year ? ` (${c.year})` : '';
  return `[${c.n}] ${displayTitle(c)} — ${authors || 'unknown authors'}${year}${c.url ? ` ${c.url}` : ''}`;
}

/** The answer as a terminal shows it: text, then sources, or the abstention and its suggestions. */
export function formatAnswer(answer: Answer): string {
  const lines = [answer.text];
  if (answer.citations.length) lines.push('', 'Sources:', ...answer.citations.map(sourceLine));
  if (answer.abstained && answer.suggestions.length) {
    lines.push('', 'Closest papers (suggestions, not sources):');
    lines.push(...answer.suggestions.map((s) => `  - ${displayTitle(s)}${s.year ? ` (${s.year})` : ''}${s.url ? ` ${s.url}` : ''}`));
  }
  if (!answer.abstained) lines.push('', `(answered by: ${answer.answeredBy})`);
  return lines.join('\n');
}

const ms = (n: number) => Math.round(n * 10) / 10;

/** The `ask --json` contract: exactly these keys. */
export function answerJson(answer: Answer) {
  return {
    question: answer.question,
    answer: answer.text,
    abstained: answer.abstained,
    citations: answer.citations.map((c) => ({ n: c.n, id: c.id, title: displayTitle(c), authors: c.authors, year: c.year, url: c.url, quote: c.quote })),
    timings_ms: { retrieve: ms(answer.timings.retrieveMs), answer: ms(answer.timings.answerMs), total: ms(answer.timings.totalMs) },
  };
}

/** `footnote ask "question" [--k N] [--json]`. */
export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'Answer a question from the indexed abstracts, with numbered citations',
  usage: 'ask "question" [--k N] [--json]',
  options: { k: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx, values, positionals) {
    const question = positionals.join(' ');
    if (!question.trim()) throw new UsageError('give a question, e.g. footnote ask "what is Fast Forward?"');
    const k = intOption(values, 'k', 5, 1, 50);
    const { assistant } = await ctx.app();
    const answer = await assistant.ask(question, { k });
    writeLine(ctx.io.stdout, values.json ? JSON.stringify(answerJson(answer)) : formatAnswer(answer));
  },
};
