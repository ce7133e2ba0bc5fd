import { createInterface } from 'node:readline';
import type { Turn } from '../../answer/types.js';
import { isFootnoteError, userMessage } from '../../errors/index.js';
import { writeLine, type CliCommand, type CliContext } from '../CliCommand.js';
import { formatAnswer } from './ask.js';

/** Turns kept for follow-up questions: enough for "and how much did it save?", no more. */
const HISTORY_TURNS = 4;
const EXIT = /^\/(?:exit|quit)$/i;

/**
 * An interactive chat over the Assistant. On a terminal it prompts and keeps the conversation
 * for follow-ups until `/exit`; otherwise it answers each line of standard input and returns at
 * the end of input, so `echo "what is Fast Forward?" | npm start` works in scripts.
 */
export async function runChat(ctx: CliContext): Promise<number> {
  const { assistant } = await ctx.app();
  const { stdin, stdout } = ctx.io;
  const interactive = Boolean(stdin.isTTY && stdout.isTTY);
  const rl = createInterface({ input: stdin, output: interactive ? stdout : undefined, terminal: interactive });
  const history: Turn[] = [];
  if (interactive) {
    writeLine(stdout, `Footnote: ask about the ${assistant.stats().papers} indexed papers. Type /exit to leave.`);
    rl.setPrompt('you> ');
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (EXIT.test(line)) break;
    if (line) {
      try {
        const answer = await assistant.ask(line, { history });
        writeLine(stdout, `${formatAnswer(answer)}\n`);
        history.push({ question: line, answer: answer.text });
        if (history.length > HISTORY_TURNS) history.shift();
      } catch (error) {
        // One bad line must not end the conversation; the log keeps the detail.
        if (!isFootnoteError(error)) ctx.logger.error({ err: error }, 'chat answer failed');
        writeLine(stdout, `${userMessage(error)}\n`);
      }
    }
    if (interactive) rl.prompt();
  }
  rl.close();
  return 0;
}

/** `footnote chat`. */
export const chatCommand: CliCommand = {
  name: 'chat',
  summary: 'Chat with the assistant in the terminal (reads standard input when it is not a terminal)',
  usage: 'chat',
  options: {},
  run: (ctx) => runChat(ctx),
};
