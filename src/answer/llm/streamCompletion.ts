import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';

/**
 * Streams one completion and returns its whole text. `.stream()` rather than `invoke()` with
 * `streaming: true`, which makes ChatOpenAI fetch a tokenizer from the web; the signal is checked
 * between chunks so a stream that stalls after its headers still ends at the deadline.
 */
export async function streamCompletion(
  model: BaseChatModel,
  messages: BaseMessage[],
  signal: AbortSignal,
  onText?: (textSoFar: string) => void,
): Promise<string> {
  let text = '';
  const stream = await model.stream(messages, { signal });
  for await (const chunk of stream) {
    signal.throwIfAborted();
    const piece = chunk.text;
    if (!piece) continue;
    text += piece;
    onText?.(text);
  }
  signal.throwIfAborted();
  return text;
}
