import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from '../../config/index.js';
import { FootnoteError } from '../../errors/index.js';

export const DEFAULT_MODELS = { openai: 'gpt-4o-mini', anthropic: 'claude-3-5-haiku-latest', ollama: 'llama3.1' } as const;
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const OLLAMA_DEFAULT_BASE_URL = 'http://127.0.0.1:11434';
export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
/** A 2–4 sentence answer needs far less; the cap bounds cost and time when a model rambles. */
const MAX_ANSWER_TOKENS = 600;

export type LlmProvider = Exclude<Config['llm']['provider'], 'none'>;

/** The model name an answer's footer shows. */
export function modelNameFor(config: Config['llm']): string {
  return config.provider === 'none' ? 'extractive' : config.model ?? DEFAULT_MODELS[config.provider];
}

/**
 * The LangChain chat model named by the config. Client retries are off (`maxRetries: 0`): the
 * answerer retries itself so the behaviour on 429/5xx is known and bounded. Only the chosen
 * provider's SDK is imported (each takes seconds to load).
 */
export async function createChatModel(config: Config['llm']): Promise<BaseChatModel> {
  const model = modelNameFor(config);
  switch (config.provider) {
    case 'openai': {
      if (!config.openaiApiKey && !config.openaiBaseUrl) {
        throw new FootnoteError('config:invalid', 'LLM_PROVIDER=openai needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local OpenAI-compatible server');
      }
      // ChatOpenAICompletions pins the Chat Completions API (most compatible servers lack Responses),
      // and an explicit baseURL keeps OPENAI_API_BASE in the environment from overriding ours.
      const { ChatOpenAICompletions } = await import('@langchain/openai');
      return new ChatOpenAICompletions({
        model,
        apiKey: config.openaiApiKey ?? 'not-needed',
        configuration: { baseURL: config.openaiBaseUrl ?? OPENAI_DEFAULT_BASE_URL },
        maxRetries: 0,
        timeout: config.timeoutMs,
        maxTokens: MAX_ANSWER_TOKENS,
      });
    }
    case 'anthropic': {
      if (!config.anthropicApiKey) throw new FootnoteError('config:invalid', 'LLM_PROVIDER=anthropic needs ANTHROPIC_API_KEY');
      const { ChatAnthropic } = await import('@langchain/anthropic');
      // Explicit URL: ANTHROPIC_BASE_URL in the environment is not a Footnote setting.
      return new ChatAnthropic({ model, apiKey: config.anthropicApiKey, anthropicApiUrl: ANTHROPIC_BASE_URL, maxRetries: 0, maxTokens: MAX_ANSWER_TOKENS });
    }
    case 'ollama': {
      const { ChatOllama } = await import('@langchain/ollama');
      return new ChatOllama({ model, baseUrl: config.ollamaBaseUrl ?? OLLAMA_DEFAULT_BASE_URL, maxRetries: 0, numPredict: MAX_ANSWER_TOKENS });
    }
    default:
      throw new FootnoteError('config:invalid', `LLM_PROVIDER=${String(config.provider)} has no chat model`);
  }
}
