/** What the simulated server does for one chat request. */
export type ChatStep =
  /** A normal completion; sent as SSE when the request asked for a stream. */
  | { kind: 'reply'; content: string }
  /** An HTTP error with an OpenAI-style error body. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; message?: string }
  /** Headers (and, when streaming, the first words) are sent, then nothing more, ever. */
  | { kind: 'stall'; after?: string }
  /** A 200 whose body is not what the API promises. */
  | { kind: 'garbage'; body: string };

/** What the simulated server does for one embeddings request. */
export type EmbedStep =
  | { kind: 'vectors'; dimension: number }
  | { kind: 'status'; status: number; headers?: Record<string, string>; message?: string };

/** One request as the server saw it, for assertions on what a client sent. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * A script: steps are used in order, one per request; when they run out, `fallback` answers.
 * Tests push steps before they act, so each test reads as its own scenario.
 */
export class Script<S> {
  private readonly queue: S[] = [];
  constructor(public fallback: S) {}

  push(...steps: S[]): this {
    this.queue.push(...steps);
    return this;
  }

  /** The same step `times` times in a row (e.g. "500 for a while"). */
  repeat(step: S, times: number): this {
    for (let i = 0; i < times; i++) this.queue.push(step);
    return this;
  }

  next(): S {
    return this.queue.shift() ?? this.fallback;
  }

  get pending(): number {
    return this.queue.length;
  }
}

/** A deterministic vector for a text: the same text always embeds the same way. */
export function vectorFor(text: string, dimension: number): number[] {
  let seed = 2166136261;
  for (let i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 16777619) >>> 0;
  const out: number[] = [];
  for (let i = 0; i < dimension; i++) {
    seed = Math.imul(seed ^ (seed >>> 15), 2246822507) >>> 0;
    out.push(((seed % 2000) - 1000) / 1000);
  }
  return out;
}
