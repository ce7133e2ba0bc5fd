import { stem } from '../../../embeddings/local/stem.js';
import { canonicalStem, foldPhrases } from '../../text/synonyms.js';

/**
 * Tokens for the grounding check. The check compares an LLM sentence with an abstract, so both
 * sides are reduced the same way (Porter2 stems, the retrieval legs' stemmer).
 */

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers herself him himself his how ' +
    'i if in into is it its itself just me more most my myself nor of off on once only or other our ours ourselves out over own same ' +
    'she should so some such than that the their theirs them themselves then there these they this those through to too under until ' +
    'up very was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'e g i.e eg ie et al via thus therefore however moreover furthermore additionally finally overall whereas ' +
    'one ones its it\'s may might must shall often well many much new'
  ).split(/\s+/),
);

/**
 * Words an answer uses to attribute or frame a claim ("the authors show that …"): they carry
 * no claim, so they neither count for nor against support.
 */
const FRAMING_WORDS = new Set(
  (
    'paper papers author authors work works study studies studied research researcher researchers article abstract source sources ' +
    'show shows showed shown find finds found present presents presented describe describes described argue argues argued ' +
    'report reports reported demonstrate demonstrates demonstrated introduce introduces introduced propose proposes proposed ' +
    'suggest suggests suggested discuss discusses discussed note notes noted explain explains explained examine examines examined ' +
    'investigate investigates investigated according accordingly specifically particular particularly indeed namely called ' +
    'known term termed specific approach'
  ).split(/\s+/),
);

const NEGATIONS = new Set(['not', 'no', 'never', 'cannot', 'without', 'neither', 'nor', 'none', 'fail', 'fails', 'failed', "n't"]);

/** Lowercased word tokens, hyphenated words split, `n't` kept apart so negation survives. */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/\\%/g, '%')
      .replace(/n['’]t\b/g, " n't")
      .match(/n't|[a-z0-9]+(?:\.[0-9]+)?/g) ?? []
  );
}

/** Stemmed content words: stop words and framing words removed. */
export function contentStems(text: string): string[] {
  return wordsOf(foldPhrases(text))
    .filter((w) => !STOP_WORDS.has(w) && !FRAMING_WORDS.has(w) && !NEGATIONS.has(w) && w.length > 1)
    .map((w) => (/^\d/.test(w) ? w : canonicalStem(stem(w))));
}

export function hasNegation(text: string): boolean {
  return wordsOf(text).some((w) => NEGATIONS.has(w));
}

/** Numbers as written (`87`, `6.5`), so "cut FLOPs by 90%" cannot pass against an abstract saying 87%. */
export function numbersIn(text: string): string[] {
  return (text.replace(/\\%/g, '%').match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,/g, ''));
}

/**
 * Named things a sentence asserts: acronyms and mixed-case names (LoRA, CKA, GPT-4, BERT). A
 * sentence naming one its source never mentions is making a claim the source cannot support.
 */
export function entitiesIn(text: string): string[] {
  // "CKA-based" names CKA; "GPT-3.5" names GPT (its number is checked as a number).
  const tokens = text.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
  return tokens.filter((t) => /[A-Z].*[A-Z]/.test(t) || /^[a-z]+[A-Z]/.test(t)).map((t) => t.toLowerCase());
}
