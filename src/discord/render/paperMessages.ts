import { ButtonStyle, ComponentType, type APIEmbed } from 'discord.js';
import type { PaperSummary } from '../../answer/Assistant.js';
import type { Paper } from '../../corpus/Paper.js';
import type { RankedPaper } from '../../retrieval/types.js';
import { authorsLabel, paperLink } from './answerMessages.js';
import { escapeUserText } from './escapeUserText.js';
import { LIMITS, truncate } from './limits.js';
import { COLOURS, fieldsToEmbeds, linesToFields, packEmbeds, type OutgoingMessage } from './messages.js';
import { splitText } from './splitText.js';

/** Custom id prefix of the /papers page buttons: `papers:<offset>`. */
export const PAPERS_PAGE_BUTTON = 'papers';

function titleOf(paper: Pick<Paper, 'title' | 'titleDerived'>): string {
  return paper.titleDerived ? `Untitled abstract: “${paper.title}”` : paper.title;
}

/** Who wrote "In short": named when a model did, so readers know which summaries are generated. */
function summaryCredit(summary: PaperSummary): string {
  return summary.summarizedBy && summary.summarizedBy !== 'extractive' ? `Summary by ${summary.summarizedBy}, checked against the abstract. ` : '';
}

/** A paper card: title, authors, year, venue, link, the abstract and a short grounded summary. */
export function renderPaperCard(paper: Paper, summary: PaperSummary): OutgoingMessage[] {
  const abstract = splitText(escapeUserText(paper.abstract), LIMITS.embedDescription);
  const embed: APIEmbed = {
    title: truncate(escapeUserText(titleOf(paper)), LIMITS.embedTitle),
    url: paper.url ?? undefined,
    description: abstract[0],
    color: COLOURS.paper,
    fields: [
      { name: 'Authors', value: truncate(authorsLabel(paper.authors), LIMITS.fieldValue), inline: false },
      { name: 'Year', value: String(paper.year ?? 'n.d.'), inline: true },
      { name: 'Venue', value: truncate(escapeUserText(paper.venue ?? '—'), LIMITS.fieldValue), inline: true },
      { name: 'Id', value: `\`${paper.id}\``, inline: true },
      ...linesToFields('In short', [escapeUserText(summary.text)]),
    ],
    footer: { text: `${summaryCredit(summary)}Ask about it with /ask, or mention me.` },
  };
  return packEmbeds([embed, ...abstract.slice(1).map((description) => ({ description, color: COLOURS.paper }))]);
}

/** Ranked papers with their scores and links (/search and /similar). */
export function renderRankedPapers(heading: string, ranked: RankedPaper[]): OutgoingMessage[] {
  if (ranked.length === 0) return packEmbeds([{ title: truncate(heading, LIMITS.embedTitle), description: 'No matching papers.', color: COLOURS.abstain }]);
  const lines = ranked.map((r, i) => `**${i + 1}.** ${paperLink(titleOf(r.paper), r.paper.url)} — ${authorsLabel(r.paper.authors)} (${r.paper.year ?? 'n.d.'}) · score ${r.score.toFixed(3)}${r.similarity !== undefined ? ` · similarity ${r.similarity.toFixed(3)}` : ''}`);
  const embeds = fieldsToEmbeds(linesToFields('Papers', lines), COLOURS.paper);
  embeds[0] = { ...embeds[0], title: truncate(heading, LIMITS.embedTitle) };
  return packEmbeds(embeds);
}

/** /similar: the heading names the paper as the cards do, never a derived label as its title. */
export function renderSimilarPapers(paper: Pick<Paper, 'title' | 'titleDerived'>, ranked: RankedPaper[]): OutgoingMessage[] {
  return renderRankedPapers(`Papers similar to ${escapeUserText(titleOf(paper))}`, ranked);
}

/** One page of the corpus with previous/next buttons. */
export function renderPapersPage(page: { total: number; papers: Paper[] }, offset: number, pageSize: number): OutgoingMessage {
  const lines = page.papers.map((p, i) => `**${offset + i + 1}.** ${paperLink(titleOf(p), p.url)} (${p.year ?? 'n.d.'}) \`${p.id}\``);
  const last = Math.min(offset + pageSize, page.total);
  const description = lines.length > 0 ? splitText(lines.join('\n'), LIMITS.embedDescription)[0] : 'No papers are indexed yet.';
  const [message] = packEmbeds([{ title: `Indexed papers ${page.total === 0 ? 0 : offset + 1}–${last} of ${page.total}`, description, color: COLOURS.paper }]);
  const button = (label: string, to: number, disabled: boolean) =>
    ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: `${PAPERS_PAGE_BUTTON}:${to}:${label}`, disabled }) as const;
  (message as OutgoingMessage).components = [{
    type: ComponentType.ActionRow,
    components: [button('Previous', Math.max(0, offset - pageSize), offset === 0), button('Next', offset + pageSize, last >= page.total)],
  }];
  return message as OutgoingMessage;
}
