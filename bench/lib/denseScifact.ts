import fs from 'node:fs';
import path from 'node:path';
import type { HashedEmbeddings } from '../../src/embeddings/local/HashedEmbeddings.js';

/** SciFact's corpus, the train queries that have judgements, and those judgements (tuning data only). */
export interface ScifactTrain {
  docs: Array<{ id: string; text: string }>;
  queries: Array<{ id: string; text: string; relevant: Set<string> }>;
}

const readJsonl = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);

/** Undefined when the data is not beside the project (the bench then says what to download). */
export function loadScifactTrain(dir: string): ScifactTrain | undefined {
  const qrels = path.join(dir, 'qrels', 'train.tsv');
  if (!fs.existsSync(qrels) || !fs.existsSync(path.join(dir, 'corpus.jsonl'))) return undefined;
  const relevant = new Map<string, Set<string>>();
  for (const line of fs.readFileSync(qrels, 'utf8').split('\n').slice(1)) {
    const [q, doc, score] = line.split('\t');
    if (q && doc && Number(score) > 0) relevant.set(q, (relevant.get(q) ?? new Set()).add(doc));
  }
  const docs = readJsonl(path.join(dir, 'corpus.jsonl')).map((d) => ({ id: String(d._id), text: `${d.title ?? ''}\n${d.text ?? ''}` }));
  const queries = readJsonl(path.join(dir, 'queries.jsonl'))
    .filter((q) => relevant.has(String(q._id)))
    .map((q) => ({ id: String(q._id), text: String(q.text), relevant: relevant.get(String(q._id)) as Set<string> }));
  return { docs, queries };
}

function ndcgAt10(ranked: string[], relevant: Set<string>): number {
  let dcg = 0;
  ranked.slice(0, 10).forEach((id, i) => (dcg += relevant.has(id) ? 1 / Math.log2(i + 2) : 0));
  let ideal = 0;
  for (let i = 0; i < Math.min(10, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal ? dcg / ideal : 0;
}

/**
 * Dense leg alone by exact cosine (no HNSW, so the embedder is what is measured): nDCG@10 over the
 * train queries, and the embedder's CPU cost per 1,000 abstracts.
 */
export function denseScifact(data: ScifactTrain, embedder: HashedEmbeddings): { ndcg10: number; cpuMsPer1k: number } {
  const dim = embedder.info.dimension;
  const matrix = new Float32Array(data.docs.length * dim);
  const cpu = process.cpuUsage();
  data.docs.forEach((d, i) => matrix.set(embedder.embed(d.text), i * dim));
  const used = process.cpuUsage(cpu);
  const scores = new Float32Array(data.docs.length);
  let total = 0;
  for (const q of data.queries) {
    const v = Float32Array.from(embedder.embed(q.text));
    for (let i = 0, o = 0; i < scores.length; i++, o += dim) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += (matrix[o + j] as number) * (v[j] as number);
      scores[i] = s;
    }
    total += ndcgAt10(topIds(scores, data.docs, 10), q.relevant);
  }
  return { ndcg10: total / data.queries.length, cpuMsPer1k: ((used.user + used.system) / 1000 / data.docs.length) * 1000 };
}

function topIds(scores: Float32Array, docs: ScifactTrain['docs'], k: number): string[] {
  const best: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (best.length < k || (scores[i] as number) > (scores[best[best.length - 1] as number] as number)) {
      best.push(i);
      best.sort((a, b) => (scores[b] as number) - (scores[a] as number));
      if (best.length > k) best.pop();
    }
  }
  return best.map((i) => docs[i]!.id);
}
