import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serveAnthropicMessages } from './anthropicRoutes.js';
import { serveOllamaChat, serveOllamaEmbed } from './ollamaRoutes.js';
import { Script, vectorFor, type ChatStep, type EmbedStep, type RecordedRequest } from './steps.js';

export type { ChatStep, EmbedStep, RecordedRequest } from './steps.js';

/**
 * A local OpenAI-compatible server (`/v1/chat/completions` with SSE streaming,
 * `/v1/embeddings`, `/v1/models`, plus Anthropic's `/v1/messages` and Ollama's `/api/chat` and
 * `/api/embed`) on 127.0.0.1,
 * scripted per test. The real LangChain
 * clients talk to it over loopback.
 */
export interface OpenAiSim {
  /** e.g. `http://127.0.0.1:41234/v1`: what `OPENAI_BASE_URL` is set to. */
  readonly baseUrl: string;
  /** e.g. `http://127.0.0.1:41234`: Ollama's and Anthropic's base URL (their paths carry their own prefixes). */
  readonly origin: string;
  readonly chat: Script<ChatStep>;
  readonly embeddings: Script<EmbedStep>;
  readonly requests: RecordedRequest[];
  /** Requests to one path, e.g. `/v1/chat/completions`. */
  requestsTo(path: string): RecordedRequest[];
  close(): Promise<void>;
}

export interface SimOptions {
  chatFallback?: ChatStep;
  embedFallback?: EmbedStep;
  model?: string;
}

export async function startOpenAiSim(options: SimOptions = {}): Promise<OpenAiSim> {
  const chat = new Script<ChatStep>(options.chatFallback ?? { kind: 'reply', content: 'The indexed papers don\'t cover this.' });
  const embeddings = new Script<EmbedStep>(options.embedFallback ?? { kind: 'vectors', dimension: 8 });
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const model = options.model ?? 'sim-model';

  const server = http.createServer((req, res) => {
    void readJson(req).then((body) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      if (path === '/v1/messages') return serveAnthropicMessages(res, chat.next(), model);
      if (path === '/api/chat') return serveOllamaChat(res, chat.next(), body, model);
      if (path === '/api/embed') return serveOllamaEmbed(res, embeddings.next(), body, model);
      if (path.endsWith('/chat/completions')) return serveChat(res, chat.next(), body, model);
      if (path.endsWith('/embeddings')) return serveEmbeddings(res, embeddings.next(), body, model);
      if (path.endsWith('/models')) return sendJson(res, 200, { object: 'list', data: [{ id: model, object: 'model', owned_by: 'sim' }] });
      return sendJson(res, 404, { error: { message: `no route ${path}`, type: 'invalid_request_error' } });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    origin: `http://127.0.0.1:${port}`,
    chat,
    embeddings,
    requests,
    requestsTo: (p) => requests.filter((r) => r.path === p),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: http.ServerResponse, step: { status: number; headers?: Record<string, string>; message?: string }): void {
  const type = step.status === 429 ? 'rate_limit_error' : 'server_error';
  sendJson(res, step.status, { error: { message: step.message ?? `simulated ${step.status}`, type, code: null } }, step.headers);
}

function serveChat(res: http.ServerResponse, step: ChatStep, body: unknown, model: string): void {
  const streaming = (body as { stream?: boolean } | undefined)?.stream === true;
  if (step.kind === 'status') return sendError(res, step);
  if (step.kind === 'garbage') {
    res.writeHead(200, { 'content-type': streaming ? 'text/event-stream' : 'application/json' });
    res.end(step.body);
    return;
  }
  if (!streaming) {
    if (step.kind === 'stall') return void res.writeHead(200, { 'content-type': 'application/json' });
    return sendJson(res, 200, completion(step.content, model));
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  const text = step.kind === 'stall' ? step.after ?? '' : step.content;
  for (const piece of words(text)) res.write(sse(chunk(model, { content: piece }, null)));
  if (step.kind === 'stall') return;
  res.write(sse(chunk(model, {}, 'stop')));
  res.end('data: [DONE]\n\n');
}

function serveEmbeddings(res: http.ServerResponse, step: EmbedStep, body: unknown, model: string): void {
  if (step.kind === 'status') return sendError(res, step);
  const request = body as { input?: string | string[]; encoding_format?: string };
  const inputs = Array.isArray(request.input) ? request.input : [request.input ?? ''];
  const data = inputs.map((text, index) => {
    const vector = vectorFor(String(text), step.dimension);
    // The openai SDK asks for base64 unless told otherwise, then decodes little-endian float32.
    const embedding = request.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  sendJson(res, 200, { object: 'list', data, model, usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } });
}

function completion(content: string, model: string): unknown {
  return {
    id: 'chatcmpl-sim',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function chunk(model: string, delta: Record<string, string>, finish: string | null): unknown {
  return { id: 'chatcmpl-sim', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta, finish_reason: finish }] };
}

function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

/** Splits keeping the spaces, so the pieces join back to the exact text. */
function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}
