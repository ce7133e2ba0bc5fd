import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConversationRepo } from '../../../src/state/conversationRepo.js';
import { FeedbackRepo } from '../../../src/state/feedbackRepo.js';
import { openStateDb, type StateDb } from '../../../src/state/openStateDb.js';
import { UsageRepo } from '../../../src/state/usageRepo.js';

let dir: string;
let db: StateDb;
let now: Date;
const clock = () => now;
const citation = { n: 1, id: 'arxiv:1', title: 'T', titleDerived: false, authors: ['A'], year: 2024, url: null, quote: 'Q.' };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'footnote-state-'));
  db = openStateDb(path.join(dir, 'state.db'));
  now = new Date('2026-01-01T10:00:00Z');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Discord state repositories over a real SQLite file', () => {
  it('GIVEN answers and votes in two guilds WHEN stats are read and one guild reset THEN counts are per guild and restart from the reset', () => {
    const usage = new UsageRepo(db, clock);
    const feedback = new FeedbackRepo(db, clock);
    const a1 = usage.recordAnswer({ guildId: 'g1', channelId: 'c', userId: 'u1', question: 'q1', abstained: false, citations: [citation], answeredBy: 'extractive' });
    usage.recordAnswer({ guildId: 'g1', channelId: 'c', userId: 'u2', question: 'q2', abstained: true, citations: [], answeredBy: 'extractive' });
    usage.recordAnswer({ guildId: 'g2', channelId: 'c', userId: 'u1', question: 'q3', abstained: false, citations: [], answeredBy: 'extractive' });
    feedback.vote(a1, 'u2', -1);
    feedback.vote(a1, 'u2', 1);
    feedback.vote(a1, 'u3', 1);
    expect(usage.stats('g1')).toEqual({ questionsAnswered: 2, abstained: 1, helpful: 2, unhelpful: 0, since: null });
    expect(usage.stats('g2').questionsAnswered).toBe(1);
    expect(feedback.scoreByPaper().get('arxiv:1')).toBe(2);
    now = new Date('2026-01-02T10:00:00Z');
    usage.resetStats('g1');
    expect(usage.stats('g1')).toEqual({ questionsAnswered: 0, abstained: 0, helpful: 0, unhelpful: 0, since: '2026-01-02T10:00:00.000Z' });
    expect(usage.getAnswer(a1)!.citations).toEqual([citation]);
  });

  it('GIVEN a thread with many turns WHEN history is read THEN the last turns come back oldest first', () => {
    const conversations = new ConversationRepo(db, clock);
    expect(conversations.has('t1')).toBe(false);
    for (let i = 1; i <= 8; i++) conversations.append('t1', { question: `q${i}`, answer: `a${i}` });
    expect(conversations.has('t1')).toBe(true);
    expect(conversations.history('t1', 3)).toEqual([{ question: 'q6', answer: 'a6' }, { question: 'q7', answer: 'a7' }, { question: 'q8', answer: 'a8' }]);
  });
});
