import { XMLParser } from 'fast-xml-parser';
import type { Paper, RejectedLine } from '../../corpus/Paper.js';
import { FootnoteError } from '../../errors/index.js';

/** One page of an arXiv API response. */
export interface AtomPage {
  totalResults: number;
  startIndex: number;
  records: Array<Paper | RejectedLine>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

type Node = Record<string, unknown>;
const text = (v: unknown): string => {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  if (v && typeof v === 'object' && '#text' in v) return text((v as Node)['#text']);
  return '';
};
const nodes = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : []);

/** `http://arxiv.org/abs/2409.04206v2` → `2409.04206`; old-style `hep-th/9901001v1` → `hep-th/9901001`. */
export function arxivIdFromUrl(url: string): string | null {
  const m = /arxiv\.org\/abs\/(.+?)(v\d+)?$/.exec(url.trim());
  return m?.[1] ?? null;
}

/** Parses an arXiv API Atom page; a malformed entry becomes a rejected line, the rest continue. */
export function parseAtom(xml: string, source = 'arxiv'): AtomPage {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    throw new FootnoteError('feed:unavailable', 'The arXiv API returned a page that is not XML.', { source }, { cause: error });
  }
  const feed = doc.feed as Node | undefined;
  if (!feed) throw new FootnoteError('feed:unavailable', 'The arXiv API returned no Atom feed.', { source });
  const entries = nodes(feed.entry);
  // The API reports a bad query as a single entry whose id points at its errors page.
  const apiError = entries.find((e) => text(e.id).includes('/api/errors'));
  if (apiError) throw new FootnoteError('feed:unavailable', `The arXiv API rejected the query: ${text(apiError.summary)}`, { source });
  return {
    totalResults: Number(text(feed['opensearch:totalResults'])) || 0,
    startIndex: Number(text(feed['opensearch:startIndex'])) || 0,
    records: entries.map((e, i) => toPaper(e, source, i + 1)),
  };
}

function toPaper(entry: Node, file: string, line: number): Paper | RejectedLine {
  const id = arxivIdFromUrl(text(entry.id));
  const title = text(entry.title);
  const abstract = text(entry.summary);
  if (!id) return { file, line, reason: 'entry without an arXiv id' };
  if (!title) return { file, line, reason: `arxiv:${id}: entry without a title` };
  if (abstract.length < 40) return { file, line, reason: `arxiv:${id}: entry without an abstract` };
  const published = text(entry.published).slice(0, 10);
  const year = /^\d{4}/.test(published) ? Number(published.slice(0, 4)) : null;
  return {
    id: `arxiv:${id}`,
    title,
    titleDerived: false,
    authors: nodes(entry.author).map((a) => text(a.name)).filter(Boolean),
    year,
    venue: text(entry['arxiv:journal_ref']) || null,
    url: `https://arxiv.org/abs/${id}`,
    abstract,
    categories: nodes(entry.category).map((c) => String(c['@_term'] ?? '')).filter(Boolean),
    published: /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : null,
  };
}
