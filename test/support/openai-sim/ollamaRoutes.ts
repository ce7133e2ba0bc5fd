import type http from 'node:http';
import { vectorFor, type ChatStep, type EmbedStep } from './steps.js';

/**
 * Ollama's native API (`/api/chat` as NDJSON, `/api/embed`), driven by the same scripts as the
 * OpenAI routes, so ChatOllama and OllamaEmbeddings are tested over loopback too.
 */
export function serveOllamaChat(res: http.ServerResponse, step: ChatStep, body: unknown, model: string): void {
  const streaming = (body as { stream?: boolean } | undefined)?.stream !== false;
  if (step.kind === 'status') return sendOllamaError(res, step.status, step.message);
  if (step.kind === 'garbage') {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    res.end(step.body);
    return;
  }
  const line = (content: string, done: boolean) =>
    `${JSON.stringify({ model, created_at: '2024-01-01T00:00:00Z', message: { role: 'assistant', content }, done, ...(done ? { done_reason: 'stop' } : {}) })}\n`;
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  res.flushHeaders();
  const text = step.kind === 'stall' ? step.after ?? '' : step.content;
  if (!streaming && step.kind === 'reply') return void res.end(line(text, true));
  for (const piece of text.match(/\S+\s*|\s+/g) ?? []) res.write(line(piece, false));
  if (step.kind === 'stall') return;
  res.end(line('', true));
}

export function serveOllamaEmbed(res: http.ServerResponse, step: EmbedStep, body: unknown, model: string): void {
  if (step.kind === 'status') return sendOllamaError(res, step.status, step.message);
  const input = (body as { input?: string | string[] } | undefined)?.input ?? '';
  const inputs = Array.isArray(input) ? input : [input];
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ model, embeddings: inputs.map((t) => vectorFor(String(t), step.dimension)) }));
}

function sendOllamaError(res: http.ServerResponse, status: number, message?: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: message ?? `simulated ${status}` }));
}
