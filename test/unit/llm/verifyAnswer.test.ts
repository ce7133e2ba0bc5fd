import { describe, expect, it } from 'vitest';
import { buildSourceEvidence } from '../../../src/answer/llm/grounding/SourceEvidence.js';
import { verifyAnswer } from '../../../src/answer/llm/grounding/verifyAnswer.js';
import { FAST_FORWARD, MECHANISTIC, TRANSCENDENCE, rankedSeeds } from '../../support/openai-sim/seedPapers.js';

const NOT_COVERED = "The indexed papers don't cover this.";
const sources = rankedSeeds(MECHANISTIC, FAST_FORWARD, TRANSCENDENCE).map((r, i) => buildSourceEvidence(i + 1, r.paper));
const verify = (raw: string, question?: string) => verifyAnswer(raw, sources, { notCovered: NOT_COVERED, question });

describe('verifyAnswer', () => {
  it('GIVEN a faithful paraphrase citing source 2 WHEN verified THEN it is kept and renumbered as [1]', () => {
    const v = verify('Fast Forward repeats the most recent optimizer step until the loss stops improving on a small validation set [2]. It cuts FLOPs by up to 87% compared with Adam [2].');
    expect(v.kept).toBe(2);
    expect(v.text).toMatch(/validation set\. \[1\] .*Adam\. \[1\]$/);
    expect(v.citations.map((c) => c.id)).toEqual([FAST_FORWARD]);
    expect(v.citations[0]?.quote).toMatch(/repeat the most recent optimizer step/);
  });

  it('GIVEN a citation to a source that was not given WHEN verified THEN that sentence is dropped', () => {
    const v = verify('Fast Forward reduces FLOPs by up to 87% [7].');
    expect(v.kept).toBe(0);
    expect(v.verdicts[0]?.reason).toBe('unknown_source');
  });

  it('GIVEN an uncited sentence WHEN verified THEN it is dropped and the cited one kept', () => {
    const v = verify('Fast Forward provides up to an 87% reduction in FLOPs [2]. This is a big deal for everyone.');
    expect(v.verdicts.map((x) => x.reason)).toEqual([undefined, 'uncited']);
    expect(v.text).not.toMatch(/big deal/);
  });

  it('GIVEN a wrong number WHEN verified THEN the sentence is dropped for its number', () => {
    const v = verify('Fast Forward provides up to a 95% reduction in FLOPs [2].');
    expect(v.verdicts[0]).toMatchObject({ kept: false, reason: 'number' });
  });

  it('GIVEN a claim cited to the wrong paper WHEN verified THEN it is dropped', () => {
    const v = verify('A chess transformer trained on game transcripts can beat every player in its dataset [1].');
    expect(v.kept).toBe(0);
  });

  it('GIVEN a claim the source does not make WHEN verified THEN it is dropped', () => {
    const v = verify('Fast Forward was invented by Google to train image classifiers on TPUs [2].');
    expect(v.kept).toBe(0);
  });

  it('GIVEN two sources cited where only one backs the claim WHEN verified THEN only that one is listed', () => {
    const v = verify('Fast Forward repeats the most recent optimizer step until the loss stops improving [1][2].');
    expect(v.citations.map((c) => c.id)).toEqual([FAST_FORWARD]);
    expect(v.text).toMatch(/improving\. \[1\]$/);
  });

  it('GIVEN the fixed not-covered reply WHEN verified THEN it is an abstention with no sources', () => {
    const v = verify("The indexed papers don't cover this.");
    expect(v).toMatchObject({ abstained: true, citations: [] });
  });

  it('GIVEN mentions in the output WHEN verified THEN none survive', () => {
    const v = verify('<@123> @everyone Fast Forward provides up to an 87% reduction in FLOPs [2].');
    expect(v.text).not.toMatch(/<@|@everyone/);
    expect(v.kept).toBe(1);
  });

  it('GIVEN markers after the full stop and a bulleted list WHEN verified THEN each sentence keeps its marker', () => {
    const v = verify('- The term "mechanistic" has four uses in interpretability research. [1]\n- Transcendence means a generative model surpasses the experts generating its data. [3]');
    expect(v.kept).toBe(2);
    expect(v.citations.map((c) => c.id)).toEqual([MECHANISTIC, TRANSCENDENCE]);
  });

  it('GIVEN a true but off-topic sentence about a lower-ranked source WHEN verified with the question THEN it is dropped', () => {
    const v = verify('The authors describe four uses of the term "mechanistic" [1]. Transcendence means a generative model surpasses the experts generating its data [3].', 'how is the term mechanistic used in interpretability?');
    expect(v.verdicts.map((x) => x.reason)).toEqual([undefined, 'off_topic']);
    expect(v.citations.map((c) => c.id)).toEqual([MECHANISTIC]);
  });

  it('GIVEN a heading and a Sources list written by the model WHEN verified THEN only the answer sentences count', () => {
    const v = verify('## Answer\nFast Forward provides up to an 87% reduction in FLOPs [2].\n\n**Sources:**\n[2] Fast Forwarding Low-Rank Training (2024)');
    expect(v.total).toBe(1);
    expect(v.text).toBe('Fast Forward provides up to an 87% reduction in FLOPs. [1]');
  });
});
