import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';

/** Rejects with the signal's reason as soon as it aborts. */
function abortion(signal: AbortSignal): { promise: Promise<never>; dispose(): void } {
  let onAbort = () => {};
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  promise.catch(() => {});
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

/**
 * Streams one completion and returns its whole text. `.stream()` rather than `invoke()` with
 * `streaming: true`, which makes ChatOpenAI fetch a tokenizer from the web. Each chunk is raced
 * against the signal, so a stream that stalls after its headers ends at our deadline whatever
 * the client does (the OpenAI client's own `timeout` stops at the headers; today LangChain core
 * also honours the signal, and this keeps the guarantee ours across client versions).
 */
export async function streamCompletion(
  model: BaseChatModel,
  messages: BaseMessage[],
  signal: AbortSignal,
  onText?: (textSoFar: string) => void,
): Promise<string> {
  const aborted = abortion(signal);
  const stream = await Promise.race([model.stream(messages, { signal }), aborted.promise]);
  const chunks = stream[Symbol.asyncIterator]();
  let text = '';
  try {
    for (;;) {
      const next = await Promise.race([chunks.next(), aborted.promise]);
      if (next.done) break;
      const piece = next.value.text;
      if (!piece) continue;
      text += piece;
      onText?.(text);
    }
    return text;
  } finally {
    aborted.dispose();
    // Closes the HTTP stream; not awaited, a stalled reader may never settle.
    if (signal.aborted) void chunks.return?.().catch(() => {});
  }
}
