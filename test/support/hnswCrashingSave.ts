/**
 * Child process for the crash tests: saves a new version of the index in argv[2] and kills itself
 * with SIGKILL at the stage named by argv[3], exactly as a power cut or `kill -9` would.
 */
import type { AtomicDirHooks } from '../../src/store/atomicDir.js';
import { HnswStore } from '../../src/store/HnswStore.js';
import { randomVector, seededEmbeddings, seededRandom } from './syntheticVectors.js';

const [directory, stage] = process.argv.slice(2) as [string, keyof AtomicDirHooks];
const info = JSON.parse(process.argv[4] ?? '{}');
const embeddings = seededEmbeddings(info);
const store = await HnswStore.load(directory, embeddings);
const random = seededRandom(404);
await store.addVectors([randomVector(random, info.dimension)], [{ pageContent: '', metadata: { id: 'crash-added' } }]);
await store.save(directory, { [stage]: () => process.kill(process.pid, 'SIGKILL') });
