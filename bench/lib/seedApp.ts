import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { createApp, type App } from '../../src/main.js';

/** The default offline app over the seed papers in a fresh temp data dir. */
export async function seedApp(env: Record<string, string> = {}): Promise<{ app: App; dataDir: string; dispose(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'footnote-bench-'));
  const config = loadConfig({ FOOTNOTE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const app = await createApp(config, createLogger({ level: 'silent' }));
  return {
    app,
    dataDir,
    async dispose() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

