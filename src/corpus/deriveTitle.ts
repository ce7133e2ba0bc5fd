const MAX_LABEL = 80;
const MIN_CLAUSE = 24;

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

/**
 * A short label for an abstract that came without a title: its first clause, at most 80
 * characters. The paper is marked `titleDerived`, so answers never present this as a real title.
 */
export function deriveTitle(abstract: string): string {
  const firstSentence = abstract.split(/(?<=[.!?])\s+(?=[A-Z"“(])/u)[0] ?? abstract;
  const clause = firstSentence.split(/\s+--\s+|\s+[–—]\s+|[;:]\s+|,\s+(?=(?:which|while|but|and|where|yet|as)\b)/u)[0] ?? firstSentence;
  const label = (clause.length >= MIN_CLAUSE ? clause : firstSentence).replace(/[.!?]+$/u, '');
  return cutAtWord(label, MAX_LABEL);
}
