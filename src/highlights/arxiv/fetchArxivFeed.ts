import type { Paper, RejectedLine } from '../../corpus/Paper.js';
import { FootnoteError } from '../../errors/index.js';
import type { Clock } from '../types.js';
import { parseAtom } from './parseAtom.js';

export interface ArxivFeedOptions {
  /** e.g. `https://export.arxiv.org/api/query` (tests: the local Atom server). */
  apiBase: string;
  /** arXiv search syntax, e.g. `cat:cs.CL AND abs:interpretability`. */
  query: string;
  clock: Pick<Clock, 'sleep'>;
  /** True for papers already indexed: a page of nothing but known papers ends the paging. */
  isKnown(id: string): boolean;
  pageSize?: number;
  maxResults?: number;
  /** arXiv asks for one request every 3 seconds. */
  delayMs?: number;
  fetchImpl?: typeof fetch;
}

export interface ArxivFeedResult {
  papers: Paper[];
  rejected: RejectedLine[];
  requests: number;
}

const RETRIES_ON_503 = 2;

/** Fetches the newest papers for a query, page by page, politely; deduplicated by id. */
export async function fetchArxivFeed(o: ArxivFeedOptions): Promise<ArxivFeedResult> {
  const pageSize = o.pageSize ?? 100;
  const maxResults = o.maxResults ?? 500;
  const seen = new Map<string, Paper>();
  const rejected: RejectedLine[] = [];
  const state = { requests: 0 };
  for (let start = 0; start < maxResults; start += pageSize) {
    const url = `${o.apiBase}?search_query=${encodeURIComponent(o.query)}&start=${start}&max_results=${Math.min(pageSize, maxResults - start)}&sortBy=submittedDate&sortOrder=descending`;
    const page = parseAtom(await politeGet(url, o, state), `arxiv feed (start=${start})`);
    let fresh = 0;
    for (const r of page.records) {
      if (!('id' in r)) rejected.push(r);
      else if (!seen.has(r.id)) {
        seen.set(r.id, r);
        if (!o.isKnown(r.id)) fresh += 1;
      }
    }
    if (page.records.length === 0 || fresh === 0 || start + pageSize >= page.totalResults) break;
  }
  return { papers: [...seen.values()], rejected, requests: state.requests };
}

async function politeGet(url: string, o: ArxivFeedOptions, state: { requests: number }): Promise<string> {
  const delay = o.delayMs ?? 3000;
  for (let attempt = 0; ; attempt += 1) {
    if (state.requests > 0) await o.clock.sleep(delay);
    state.requests += 1;
    let res: Response;
    try {
      res = await (o.fetchImpl ?? fetch)(url, { headers: { 'user-agent': 'footnote-highlights/0.1' }, signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw new FootnoteError('feed:unavailable', 'The arXiv API could not be reached.', { url }, { cause: error });
    }
    if (res.ok) return res.text();
    await res.body?.cancel();
    if (res.status === 503 && attempt < RETRIES_ON_503) {
      const retryAfter = Number(res.headers.get('retry-after'));
      if (Number.isFinite(retryAfter) && retryAfter > 0) await o.clock.sleep(Math.min(retryAfter, 60) * 1000);
      continue;
    }
    throw new FootnoteError('feed:unavailable', `The arXiv API answered ${res.status}.`, { url, status: res.status });
  }
}
