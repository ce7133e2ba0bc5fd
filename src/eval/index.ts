export { summarise, type EvalResult, type EvalSummary } from './evalMetrics.js';
export { formatEval, missReason } from './formatEval.js';
export { loadQuestions, parseQuestions, type EvalQuestion } from './loadQuestions.js';
export { runEval, type EvalOptions, type EvalReport } from './runEval.js';
