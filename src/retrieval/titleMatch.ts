import { foldForMatching } from '../corpus/normalise.js';
import type { Paper } from '../corpus/Paper.js';
import { textFeatures } from '../embeddings/local/textFeatures.js';

const stems = (text: string) => new Set(textFeatures(text).terms.map((t) => t.stem));
const TITLE_CUE = /\b(paper|titled|called|named|article)\b/i;

/**
 * True when the question names this paper by its title: quoted, or the title's main part (before a
 * colon) fully present — two words at least, or one when the question says "the … paper".
 */
export function namesTitle(query: string, quoted: readonly string[], paper: Paper): boolean {
  if (paper.titleDerived) return false;
  const title = foldForMatching(paper.title);
  if (quoted.some((q) => foldForMatching(q).length > 2 && title.includes(foldForMatching(q)))) return true;
  const asked = stems(query);
  const main = [...stems(paper.title.split(/[:?]/)[0] ?? '')];
  if (main.length === 0 || !main.every((s) => asked.has(s))) {
    const whole = [...stems(paper.title)];
    return whole.length >= 3 && whole.filter((s) => asked.has(s)).length / whole.length >= 0.8;
  }
  return main.length >= 2 || TITLE_CUE.test(query);
}
