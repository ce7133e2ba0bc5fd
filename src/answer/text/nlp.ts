import winkNLP, { type ItemSentence, type ItemToken, type WinkMethods } from 'wink-nlp';
import { createRequire } from 'node:module';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | undefined;
let lexiconSize = Number.POSITIVE_INFINITY;

/** The wink-nlp pipeline, loaded on first use: loading the model costs ~150 ms, which `--help` should not pay. */
export function nlp(): WinkMethods {
  if (!instance) {
    instance = winkNLP(model, ['sbd']);
    // Out-of-vocabulary words get ids after the lexicon's, so the first one seen marks its size.
    const probe = instance.readDoc('qzxqvjw').tokens().out(instance.its.uniqueId)[0];
    if (typeof probe === 'number') lexiconSize = probe;
  }
  return instance;
}

const known = new Map<string, boolean>();

/** True when wink's English lexicon knows the word in lower case ("SYSTEM" is a word, "MMLU" is not). */
export function isEnglishWord(word: string): boolean {
  const lower = word.toLowerCase();
  let hit = known.get(lower);
  if (hit === undefined) {
    const id = nlp().readDoc(lower).tokens().out(nlp().its.uniqueId)[0];
    hit = typeof id === 'number' && id < lexiconSize;
    if (known.size < 50_000) known.set(lower, hit);
  }
  return hit;
}

export type { ItemSentence, ItemToken };

/** wink's Porter2 stemmer on its own, for words rewritten before stemming (same stems as `its.stem`). */
export const porterStem = createRequire(import.meta.url)('wink-eng-lite-web-model/dist/porter-stemmer.js') as (word: string) => string;
