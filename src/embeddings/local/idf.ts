import { IDF_LINES } from './idfTable.js';

let table: Map<string, number> | undefined;

/** Fixed IDF of a stem in (0, 1]: common research words weigh little, rare ones (absent from the table) 1. */
export function idfOf(stem: string): number {
  if (!table) {
    table = new Map();
    for (const line of IDF_LINES.split('\n')) {
      const space = line.indexOf(' ');
      table.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  }
  return table.get(stem) ?? 1;
}
