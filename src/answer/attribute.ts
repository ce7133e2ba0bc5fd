/**
 * Turns a sentence lifted from an abstract into one that reads as a report of the paper: the
 * authors' first person becomes "the authors", openings that lean on a previous sentence are
 * dropped, and LaTeX escapes are shown as plain text. It never adds a claim of its own.
 */

/** Openings that only make sense after the sentence that preceded them in the abstract. */
const CONNECTIVE = new RegExp(
  '^(?:(?:However|Finally|Additionally|In addition|In all|Overall|So|Moreover|Furthermore|Further|Also|Instead|Consequently|' +
    'Importantly|Notably|In particular|Specifically|Indeed|In contrast|Conversely|Nonetheless|Nevertheless|First|Second|Third|' +
    'Firstly|Secondly|Lastly|To this end|In summary|In conclusion|To conclude|Taken together|Then),\\s+|(?:But|And|Yet|Thus|Hence|Therefore),?\\s+)',
);

/** "Enabled by these low-rank settings, …": a phrase whose "these" points at a sentence the answer does not show. */
const BACK_REFERENCE =
  /^(?:(?:Enabled|Motivated|Inspired|Guided|Informed|Driven) by|Building (?:on|upon)|Based on|Given|With|Using|Following|Leveraging|Through|To address) (?:these|this|such|those|that)\b[^,]{0,60},\s+/;

const FRAMING: Array<[RegExp, string]> = [
  [/^In (?:this|the present|our) (?:work|paper|study|article|note|position paper),?\s+we\b/i, 'The authors'],
  [/^In (?:this|the present|our) (?:work|paper|study|article|note),?\s+/i, 'In the paper, '],
  [/^(?:This|Our|The present) (?:work|paper|study|article|note)\b/, 'The paper'],
  [/^Here,?\s+we\b/i, 'The authors'],
];

const FIRST_PERSON: Array<[RegExp, string]> = [
  // "we may not expect …" is anyone's expectation, not the authors' own.
  [/\bWe ((?:may|might|would|could|should|can) (?:not )?(?:expect|imagine|assume|think|hope))\b/g, 'One $1'],
  [/\bwe ((?:may|might|would|could|should|can) (?:not )?(?:expect|imagine|assume|think|hope))\b/g, 'one $1'],
  [/^We\b/, 'The authors'],
  [/^Our\b/, "The authors'"],
  [/^Us\b/, 'The authors'],
  [/\bwe\b/g, 'the authors'],
  [/\bWe\b/g, 'The authors'],
  [/\bourselves\b/g, 'themselves'],
  [/\bours\b/g, 'theirs'],
  [/\bour\b/g, 'their'],
  [/\bOur\b/g, 'Their'],
  [/\bus\b/g, 'them'],
];

/** Plain-text display of the LaTeX and ASCII conventions abstracts carry. */
export function plainText(sentence: string): string {
  return sentence
    .replace(/\\([%&_#$])/g, '$1')
    .replace(/\$([^$]{1,40})\$/g, '$1')
    .replace(/\s--\s/g, ' – ')
    .replace(/\s+/g, ' ')
    .trim();
}

function capitalise(text: string): string {
  return text.replace(/^(["'“(]?)([a-z])/, (_m, open: string, letter: string) => open + letter.toUpperCase());
}

/** Removes a dangling opening connective, however many are stacked ("However, finally, …"). */
export function dropConnectives(sentence: string): string {
  let text = sentence.trim();
  for (let guard = 0; guard < 3; guard += 1) {
    const next = text.replace(CONNECTIVE, '');
    if (next === text) break;
    text = capitalise(next);
  }
  return text;
}

/** Rewrites one abstract sentence for an answer (see the file comment). */
export function attributeSentence(sentence: string): string {
  let text = capitalise(dropConnectives(plainText(sentence)).replace(BACK_REFERENCE, ''));
  for (const [pattern, replacement] of FRAMING) text = text.replace(pattern, replacement);
  for (const [pattern, replacement] of FIRST_PERSON) text = text.replace(pattern, replacement);
  text = capitalise(text);
  return /[.!?]["')\]]?$/.test(text) ? text : `${text}.`;
}
