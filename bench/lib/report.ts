import path from 'node:path';

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export const fmt = (n: number | null | undefined, digits = 3): string => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));

export function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Runs a bench module's `run` when the file is executed directly (`npx tsx bench/x.ts`). */
export async function runIfMain(url: string, run: (args: string[]) => Promise<{ title: string; markdown: string }>): Promise<void> {
  if (process.argv[1] && url === `file://${path.resolve(process.argv[1])}`) {
    const section = await run(process.argv.slice(2));
    process.stdout.write(`## ${section.title}\n\n${section.markdown}\n`);
  }
}
