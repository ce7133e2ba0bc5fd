/** The `k` best (doc, score) pairs seen, in a min-heap: O(n log k) instead of sorting every match. */
export class TopK {
  private readonly docs: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  offer(doc: number, score: number): void {
    if (this.docs.length < this.k) {
      this.docs.push(doc);
      this.scores.push(score);
      this.up(this.docs.length - 1);
    } else if (this.better(doc, score, 0)) {
      this.docs[0] = doc;
      this.scores[0] = score;
      this.down(0);
    }
  }

  /** Best first; equal scores by document number, so results never depend on insertion order. */
  sorted(): Array<{ doc: number; score: number }> {
    return this.docs.map((doc, i) => ({ doc, score: this.scores[i] as number })).sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** True when (doc, score) ranks above the entry at `i`. */
  private better(doc: number, score: number, i: number): boolean {
    const s = this.scores[i] as number;
    return score > s || (score === s && doc < (this.docs[i] as number));
  }

  private swap(i: number, j: number): void {
    [this.docs[i], this.docs[j]] = [this.docs[j] as number, this.docs[i] as number];
    [this.scores[i], this.scores[j]] = [this.scores[j] as number, this.scores[i] as number];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(this.docs[parent] as number, this.scores[parent] as number, i)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.docs.length && this.better(this.docs[worst] as number, this.scores[worst] as number, l)) worst = l;
      if (r < this.docs.length && this.better(this.docs[worst] as number, this.scores[worst] as number, r)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
