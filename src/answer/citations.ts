import type { Paper } from '../corpus/Paper.js';
import type { Citation } from './types.js';

/**
 * Numbers sources in order of first use. Every marker an answer prints comes from `cite`, so the
 * markers and the source list cannot disagree, and only papers actually cited are listed.
 */
export class CitationNumbering {
  private readonly byId = new Map<string, Citation>();

  /** The number of `paper`, assigning the next one on first use; the first quote given is kept. */
  cite(paper: Paper, quote: string): number {
    const existing = this.byId.get(paper.id);
    if (existing) return existing.n;
    const n = this.byId.size + 1;
    this.byId.set(paper.id, {
      n,
      id: paper.id,
      title: paper.title,
      titleDerived: paper.titleDerived,
      authors: paper.authors,
      year: paper.year,
      url: paper.url,
      quote,
    });
    return n;
  }

  citations(): Citation[] {
    return [...this.byId.values()];
  }
}

/** What a marker in a draft text points at, before renumbering. */
export interface CitationSource {
  paper: Paper;
  quote: string;
}

const MARKER = /\s*\[(\d+)\]/g;

/**
 * Renumbers the `[n]` markers of a text written against some numbering (e.g. the numbered sources
 * given to an LLM) into order of first use. Markers that name no source are removed; a marker
 * repeated inside one run (`[2][2]`) is kept once.
 */
export function renumberByFirstUse(
  text: string,
  lookup: (n: number) => CitationSource | undefined,
): { text: string; citations: Citation[] } {
  const numbering = new CitationNumbering();
  const renumbered = text.replace(MARKER, (match, digits: string) => {
    const source = lookup(Number(digits));
    if (!source) return '';
    const space = match.startsWith(' ') || match.startsWith('\n') ? ' ' : '';
    return `${space}[${numbering.cite(source.paper, source.quote)}]`;
  });
  return { text: renumbered.replace(/(\[\d+\])(\s*\1)+/g, '$1'), citations: numbering.citations() };
}

/** The distinct marker numbers of a text, in order of appearance. */
export function markersIn(text: string): number[] {
  const seen: number[] = [];
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    const n = Number(match[1]);
    if (!seen.includes(n)) seen.push(n);
  }
  return seen;
}
