import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';
import { FootnoteError } from '../../../src/errors/index.js';

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(FootnoteError);
    return (error as FootnoteError).message;
  }
  throw new Error('expected loadConfig to reject');
}

describe('loadConfig', () => {
  it('GIVEN an empty environment WHEN loaded THEN the offline defaults apply', () => {
    const config = loadConfig({});
    expect(config.llm.provider).toBe('none');
    expect(config.embeddings.provider).toBe('local');
    expect(config.discord.token).toBeUndefined();
    expect(config.discord.rateLimitPerMinute).toBe(5);
    expect(config.highlights).toMatchObject({ time: '09:00', timezone: 'UTC', count: 3 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('GIVEN empty strings from a copied .env.example WHEN loaded THEN they count as unset', () => {
    const config = loadConfig({ DISCORD_TOKEN: '', DISCORD_API_BASE: '', LLM_PROVIDER: '', ASK_CHANNEL_IDS: '' });
    expect(config.discord.token).toBeUndefined();
    expect(config.discord.apiBase).toBeUndefined();
    expect(config.discord.askChannelIds).toEqual([]);
  });

  it('GIVEN several bad keys WHEN loaded THEN each is named on its own line', () => {
    const message = problems({ LLM_PROVIDER: 'gpt', RATE_LIMIT_PER_MINUTE: 'lots', HIGHLIGHTS_TIME: '9am', DISCORD_API_BASE: 'not a url' });
    for (const key of ['LLM_PROVIDER', 'RATE_LIMIT_PER_MINUTE', 'HIGHLIGHTS_TIME', 'DISCORD_API_BASE']) {
      expect(message).toMatch(new RegExp(`^  - ${key}: `, 'm'));
    }
  });

  it('GIVEN an unknown time zone WHEN loaded THEN the error names HIGHLIGHTS_TZ', () => {
    expect(problems({ HIGHLIGHTS_TZ: 'Mars/Olympus' })).toContain('HIGHLIGHTS_TZ');
  });

  it('GIVEN an API base with a trailing slash and ask channels WHEN loaded THEN both are normalised', () => {
    const config = loadConfig({ DISCORD_API_BASE: 'http://127.0.0.1:9/api/', ASK_CHANNEL_IDS: '123456789012345678, 223456789012345678' });
    expect(config.discord.apiBase).toBe('http://127.0.0.1:9/api');
    expect(config.discord.askChannelIds).toEqual(['123456789012345678', '223456789012345678']);
  });

  it('GIVEN an embeddings provider without EMBEDDINGS_BASE_URL WHEN loaded THEN the same provider\'s server is used', () => {
    expect(loadConfig({ EMBEDDINGS: 'ollama', OLLAMA_BASE_URL: 'http://127.0.0.1:11434' }).embeddings.baseUrl).toBe('http://127.0.0.1:11434');
    expect(loadConfig({ EMBEDDINGS: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1' }).embeddings.baseUrl).toBe('http://127.0.0.1:8000/v1');
    expect(loadConfig({ EMBEDDINGS: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1', EMBEDDINGS_BASE_URL: 'http://127.0.0.1:9000/v1' }).embeddings.baseUrl).toBe('http://127.0.0.1:9000/v1');
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1' }).embeddings.baseUrl).toBeUndefined();
  });
});
