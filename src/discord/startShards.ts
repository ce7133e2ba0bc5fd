import { ShardingManager } from 'discord.js';
import type { Config } from '../config/index.js';
import { FootnoteError } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';

/**
 * Runs `count` shards, each `footnote start` in its own process (discord.js hands each its
 * shard id through the environment). The count is explicit: `'auto'` would ask discord.com for
 * it directly, bypassing DISCORD_API_BASE. Every shard loads its own copy of the index.
 */
export async function startShards(config: Config, logger: Logger, script: string, count: number): Promise<{ stop(): Promise<void> }> {
  if (!config.discord.token) throw new FootnoteError('config:invalid', 'DISCORD_TOKEN is not set');
  const manager = new ShardingManager(script, { totalShards: count, shardArgs: ['start'], token: config.discord.token, respawn: true });
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, of: count }, 'shard launched');
    shard.on('death', () => logger.warn({ shardId: shard.id }, 'shard exited; respawning'));
  });
  await manager.spawn({ amount: count, timeout: 120_000 });
  return {
    async stop() {
      manager.respawn = false;
      // SIGTERM lets each shard log out and close its state database.
      await Promise.all(manager.shards.map((shard) => new Promise<void>((resolve) => {
        if (!shard.process || shard.process.exitCode !== null) return resolve();
        shard.process.once('exit', () => resolve());
        shard.process.kill('SIGTERM');
      })));
    },
  };
}
