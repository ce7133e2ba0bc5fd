import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { FootnoteError } from '../errors/index.js';

const HEAD_BYTES = 64 * 1024;

/** Raw bytes of the file, gunzipped on the fly when it is gzip (by name or by magic number). */
function openStream(file: string, gzip: boolean, onBytes?: (n: number) => void): Readable {
  const raw = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  if (onBytes) raw.on('data', (chunk) => onBytes(chunk.length));
  if (!gzip) return raw;
  const gunzip = zlib.createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

function isGzip(file: string): boolean {
  if (file.endsWith('.gz')) return true;
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return fs.readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

async function readHead(file: string, gzip: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = openStream(file, gzip);
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= HEAD_BYTES) break;
    }
  } catch (error) {
    // A damaged tail is reported by the line reader, after the records before it.
    if (size === 0) throw new FootnoteError('ingest:binary', `${file}: not a readable gzip file (${(error as Error).message})`, { file });
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES);
}

function looksBinary(head: Buffer): boolean {
  if (head.includes(0)) return true;
  try {
    // `stream: true` tolerates a character cut in half at the 64 KB boundary.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return false;
  } catch {
    return true;
  }
}

/** A text file opened for streaming: its first lines for sniffing, then every line with its number. */
export interface TextFile {
  file: string;
  /** Size on disk in bytes (compressed size for `.gz`), for progress. */
  size: number;
  headLines: string[];
  /** Every line with its 1-based number; `onBytes` reports bytes read from disk. */
  lines(onBytes?: (n: number) => void): AsyncIterable<{ text: string; line: number }>;
}

/**
 * Opens `file` for line-by-line reading, refusing a missing file (`ingest:file_missing`) and a
 * binary one (`ingest:binary`: NUL bytes or invalid UTF-8 in its first 64 KB) before any line is read.
 */
export async function openTextFile(file: string): Promise<TextFile> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new FootnoteError('ingest:file_missing', `${file}: no such file`, { file });
  }
  if (!stat.isFile()) throw new FootnoteError('ingest:file_missing', `${file}: not a file`, { file });
  const gzip = stat.size > 0 && isGzip(file);
  const head = await readHead(file, gzip);
  if (looksBinary(head)) throw new FootnoteError('ingest:binary', `${file}: looks like a binary file, not text (expected UTF-8 lines)`, { file });
  const headLines = head.toString('utf8').split(/\r?\n/).slice(0, -1).slice(0, 20);
  return {
    file,
    size: stat.size,
    headLines,
    async *lines(onBytes) {
      const input = openStream(file, gzip, onBytes);
      const reader = readline.createInterface({ input, crlfDelay: Infinity });
      let line = 0;
      try {
        for await (const text of reader) {
          line += 1;
          // A byte-order mark would break JSON.parse and the `Abstract:` prefix of line 1.
          yield { text: line === 1 ? text.replace(/^\uFEFF/, '') : text, line };
        }
      } catch (error) {
        throw new FootnoteError('ingest:bad_format', `${file}: unreadable after line ${line} (${(error as Error).message})`, { file, line }, { cause: error });
      } finally {
        reader.close();
        input.destroy();
      }
    },
  };
}
