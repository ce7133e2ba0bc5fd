import { normaliseText } from './normalise.js';
import type { Paper } from './Paper.js';

export type JsonRecord = Record<string, unknown>;

/** The fields of a source that carries only text (plain abstracts, BEIR): nothing known. */
export function noMetadata(): Pick<Paper, 'authors' | 'year' | 'venue' | 'url' | 'categories' | 'published'> {
  return { authors: [], year: null, venue: null, url: null, categories: [], published: null };
}

/** A line parsed as a JSON object, or the user-facing reason it is not one. */
export function parseJsonObject(line: string): JsonRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `invalid JSON (${(error as Error).message.split('\n')[0]})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  return value as JsonRecord;
}

/** A trimmed, whitespace-normalised string field; numbers are accepted as their text. */
export function textField(record: JsonRecord, ...keys: string[]): string {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return normaliseText(value);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return '';
}

export function optionalText(record: JsonRecord, ...keys: string[]): string | null {
  return textField(record, ...keys) || null;
}

/** A list of strings from an array, or from a string split on `separator`. */
export function listField(record: JsonRecord, key: string, separator: RegExp): string[] {
  const value = record[key];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(separator) : [];
  return items.filter((v): v is string => typeof v === 'string').map(normaliseText).filter(Boolean);
}

export function yearField(record: JsonRecord, key: string): number | null {
  const value = Number(record[key]);
  return Number.isInteger(value) && value >= 1000 && value <= 9999 ? value : null;
}

/** `2025-03-18` from anything `Date` reads (RFC 2822 dates in arXiv `versions`, ISO dates, …). */
export function isoDate(text: string | undefined | null): string | null {
  if (!text) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  if (iso) return iso[1] ?? null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}
