import { deriveTitle } from './deriveTitle.js';
import { normaliseText } from './normalise.js';
import type { Paper } from './Paper.js';
import { isoDate, listField, optionalText, parseJsonObject, textField, type JsonRecord } from './recordFields.js';

const NEW_STYLE_ID = /^(\d{2})(\d{2})\.\d{4,5}$/;
const OLD_STYLE_ID = /^[a-z-]+(?:\.[A-Z]{2})?\/(\d{2})(\d{2})\d{3}$/;

/** `arXiv:2503.11731v2` → `2503.11731`; old-style ids like `hep-th/9901001` are kept. */
export function bareArxivId(raw: string): string {
  return raw.trim().replace(/^arxiv:/i, '').replace(/v\d+$/, '');
}

/** The year the id encodes: new-style `YYMM.` ids from 2007, old-style `archive/YYMMNNN` from 1991. */
export function yearFromArxivId(id: string): number | null {
  const match = NEW_STYLE_ID.exec(id) ?? OLD_STYLE_ID.exec(id);
  if (!match) return null;
  const yy = Number(match[1]);
  return yy >= 91 ? 1900 + yy : 2000 + yy;
}

/** `[["Saphra","Naomi",""]]` → `Naomi Saphra` (the snapshot's parsed form: last, first, suffix). */
function authorsFromParsed(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((a): a is string[] => Array.isArray(a) && a.every((p) => typeof p === 'string'))
    .map(([last = '', first = '', suffix = '']) => normaliseText(`${first} ${last} ${suffix}`))
    .filter(Boolean);
}

function authorsOf(record: JsonRecord): string[] {
  if (Array.isArray(record.authors)) return listField(record, 'authors', /,/);
  const parsed = authorsFromParsed(record.authors_parsed);
  if (parsed.length > 0) return parsed;
  // The snapshot's string form: "A. Author, B. Author and C. Author".
  return listField(record, 'authors', /\s*,\s*(?:and\s+)?|\s+and\s+/u);
}

function firstVersionDate(record: JsonRecord): string | null {
  const versions = record.versions;
  if (!Array.isArray(versions) || versions.length === 0) return null;
  const first = versions[0] as { created?: unknown } | null;
  return typeof first?.created === 'string' ? isoDate(first.created) : null;
}

function publishedOf(record: JsonRecord): string | null {
  const seen = /(\d{4}-\d{2}-\d{2})/.exec(textField(record, 'first_seen_file'));
  return seen?.[1] ?? firstVersionDate(record) ?? isoDate(optionalText(record, 'published', 'update_date'));
}

/** One arXiv metadata line: this project's harvest shape or the public Kaggle/arXiv snapshot shape. */
export function parseArxivRecord(line: string): Paper | string {
  const record = parseJsonObject(line);
  if (typeof record === 'string') return record;
  const bare = bareArxivId(textField(record, 'id'));
  if (!bare) return 'missing id';
  const abstract = textField(record, 'summary', 'abstract');
  const title = textField(record, 'title');
  const published = publishedOf(record);
  return {
    id: `arxiv:${bare}`,
    title: title || deriveTitle(abstract),
    titleDerived: !title,
    authors: authorsOf(record),
    year: yearFromArxivId(bare) ?? (published ? Number(published.slice(0, 4)) : null),
    venue: optionalText(record, 'journal-ref', 'journal_ref', 'venue'),
    url: `https://arxiv.org/abs/${bare}`,
    abstract,
    categories: listField(record, 'categories', /\s+/u),
    published,
  };
}
