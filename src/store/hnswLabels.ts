import type { DocumentInterface } from '@langchain/core/documents';
import { FootnoteError } from '../errors/index.js';
import type { HnswManifest, ManifestEntry } from './hnswManifest.js';

/**
 * hnswlib knows vectors by integer label; Footnote by paper id. This table maps one to the other,
 * keeps each label's document, and recycles the labels of deleted papers so the graph does not
 * grow with churn.
 */
export class HnswLabels {
  private readonly byId = new Map<string, number>();
  private readonly docs = new Map<number, DocumentInterface>();

  constructor(
    private readonly free: number[] = [],
    private next = 0,
  ) {}

  static fromManifest(manifest: Pick<HnswManifest, 'entries' | 'freeLabels' | 'nextLabel'>): HnswLabels {
    const table = new HnswLabels([...manifest.freeLabels], manifest.nextLabel);
    for (const { id, label, pageContent = '', metadata = { id } } of manifest.entries) table.put(id, label, { pageContent, metadata, id });
    return table;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Labels ever handed out, deleted ones included: the slots the graph holds. */
  get allocated(): number {
    return this.next;
  }

  /** How many slots the graph will hold once `ids` are assigned. */
  allocatedAfter(ids: readonly string[]): number {
    const fresh = new Set(ids.filter((id) => !this.byId.has(id))).size;
    return this.next + Math.max(0, fresh - this.free.length);
  }

  labelOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The paper's label: its current one, else a recycled one, else a new one. */
  assign(id: string, doc: DocumentInterface): number {
    const label = this.byId.get(id) ?? this.free.pop() ?? this.next++;
    this.put(id, label, { pageContent: doc.pageContent, metadata: { ...doc.metadata, id }, id });
    return label;
  }

  /** Forgets a paper and returns its label for the caller to mark deleted in the graph. */
  release(id: string): number | undefined {
    const label = this.byId.get(id);
    if (label === undefined) return undefined;
    this.byId.delete(id);
    this.docs.delete(label);
    this.free.push(label);
    return label;
  }

  docAt(label: number): DocumentInterface {
    const doc = this.docs.get(label);
    if (doc === undefined) throw new FootnoteError('internal', `HNSW label ${label} has no document`, { label });
    return doc;
  }

  passes(label: number, filter: (doc: DocumentInterface) => boolean): boolean {
    const doc = this.docs.get(label);
    return doc !== undefined && filter(doc);
  }

  toManifest(): Pick<HnswManifest, 'entries' | 'freeLabels' | 'nextLabel'> {
    const entries = [...this.byId].map(([id, label]): ManifestEntry => {
      const { pageContent, metadata } = this.docAt(label);
      const onlyId = Object.keys(metadata).length === 1 && metadata.id === id;
      return { label, id, ...(pageContent ? { pageContent } : {}), ...(onlyId ? {} : { metadata }) };
    });
    return { entries, freeLabels: [...this.free], nextLabel: this.next };
  }

  private put(id: string, label: number, doc: DocumentInterface): void {
    this.byId.set(id, label);
    this.docs.set(label, doc);
  }
}
