import { FootnoteError } from '../../../src/errors/index.js';
import type { Digest, HighlightPost, Publisher } from '../../../src/highlights/types.js';

export type Failure = 'channel-gone' | 'transient' | undefined;

/** A publisher that keeps what it was asked to send, and can be told to fail like Discord does. */
export class RecordingPublisher implements Publisher {
  readonly posts: HighlightPost[] = [];
  readonly digests: Digest[] = [];
  failNext: Failure;
  failAlways: Failure;

  async postHighlights(post: HighlightPost): Promise<{ messageId: string }> {
    const failure = this.failNext ?? this.failAlways;
    this.failNext = undefined;
    if (failure === 'channel-gone') throw new FootnoteError('highlights:channel_unavailable', `channel ${post.channelId} no longer exists`);
    if (failure === 'transient') throw new Error('503 Service Unavailable');
    this.posts.push(post);
    return { messageId: String(1000 + this.posts.length) };
  }

  async sendDigest(digest: Digest): Promise<void> {
    this.digests.push(digest);
  }
}
