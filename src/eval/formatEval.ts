import type { EvalResult, EvalSummary } from './evalMetrics.js';
import type { EvalReport } from './runEval.js';

/** Issue 2's targets, shown beside the figures. */
const ROWS: Array<[keyof EvalSummary, string, string]> = [
  ['hit_at_1', 'hit@1', '>= 0.95'],
  ['hit_at_3', 'hit@3', ''],
  ['mrr', 'MRR', ''],
  ['citation_precision', 'citation precision', '>= 0.97'],
  ['abstain_precision', 'abstain precision', ''],
  ['abstain_recall', 'abstain recall', '>= 0.85'],
  ['false_abstain_rate', 'false abstain rate', '<= 0.05'],
];

const fixed = (v: number | null) => (v === null ? '—' : v.toFixed(3));
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Why a result counts against the figures, or null when it is right. */
export function missReason(r: EvalResult): string | null {
  if (r.expected.length === 0) return r.abstained ? null : `answered, should abstain (cited ${r.cited.join(', ') || 'nothing'})`;
  if (r.abstained) return `abstained, should answer (expected ${r.expected.join(', ')})`;
  if (!r.expected.includes(r.ranked[0] ?? '')) return `ranked ${r.ranked[0] ?? 'nothing'} first (expected ${r.expected.join(', ')})`;
  const wrong = r.cited.filter((id) => !r.expected.includes(id));
  return wrong.length ? `cited ${wrong.join(', ')} (not expected)` : null;
}

/** The eval as a terminal shows it: the figures against the targets, then each question that missed. */
export function formatEval(report: EvalReport, heading: string): string {
  const { summary } = report;
  const lines = [heading, `${summary.n} questions, ${summary.answerable} answerable`, '', `${'metric'.padEnd(20)}${'value'.padEnd(8)}target`];
  for (const [key, label, target] of ROWS) lines.push(`${label.padEnd(20)}${fixed(summary[key]).padEnd(8)}${target}`);
  const misses = report.results.map((r) => [r, missReason(r)] as const).filter(([, why]) => why !== null);
  lines.push('', misses.length ? `Misses (${misses.length}):` : 'No misses.');
  for (const [r, why] of misses) lines.push(`  - "${clip(r.question, 70)}": ${why}`);
  return lines.join('\n');
}
