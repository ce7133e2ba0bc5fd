/** One paper as the arXiv API's Atom feed describes it. */
export interface AtomEntry {
  /** e.g. `2409.04206` (a version suffix is added as the API does). */
  id: string;
  title: string;
  summary: string;
  authors: string[];
  published: string;
  categories: string[];
  comment?: string;
  journalRef?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// The API hard-wraps summaries and titles at about 80 columns; parsers must undo it.
const wrap = (s: string) => s.replace(/(.{1,78})(\s+|$)/g, '$1\n').trim();

export function atomEntry(e: AtomEntry): string {
  const cats = e.categories.map((c) => `    <category term="${c}" scheme="http://arxiv.org/schemas/atom"/>`).join('\n');
  return `  <entry>
    <id>http://arxiv.org/abs/${e.id}v1</id>
    <updated>${e.published}</updated>
    <published>${e.published}</published>
    <title>${esc(wrap(e.title))}</title>
    <summary>  ${esc(wrap(e.summary))}
</summary>
${e.authors.map((a) => `    <author>\n      <name>${esc(a)}</name>\n    </author>`).join('\n')}
${e.comment ? `    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">${esc(e.comment)}</arxiv:comment>\n` : ''}${e.journalRef ? `    <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">${esc(e.journalRef)}</arxiv:journal_ref>\n` : ''}    <link href="http://arxiv.org/abs/${e.id}v1" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${e.id}v1" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${e.categories[0] ?? 'cs.CL'}" scheme="http://arxiv.org/schemas/atom"/>
${cats}
  </entry>`;
}

/** A whole response page in the API's format (opensearch counts, self link, entries). */
export function atomFeed(opts: { query: string; start: number; total: number; entries: string[] }): string {
  const q = esc(opts.query);
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3D${encodeURIComponent(opts.query)}%26id_list%3D%26start%3D${opts.start}%26max_results%3D${opts.entries.length}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=${q}&amp;id_list=&amp;start=${opts.start}&amp;max_results=${opts.entries.length}</title>
  <id>http://arxiv.org/api/5rPmWbwGmXXWUcXU0uO8qP8Xgd0</id>
  <updated>2026-03-02T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${opts.total}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${opts.start}</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${opts.entries.length}</opensearch:itemsPerPage>
${opts.entries.join('\n')}
</feed>
`;
}

/** What the API returns for a malformed query: one entry pointing at its errors page. */
export function atomError(message: string): string {
  return atomFeed({
    query: '',
    start: 0,
    total: 1,
    entries: [`  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
    <title>Error</title>
    <summary>${esc(message)}</summary>
    <updated>2026-03-02T00:00:00-05:00</updated>
    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_1234" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>`],
  });
}
