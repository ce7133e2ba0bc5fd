import type http from 'node:http';
import type { ChatStep } from './steps.js';

function event(type: string, data: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

/** Anthropic's Messages API (`/v1/messages`, SSE events), driven by the same chat script. */
export function serveAnthropicMessages(res: http.ServerResponse, step: ChatStep, model: string): void {
  if (step.kind === 'status') {
    res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
    res.end(JSON.stringify({ type: 'error', error: { type: step.status === 429 ? 'rate_limit_error' : 'api_error', message: step.message ?? `simulated ${step.status}` } }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  if (step.kind === 'garbage') return void res.end(step.body);
  res.flushHeaders();
  const message = { id: 'msg_sim', type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } };
  res.write(event('message_start', { message }));
  res.write(event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }));
  const text = step.kind === 'stall' ? step.after ?? '' : step.content;
  for (const piece of text.match(/\S+\s*|\s+/g) ?? []) res.write(event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: piece } }));
  if (step.kind === 'stall') return;
  res.write(event('content_block_stop', { index: 0 }));
  res.write(event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 1 } }));
  res.end(event('message_stop', {}));
}
