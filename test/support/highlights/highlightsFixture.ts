import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import type { Paper } from '../../../src/corpus/Paper.js';
import { createHighlightsService, type HighlightsDeps, type HighlightsService } from '../../../src/highlights/HighlightsService.js';
import { openStateDb, type StateDb } from '../../../src/state/openStateDb.js';
import type { Library } from '../../../src/store/Library.js';
import { openLibrary } from '../../../src/store/openLibrary.js';
import { createFakeEmbeddings } from '../fakeEmbeddings.js';
import { FakeClock } from './FakeClock.js';
import { RecordingPublisher } from './RecordingPublisher.js';

export const SEEDS = path.resolve('seeds/papers.jsonl');

export function readSeeds(): Paper[] {
  return fs.readFileSync(SEEDS, 'utf8').trim().split('\n').map((l) => ({ titleDerived: false, categories: [], published: null, ...JSON.parse(l) }) as Paper);
}

/** A summary made the simple way (first sentences): the service only needs the interface. */
export const summarize = (p: Paper) => {
  const sentences = p.abstract.split(/(?<=\.)\s+/);
  return { text: sentences.slice(0, 2).join(' '), keyFinding: sentences.at(-1) ?? '' };
};

export const quietLogger = pino({ level: 'silent' });

const config = (over: Partial<HighlightsDeps['config']['highlights']> = {}): HighlightsDeps['config'] => ({
  discord: { messageContentIntent: false, askChannelIds: [], rateLimitPerMinute: 5, maxConcurrentAnswers: 4 },
  highlights: { time: '09:00', timezone: 'UTC', count: 2, arxivApiBase: 'http://127.0.0.1:9/api/query', ...over },
});

/** A real library (SQLite catalog + HNSW in a temp dir) and a real state DB, driven by a fake clock. */
export class HighlightsWorld {
  readonly publisher = new RecordingPublisher();
  service!: HighlightsService;
  state!: StateDb;
  private constructor(readonly dir: string, readonly clock: FakeClock, readonly library: Library) {}

  static async create(start: string, options: { seed?: boolean } = {}): Promise<HighlightsWorld> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-hl-'));
    const clock = new FakeClock(start);
    const library = await openLibrary({ dataDir: path.join(dir, 'lib'), embeddings: createFakeEmbeddings(), logger: quietLogger, now: () => clock.now() });
    if (options.seed !== false) await library.ingest(readSeeds());
    return new HighlightsWorld(dir, clock, library);
  }

  /** (Re)starts the service over the same files, as a process restart would. */
  async boot(over: Partial<HighlightsDeps> & { highlights?: Partial<HighlightsDeps['config']['highlights']> } = {}): Promise<HighlightsService> {
    this.service?.stop();
    this.state?.close();
    this.state = openStateDb(path.join(this.dir, 'state.db'));
    this.service = createHighlightsService({
      library: this.library, assistant: { summarize }, state: this.state, publisher: this.publisher,
      clock: this.clock, logger: quietLogger, config: config(over.highlights), ...over,
    });
    await this.service.start();
    return this.service;
  }

  close(): void {
    this.service?.stop();
    this.state?.close();
    this.library.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
