/**
 * Spans that must never be cut: citation markers like `[3]` or `[1, 2]`, markdown links and
 * bare URLs. A chunk boundary inside one would break a citation or a link.
 */
const ATOMS = /\[\d+(?:\s*[,–-]\s*\d+)*\]|\[[^\]\n]*\]\([^)\s]+\)|<?https?:\/\/[^\s>]+>?/g;
/** A sentence ends with . ! or ?, maybe a closing quote or bracket, maybe trailing citation markers. */
const SENTENCE_END = /[.!?]["'”’)]*(?:\s?\[\d+(?:\s*[,–-]\s*\d+)*\])*$/;

function protectedRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(ATOMS)].map((m) => [m.index, m.index + m[0].length]);
}

function insideAtom(ranges: Array<[number, number]>, pos: number): [number, number] | undefined {
  return ranges.find(([start, end]) => pos > start && pos < end);
}

/** The best place to cut `text` at or before `max`: a sentence end, else a space, else before an atom. */
function cutPoint(text: string, max: number, allRanges: Array<[number, number]>): number {
  const ranges = allRanges.filter(([start]) => start <= max);
  let space = -1;
  for (let i = Math.min(max, text.length - 1); i > 0; i--) {
    if (!/\s/.test(text[i] as string) || insideAtom(ranges, i)) continue;
    if (SENTENCE_END.test(text.slice(Math.max(0, i - 40), i))) return i;
    if (space < 0) space = i;
  }
  if (space > 0) return space;
  const atom = insideAtom(ranges, max);
  return atom && atom[0] > 0 ? atom[0] : max;
}

/**
 * Splits text into chunks of at most `max` characters, preferring sentence boundaries and never
 * cutting inside a `[n]` marker or a link (unless one alone is longer than `max`).
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const at = cutPoint(rest, max, protectedRanges(rest));
    chunks.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}
