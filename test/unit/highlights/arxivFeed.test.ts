import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchArxivFeed } from '../../../src/highlights/arxiv/fetchArxivFeed.js';
import { parseAtom } from '../../../src/highlights/arxiv/parseAtom.js';
import { ArxivSim } from '../../support/arxiv-sim/ArxivSim.js';
import { atomEntry, atomError, atomFeed, type AtomEntry } from '../../support/arxiv-sim/atom.js';
import { FakeClock } from '../../support/highlights/FakeClock.js';

const entry = (n: number, over: Partial<AtomEntry> = {}): string =>
  atomEntry({
    id: `2603.${String(10000 + n)}`,
    title: `A study of sparse probing number ${n} in transformer language models`,
    summary: `We probe ${n} layers of transformer language models for syntax. Sparse probes recover agreement features with high accuracy while dense probes overfit.`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    published: '2026-03-01T18:00:00Z',
    categories: ['cs.CL', 'cs.LG'],
    ...over,
  });
const page = (start: number, total: number, ns: number[]) => ({ body: atomFeed({ query: 'cat:cs.CL', start, total, entries: ns.map((n) => entry(n)) }) });

let sim: ArxivSim;
beforeAll(async () => {
  sim = await ArxivSim.start();
});
afterAll(() => sim.close());

function fetchFeed(clock: FakeClock, known: Set<string> = new Set()) {
  return fetchArxivFeed({ apiBase: sim.apiBase, query: 'cat:cs.CL AND abs:probing', clock, pageSize: 3, maxResults: 9, isKnown: (id) => known.has(id) });
}

describe('arXiv feed', () => {
  it('GIVEN an Atom page in the API format WHEN parsing THEN ids lose their version, wrapped text is joined, authors and categories kept', () => {
    const parsed = parseAtom(page(0, 1, [1]).body);
    expect(parsed.totalResults).toBe(1);
    expect(parsed.records[0]).toMatchObject({
      id: 'arxiv:2603.10001', year: 2026, published: '2026-03-01', url: 'https://arxiv.org/abs/2603.10001',
      authors: ['Ada Lovelace', 'Alan Turing'], categories: ['cs.CL', 'cs.LG'], titleDerived: false,
      title: 'A study of sparse probing number 1 in transformer language models',
    });
    expect((parsed.records[0] as { abstract: string }).abstract).not.toMatch(/\n|\s{2}/);
  });

  it('GIVEN results over several pages WHEN fetching THEN it pages with start/max_results, waits 3 s between requests and dedupes', async () => {
    const clock = new FakeClock('2026-03-02T08:00:00Z');
    sim.respond(page(0, 7, [1, 2, 3]), page(3, 7, [3, 4, 5]), page(6, 7, [6]));
    const feed = await fetchFeed(clock);
    expect(feed.papers.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `arxiv:2603.${10000 + n}`));
    expect(sim.requests.map((r) => r.get('start'))).toEqual(['0', '3', '6']);
    expect(sim.requests[0]?.get('search_query')).toBe('cat:cs.CL AND abs:probing');
    expect(sim.requests[0]?.get('sortBy')).toBe('submittedDate');
    expect(clock.sleeps).toEqual([3000, 3000]);
  });

  it('GIVEN a page of papers already indexed WHEN fetching THEN paging stops there', async () => {
    sim.respond(page(0, 9, [1, 2, 3]), page(3, 9, [4, 5, 6]));
    const feed = await fetchFeed(new FakeClock('2026-03-02T08:00:00Z'), new Set([1, 2, 3].map((n) => `arxiv:2603.${10000 + n}`)));
    expect(sim.requests).toHaveLength(1);
    expect(feed.papers).toHaveLength(3);
  });

  it('GIVEN an empty result WHEN fetching THEN nothing is returned and one request was made', async () => {
    sim.respond({ body: atomFeed({ query: 'cat:cs.CL', start: 0, total: 0, entries: [] }) });
    const feed = await fetchFeed(new FakeClock('2026-03-02T08:00:00Z'));
    expect(feed).toMatchObject({ papers: [], rejected: [], requests: 1 });
  });

  it('GIVEN a malformed entry (no summary) WHEN fetching THEN it is rejected with a reason and the others are kept', async () => {
    const broken = entry(2).replace(/<summary>[\s\S]*?<\/summary>/, '');
    sim.respond({ body: atomFeed({ query: 'q', start: 0, total: 3, entries: [entry(1), broken, entry(3)] }) });
    const feed = await fetchFeed(new FakeClock('2026-03-02T08:00:00Z'));
    expect(feed.papers.map((p) => p.id)).toEqual(['arxiv:2603.10001', 'arxiv:2603.10003']);
    expect(feed.rejected).toEqual([{ file: 'arxiv feed (start=0)', line: 2, reason: 'arxiv:2603.10002: entry without an abstract' }]);
  });

  it('GIVEN a 503 with Retry-After then a page WHEN fetching THEN it waits as told and succeeds', async () => {
    const clock = new FakeClock('2026-03-02T08:00:00Z');
    sim.respond({ status: 503, headers: { 'retry-after': '5' } }, page(0, 1, [1]));
    const feed = await fetchFeed(clock);
    expect(feed.papers).toHaveLength(1);
    expect(clock.sleeps).toEqual([5000, 3000]);
  });

  it('GIVEN the API keeps answering 503 WHEN fetching THEN it gives up with feed:unavailable after three polite tries', async () => {
    sim.respond({ status: 503 });
    await expect(fetchFeed(new FakeClock('2026-03-02T08:00:00Z'))).rejects.toMatchObject({ code: 'feed:unavailable' });
    expect(sim.requests).toHaveLength(3);
  });

  it('GIVEN a query the API rejects WHEN fetching THEN its error entry becomes feed:unavailable with the message', async () => {
    sim.respond({ body: atomError('incorrect id format for 1234') });
    await expect(fetchFeed(new FakeClock('2026-03-02T08:00:00Z'))).rejects.toThrow(/incorrect id format/);
  });
});
