import type { Paper } from '../corpus/Paper.js';
import { FootnoteError } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import type { RankedPaper, Retriever } from '../retrieval/types.js';
import type { Library } from '../store/Library.js';
import { abstain } from './abstention.js';
import { paperAnalysesFor, type PaperAnalyses } from './analyzePaper.js';
import { assessAnswerability, DEFAULT_THRESHOLDS, type AnswerabilityThresholds } from './answerability.js';
import type { Assistant, PaperSummary } from './Assistant.js';
import { corpusTermsFor, type CorpusTerms } from './CorpusTerms.js';
import { normalizeQuestion } from './normalizeQuestion.js';
import type { PaperSummarizer } from './PaperSummarizer.js';
import { foldHistoryCondenser, type QueryCondenser } from './QueryCondenser.js';
import { summarizePaper } from './summarizePaper.js';
import type { Answer, Answerer, AskOptions } from './types.js';

/** The Assistant's collaborators; `corpus`, `analyses` and `thresholds` default to shared per-library ones. */
export interface FootnoteAssistantDeps {
  library: Library;
  retriever: Retriever;
  answerer: Answerer;
  logger: Logger;
  /** Milliseconds, monotonic; injected so timings are testable. */
  clock?: () => number;
  corpus?: CorpusTerms;
  analyses?: PaperAnalyses;
  thresholds?: AnswerabilityThresholds;
  /** Turns a follow-up into a standalone retrieval query (default: history folding). */
  condenser?: QueryCondenser;
  /** Writes `summarizeAsync`'s summaries (an LLM); without it they are extractive. */
  summarizer?: PaperSummarizer;
}

const DEFAULT_K = 5;
/** Questions answered by listing the papers that match (rather than by reading them). */
const LISTS = new Set(['author', 'year', 'venue']);

/** The Assistant every edge calls: normalise → condense a follow-up → retrieve → answerability gate → answer. */
export class FootnoteAssistant implements Assistant {
  private readonly clock: () => number;
  private readonly corpus: CorpusTerms;
  private readonly analyses: PaperAnalyses;
  private readonly condenser: QueryCondenser;

  constructor(private readonly deps: FootnoteAssistantDeps) {
    this.clock = deps.clock ?? (() => performance.now());
    this.corpus = deps.corpus ?? corpusTermsFor(deps.library);
    this.analyses = deps.analyses ?? paperAnalysesFor(deps.library);
    this.condenser = deps.condenser ?? foldHistoryCondenser;
  }

  async ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const start = this.clock();
    if (this.deps.library.count() === 0) throw new FootnoteError('index:empty', 'no papers are indexed');
    const normalized = normalizeQuestion(question);
    if (!normalized.text && !normalized.onlyInstructions) throw new FootnoteError('input:empty', 'the question has no words');
    // Only retrieval and the gate see the condensed query; the answer is for the question asked.
    const query = normalized.text ? await this.condenser.condense(normalized.text, options.history, options.signal) : '';
    const k = options.k ?? DEFAULT_K;
    // One passage more than is answered from: a list of an author's or a year's papers can then say it goes on.
    const fetched = query ? await this.deps.retriever.retrieve(query, { k: k + 1, mode: options.mode }) : [];
    const passages = fetched.slice(0, k);
    const listGoesOn = fetched.length > k && LISTS.has(fetched[k]?.matchedBy ?? 'content');
    const retrieved = this.clock();
    const verdict = assessAnswerability(query, passages, { corpus: this.corpus, analyses: this.analyses }, this.deps.thresholds ?? DEFAULT_THRESHOLDS);
    // The gate may find the answer in the second or third paper: that paper then leads.
    const ranked = verdict.answerable && verdict.best > 0 ? [passages[verdict.best] as RankedPaper, ...passages.filter((_, i) => i !== verdict.best)] : passages;
    const draft = verdict.answerable
      ? await this.deps.answerer.answer(normalized.text, ranked, options)
      : abstain(passages, { related: verdict.coverage > 0 });
    if (listGoesOn && !draft.abstained && draft.citations.length >= k) draft.text += `\n\nMore indexed papers match than the ${k} listed; add a topic or a year to narrow the list.`;
    const end = this.clock();
    const timings = { retrieveMs: retrieved - start, answerMs: end - retrieved, totalMs: end - start };
    this.deps.logger.info(
      { ms: Math.round(timings.totalMs), abstained: draft.abstained, reason: verdict.reason, paperIds: draft.citations.map((c) => c.id), answeredBy: draft.answeredBy },
      'answered',
    );
    return { question, ...draft, passages: ranked, timings };
  }

  async search(query: string, options: { k?: number } = {}): Promise<RankedPaper[]> {
    const text = normalizeQuestion(query).text;
    if (!text) throw new FootnoteError('input:empty', 'the query has no words');
    return this.deps.retriever.retrieve(text, { k: options.k ?? DEFAULT_K });
  }

  suggestPapers(query: string, limit = 10): Paper[] {
    return query.trim() ? this.deps.library.suggest(query.trim(), limit) : this.deps.library.list(0, limit);
  }

  getPaper(id: string): Paper | undefined {
    return this.deps.library.get(id);
  }

  async similar(id: string, k = DEFAULT_K): Promise<RankedPaper[]> {
    if (!this.deps.library.get(id)) throw new FootnoteError('not_found:paper', `No indexed paper has the id ${id}.`);
    const hits = await this.deps.library.similarTo(id, k);
    const papers = new Map(this.deps.library.getMany(hits.map((h) => h.id)).map((p) => [p.id, p]));
    return hits.flatMap((h) => {
      const paper = papers.get(h.id);
      return paper ? [{ paper, score: h.similarity, similarity: h.similarity, matchedBy: 'content' as const }] : [];
    });
  }

  listPapers(offset: number, limit: number): { total: number; papers: Paper[] } {
    return { total: this.deps.library.count(), papers: this.deps.library.list(offset, limit) };
  }

  prepare(): void {
    this.corpus.warm();
  }

  summarize(paper: Paper): PaperSummary {
    return summarizePaper(paper, this.analyses);
  }

  async summarizeAsync(paper: Paper, signal?: AbortSignal): Promise<PaperSummary> {
    const extractive = { ...this.summarize(paper), summarizedBy: 'extractive' };
    return this.deps.summarizer ? this.deps.summarizer.summarize(paper, extractive, signal) : extractive;
  }

  stats(): { papers: number } {
    return { papers: this.deps.library.count() };
  }
}
