/**
 * Phrases folded to one token before stemming, on both the question and the abstracts, so that
 * "large language models" and "LLMs" count as the same term. Kept small and domain-general.
 */
export const PHRASES: Array<[RegExp, string]> = [
  [/\blarge[- ]language[- ]models?\b/gi, 'LLM'],
  [/\blanguage[- ]models?\b/gi, 'LM'],
  [/\bfine[- ]tun(e|es|ed|ing)\b/gi, 'finetun$1'],
  [/\blow[- ]rank adaptation\b/gi, 'LoRA'],
  [/\bvisual question answering\b/gi, 'VQA'],
  [/\bout[- ]of[- ]distribution\b/gi, 'OOD'],
  [/\bmachine learning\b/gi, 'ML'],
  [/\bconvolutional neural networks?\b/gi, 'CNN'],
  [/\bnatural language processing\b/gi, 'NLP'],
  [/\bcentered kernel alignment\b/gi, 'CKA'],
  [/\bshapley taylor interaction ind(ex|ices)\b/gi, 'STII'],
  [/\breinforcement learning from human feedback\b/gi, 'RLHF'],
  [/\bn-gram\b/gi, 'ngram'],
  [/\$n\$-gram/gi, 'ngram'],
];

/**
 * Groups of stems that answer for each other when matching a question to a sentence. The first
 * stem of a group is the canonical one. Stems are wink-nlp's Porter stems.
 */
const GROUPS: string[][] = [
  ['llm', 'lm', 'gpt', 'chatgpt'],
  ['outperform', 'surpass', 'beat', 'exceed', 'better', 'transcend'],
  ['human', 'peopl', 'person', 'expert', 'player'],
  ['acceler', 'speed', 'faster', 'quicker'],
  ['cost', 'comput', 'flop', 'expens', 'effici'],
  ['reduct', 'reduc', 'save', 'cut', 'lower', 'decreas', 'shrink'],
  ['refus', 'declin', 'reject'],
  ['bias', 'prejudic', 'unfair', 'discrimin'],
  ['memor', 'regurgit', 'recit', 'verbatim'],
  ['interpret', 'explain', 'explan', 'understand'],
  ['astronom', 'astronomi', 'astrophys', 'cosmolog', 'galaxi', 'telescop', 'survey'],
  ['imag', 'vision', 'visual', 'pictur', 'photo'],
  ['speech', 'audio', 'phonet', 'phonem', 'spoken'],
  ['histori', 'histor', 'past', 'era'],
  ['polit', 'ideolog', 'partisan', 'conserv', 'liber'],
  ['sport', 'footbal', 'nfl', 'fandom', 'fan', 'team'],
  ['evalu', 'assess', 'measur', 'metrolog', 'benchmark', 'leaderboard'],
  ['finetun', 'adapt'],
  ['train', 'learn', 'optim'],
  ['ood', 'shift', 'unseen'],
  ['chess', 'game'],
  ['guardrail', 'safeti', 'censor'],
  ['nonlinear', 'interact'],
  ['terminolog', 'term', 'jargon', 'definit', 'defin', 'mean', 'sens', 'notion'],
  ['dataset', 'data', 'corpus'],
  ['systemat', 'composit', 'combin'],
];

const CANONICAL = new Map<string, string>();
for (const group of GROUPS) for (const stem of group) if (!CANONICAL.has(stem)) CANONICAL.set(stem, group[0] as string);

/** The canonical stem for matching: synonyms share one. */
export function canonicalStem(stem: string): string {
  return CANONICAL.get(stem) ?? stem;
}

export function foldPhrases(text: string): string {
  return PHRASES.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}
