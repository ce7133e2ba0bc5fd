/** A sentence of an LLM answer with the source numbers it cites, markers removed from its text. */
export interface AnswerSentence {
  text: string;
  cited: number[];
}

const ABBREVIATIONS = /\b(e\.g|i\.e|et al|etc|vs|cf|Fig|Eq|Sec|approx|resp|Dr|Mr|Ms|No)\.(?=\s)/g;
const GUARD = '\u0000';
/** `[1]`, `[1, 2]`, `[1-3]`, `[Source 2]`: how models write citations. */
const MARKER = /\[(?:sources?\s*)?(\d+(?:\s*[,;–-]\s*(?:sources?\s*)?\d+)*)\]/gi;

/** Splits prose into sentences, keeping abbreviations ("e.g.", "et al.") and decimals intact. */
export function splitSentences(text: string): string[] {
  const guarded = text.replace(ABBREVIATIONS, (m) => m.slice(0, -1) + GUARD);
  return guarded
    // After a full stop any word starts a sentence (models do write "everyone …"); after ? or !
    // only a capital does, so a quoted title like "Mechanistic?" stays inside its sentence.
    .split(/\n+|(?<=\.["”’)]?)\s+(?=["“]?[A-Za-z0-9])|(?<=[!?]["”’)]?)\s+(?=["“]?[A-Z])/)
    .map((s) => s.replaceAll(GUARD, '.').trim())
    .filter((s) => s.length > 0);
}

/** The numbers inside one marker body: `1, 2` → [1, 2]; `1-3` → [1, 2, 3]. */
function expandMarker(body: string): number[] {
  const out: number[] = [];
  for (const part of body.replace(/sources?/gi, '').split(/[,;]/)) {
    const [from, to] = part.split(/[–-]/).map((s) => Number.parseInt(s.trim(), 10));
    if (from === undefined || Number.isNaN(from)) continue;
    const last = to !== undefined && !Number.isNaN(to) && to >= from && to - from < 10 ? to : from;
    for (let n = from; n <= last; n++) out.push(n);
  }
  return out;
}

/**
 * Splits an answer into sentences and lifts the citation markers out of each. A marker that
 * follows the full stop ("… 87%. [1]") belongs to the sentence before it.
 */
export function splitAnswer(raw: string): AnswerSentence[] {
  const text = raw
    .replace(/^\s*(?:[-*•]|\d+[.)])\s+/gm, '')
    .replace(/([.!?])((?:\s*\[[^\]\n]{1,20}\])+)/g, '$2$1');
  return splitSentences(text).map((sentence) => {
    const cited: number[] = [];
    const stripped = sentence.replace(MARKER, (_m, body: string) => {
      for (const n of expandMarker(body)) if (!cited.includes(n)) cited.push(n);
      return '';
    });
    return { text: tidy(stripped), cited };
  });
}

/** Removes the gaps markers leave behind ("87% ." → "87%."). */
export function tidy(text: string): string {
  return text.replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
}
