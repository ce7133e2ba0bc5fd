import type { StoredPaper } from '../../corpus/Paper.js';
import type { Library } from '../../store/Library.js';

/** A paper that matches a topic, with the sentence that shows why. */
export interface TopicMatch {
  paperId: string;
  /** Cosine similarity of the topic and the paper. */
  score: number;
  sentence: string;
}

export interface TopicMatcher {
  match(topic: string, candidates: readonly StoredPaper[]): Promise<TopicMatch[]>;
}

export interface TopicMatcherOptions {
  /** Cosine floor; see `bench/topicThreshold.ts` for how the default was chosen. */
  minSimilarity: number;
  /** A match must also rank in this top share of the whole corpus for the topic. */
  topShare: number;
}

export const DEFAULT_TOPIC_MATCHING: TopicMatcherOptions = { minSimilarity: 0.25, topShare: 0.02 };

const STOP = new Set('the and for with from that this into over under about using based via their our are was were its new study paper'.split(' '));

/** Topic words as short stems, so "interpretability" meets "interpretable" and "interpretation". */
export function topicStems(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 3 && !STOP.has(w)).map((w) => w.slice(0, 6)))];
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z(\d])/).map((s) => s.trim()).filter(Boolean);
}

/** The sentence of title + abstract sharing the most topic stems (ties: the earlier one). */
export function matchingSentence(paper: Pick<StoredPaper, 'title' | 'abstract'>, stems: readonly string[]): { sentence: string; overlap: number } {
  let best = { sentence: '', overlap: 0 };
  for (const sentence of [...splitSentences(paper.abstract), paper.title]) {
    const have = new Set(topicStems(sentence));
    const overlap = stems.filter((s) => have.has(s)).length;
    if (overlap > best.overlap) best = { sentence, overlap };
  }
  return best;
}

/**
 * Matches new papers to a topic: the paper must be among the topic's nearest papers in the whole
 * corpus (a relative bar that adapts to the embedder), clear an absolute similarity floor, and
 * share at least one word stem with it, which also yields the sentence shown to the subscriber.
 */
export function createTopicMatcher(
  library: Pick<Library, 'count' | 'denseSearch'>,
  options: TopicMatcherOptions = DEFAULT_TOPIC_MATCHING,
): TopicMatcher {
  return {
    async match(topic, candidates) {
      if (candidates.length === 0) return [];
      const stems = topicStems(topic);
      if (stems.length === 0) return [];
      const k = Math.min(1000, Math.max(20, Math.ceil(library.count() * options.topShare)));
      const near = new Map((await library.denseSearch(topic, k)).map((h) => [h.id, h.similarity]));
      const matches: TopicMatch[] = [];
      for (const paper of candidates) {
        const score = near.get(paper.id);
        if (score === undefined || score < options.minSimilarity) continue;
        const { sentence, overlap } = matchingSentence(paper, stems);
        if (overlap > 0) matches.push({ paperId: paper.id, score, sentence });
      }
      return matches.sort((a, b) => b.score - a.score || a.paperId.localeCompare(b.paperId));
    },
  };
}
