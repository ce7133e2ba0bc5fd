import { deriveTitle } from './deriveTitle.js';
import { sha256Hex } from './normalise.js';
import type { Paper } from './Paper.js';
import { isoDate, listField, optionalText, parseJsonObject, textField, yearField } from './recordFields.js';

/** The id a plain abstract gets: stable across runs, spacing and file names. */
export function textId(abstract: string): string {
  return `text:${sha256Hex(abstract).slice(0, 12)}`;
}

/** One line of the `seeds/papers.jsonl` shape: `id, title, authors, year, venue, url, abstract`. */
export function parseJsonlPaper(line: string): Paper | string {
  const record = parseJsonObject(line);
  if (typeof record === 'string') return record;
  const abstract = textField(record, 'abstract', 'summary', 'text');
  const title = textField(record, 'title');
  return {
    id: textField(record, 'id') || (abstract ? textId(abstract) : ''),
    title: title || deriveTitle(abstract),
    titleDerived: !title,
    authors: listField(record, 'authors', /\s*,\s*|\s+and\s+/u),
    year: yearField(record, 'year'),
    venue: optionalText(record, 'venue'),
    url: optionalText(record, 'url'),
    abstract,
    categories: listField(record, 'categories', /\s+/u),
    published: isoDate(optionalText(record, 'published', 'date')),
  };
}
