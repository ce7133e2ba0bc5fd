import { PAPERS_PAGE_SIZE } from '../commands/papers.js';
import { PAPERS_PAGE_BUTTON, renderPapersPage } from '../render/paperMessages.js';
import { editWithMessages } from '../send.js';
import type { ButtonHandler } from './ButtonHandler.js';

/** Previous / Next under /papers: the same message shows another page. */
export const papersPageButton: ButtonHandler = {
  prefix: PAPERS_PAGE_BUTTON,
  ack: 'update',
  async execute(interaction, [rawOffset], ctx) {
    const assistant = await ctx.assistant();
    const total = assistant.stats().papers;
    // A stale button (papers removed since) lands on the last page that exists.
    const lastPage = Math.max(0, Math.floor((total - 1) / PAPERS_PAGE_SIZE) * PAPERS_PAGE_SIZE);
    const offset = Math.min(Math.max(0, Number(rawOffset) || 0), lastPage);
    await editWithMessages(interaction, [renderPapersPage(assistant.listPapers(offset, PAPERS_PAGE_SIZE), offset, PAPERS_PAGE_SIZE)]);
  },
};
