import type { RankedPaper } from '../retrieval/types.js';
import { abstain } from './abstention.js';
import { PaperAnalyses, paperAnalysesFor } from './analyzePaper.js';
import { assessAnswerability, DEFAULT_THRESHOLDS, type AnswerabilityThresholds } from './answerability.js';
import { composeAnswer } from './composeAnswer.js';
import { corpusTermsFor, type CorpusTerms } from './CorpusTerms.js';
import { foldHistory } from './foldHistory.js';
import { metadataAnswer } from './metadataAnswer.js';
import { paperFactsAsked, withPaperFacts } from './paperFacts.js';
import type { Answerer, AnswerDraft, AskOptions } from './types.js';

/** What the extractive answerer needs: corpus statistics, and optionally a shared analysis cache and gate thresholds. */
export interface ExtractiveAnswererDeps {
  corpus: CorpusTerms;
  analyses?: PaperAnalyses;
  thresholds?: AnswerabilityThresholds;
}

/**
 * The default answerer, and the LLM answerer's fallback: it answers only with sentences of the
 * retrieved abstracts, attributed and cited, and abstains when the papers do not cover the question.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly name = 'extractive';
  readonly analyses: PaperAnalyses;

  constructor(private readonly deps: ExtractiveAnswererDeps) {
    this.analyses = deps.analyses ?? new PaperAnalyses();
  }

  async answer(question: string, passages: RankedPaper[], options: AskOptions = {}): Promise<AnswerDraft> {
    const query = foldHistory(question, options.history);
    const verdict = assessAnswerability(query, passages, { corpus: this.deps.corpus, analyses: this.analyses }, this.deps.thresholds ?? DEFAULT_THRESHOLDS);
    if (!verdict.answerable) return abstain(passages, { related: verdict.coverage > 0 });
    const composed =
      verdict.kind === 'metadata'
        ? metadataAnswer(passages, this.analyses)
        : composeAnswer(query, verdict.profile, passages, verdict.best, this.analyses, (options.history ?? []).map((t) => t.answer));
    // "Who wrote the chess paper?": the abstract never says; the catalog does. A metadata answer already names authors and year.
    const facts = paperFactsAsked(question).filter((f) => verdict.kind === 'content' || f === 'venue');
    const lead = passages[verdict.kind === 'content' ? verdict.best : 0]?.paper;
    const { text, citations } = lead ? withPaperFacts(composed, lead, facts) : composed;
    if (citations.length === 0) return abstain(passages, { related: true });
    return { text, citations, abstained: false, suggestions: [], answeredBy: this.name };
  }
}

/** The extractive answerer over a library's corpus statistics (shared with the Assistant's gate). */
export function createExtractiveAnswerer(library: Parameters<typeof corpusTermsFor>[0], corpus = corpusTermsFor(library)): ExtractiveAnswerer {
  return new ExtractiveAnswerer({ corpus, analyses: paperAnalysesFor(library) });
}
