// A lint result crossing from the lint thread in pieces the main thread can take in between other work.
// postMessage's structured clone is deserialised in one go on the receiving thread: a 1 MB document's model and
// findings (~8 MB, ~120,000 objects) held the server's main thread for 150–300 ms, and a hover that came in meanwhile
// waited that long. Here the sending thread cuts the object graph into chunks (v8.serialize each) and the receiving
// thread deserialises one chunk per turn of the event loop, then puts the references between chunks back.
// Sharing is kept exactly as structured clone keeps it: an object reached twice (an item's section, a section's
// parent) is one object on the other side too. Plain objects and arrays are cut; anything else (Map, Date, …) is
// copied whole inside its chunk, as structured clone would copy it.
import { deserialize, serialize } from 'node:v8';

/** What crosses: the serialised chunks; `chunks[0]` holds the root. */
export interface GraphChunks {
  chunks: Uint8Array[];
}

/**
 * One chunk: entries (objects reached more than once, elements of long arrays, the root) copied with their references
 * to other entries left out, and those references as a flat list of (entry, target, path length, …path).
 */
interface Chunk {
  ids: number[];
  values: unknown[];
  refs: (string | number)[];
}

/** Objects per chunk: about 2–5 ms of deserialising on a quiet machine. */
const BUDGET = 3000;
/** Elements of arrays longer than this are entries of their own, so that one long array spreads over chunks. */
const WIDE = 32;
/** Deeper than this below an entry, the rest of the object is made an entry too (the copy recurses). */
const DEEP = 200;

function isPlain(v: unknown): v is Record<string, unknown> | unknown[] {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

type Holder = Record<string | number, unknown>;

/** Objects looked at by the first pass (which objects are shared) between two pauses: a few ms. */
const SEE_BUDGET = 10_000;

/**
 * Yielded by `encodeSteps` where it only paused (nothing to send): the first pass over a 1 MB document's model
 * (~120,000 objects) took 50–200 ms in one go, and a newer lint that came in meanwhile waited for it.
 */
export const PAUSE = new Uint8Array(0);

/** Cuts `root` into chunks (one chunk when it is not a plain object or array). */
export function encodeGraph(root: unknown): GraphChunks {
  const chunks: Uint8Array[] = [];
  for (const c of encodeSteps(root)) if (c !== PAUSE) chunks.push(c);
  return { chunks };
}

/**
 * `encodeGraph` a chunk at a time, each sent as it comes (or `PAUSE`, nothing to send yet): between two steps the
 * graph is whole again, so the thread may do other work (or drop the rest when a newer lint of the same document
 * makes it useless). The graph must not change meanwhile. Throws (after some chunks perhaps) where structured clone would (a function in the graph).
 */
export function* encodeSteps(root: unknown): Generator<Uint8Array, void> {
  if (isPlain(root)) yield* cut(root);
  else yield serialize({ ids: [0], values: [root], refs: [] } satisfies Chunk);
}

function* cut(root: object): Generator<Uint8Array, void> {
  // Pass 1: which objects become entries (reached twice, or an element of a long array): their id, else ONCE.
  const ONCE = -1;
  const ids = new Map<object, number>([[root, 0]]);
  const entries: object[] = [root];
  const stack: object[] = [root];
  const see = (x: unknown, wide: boolean) => {
    if (x === null || typeof x !== 'object') return;
    const id = ids.get(x);
    if (id === undefined) {
      if (!isPlain(x)) return;
      if (wide) {
        ids.set(x, entries.length);
        entries.push(x);
      } else ids.set(x, ONCE);
      stack.push(x);
    } else if (id === ONCE) {
      ids.set(x, entries.length);
      entries.push(x);
    }
  };
  let looked = 0;
  while (stack.length) {
    if (++looked % SEE_BUDGET === 0) yield PAUSE;
    const v = stack.pop() as Holder;
    if (Array.isArray(v)) {
      const wide = v.length > WIDE;
      for (let i = 0; i < v.length; i++) see(v[i], wide);
    } else for (const k in v) see(v[k], false);
  }
  // Pass 2: per chunk, take out each entry's references to other entries (recording where), serialise, put them back.
  let chunk: Chunk = { ids: [], values: [], refs: [] };
  let taken: unknown[] = [];
  let count = 0;
  const path: (string | number)[] = [];
  let id = 0;
  const take = (holder: Holder, k: string | number, x: object, target: number) => {
    if (!Reflect.set(holder, k, null)) throw new TypeError('a frozen object holds a shared one: the graph cannot be cut');
    taken.push(holder, k, x);
    chunk.refs.push(id, target, path.length + 1);
    for (const p of path) chunk.refs.push(p);
    chunk.refs.push(k);
  };
  const child = (holder: Holder, k: string | number, x: unknown, depth: number) => {
    if (x === null || typeof x !== 'object') return;
    let target = ids.get(x);
    if (target === undefined) return; // not plain: copied whole by the serialiser
    if (target === ONCE && depth >= DEEP) {
      target = entries.length;
      ids.set(x, target);
      entries.push(x);
    }
    if (target !== ONCE) take(holder, k, x, target);
    else {
      path.push(k);
      walk(x as Holder, depth + 1);
      path.pop();
    }
  };
  const walk = (v: Holder, depth: number): void => {
    count++;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) child(v, i, v[i], depth);
    else for (const k in v) child(v, k, v[k], depth);
  };
  const flush = (): Uint8Array => {
    let bytes: Uint8Array;
    try {
      bytes = serialize(chunk);
    } finally {
      for (let i = 0; i < taken.length; i += 3) (taken[i] as Holder)[taken[i + 1] as string | number] = taken[i + 2];
    }
    chunk = { ids: [], values: [], refs: [] };
    taken = [];
    count = 0;
    return bytes;
  };
  try {
    for (; id < entries.length; id++) {
      chunk.ids.push(id);
      chunk.values.push(entries[id]);
      walk(entries[id] as Holder, 0);
      if (count >= BUDGET) yield flush();
    }
    if (chunk.ids.length) yield flush();
  } finally {
    for (let i = 0; i < taken.length; i += 3) (taken[i] as Holder)[taken[i + 1] as string | number] = taken[i + 2];
  }
}

/** The graph back, one chunk per `pause` (a turn of the event loop), references between chunks restored. */
export async function decodeGraph(g: GraphChunks, pause: () => Promise<void>): Promise<unknown> {
  const d = new GraphDecoder();
  for (let i = 0; i < g.chunks.length; i++) {
    if (i > 0) await pause();
    d.take(g.chunks[i]);
  }
  return d.finish();
}

/** Takes chunks as they come (each a few ms), then the graph with the references between chunks restored. */
export class GraphDecoder {
  private readonly table: unknown[] = [];
  private readonly refs: (string | number)[][] = [];

  take(bytes: Uint8Array): void {
    const c = deserialize(bytes) as Chunk;
    for (let j = 0; j < c.ids.length; j++) this.table[c.ids[j]] = c.values[j];
    this.refs.push(c.refs);
  }

  finish(): unknown {
    const table = this.table;
    for (const refs of this.refs) {
      for (let i = 0; i < refs.length; ) {
        const entry = refs[i] as number;
        const target = refs[i + 1] as number;
        const n = refs[i + 2] as number;
        let o = table[entry] as Record<string | number, unknown>;
        for (let k = 0; k < n - 1; k++) o = o[refs[i + 3 + k]] as Record<string | number, unknown>;
        o[refs[i + 3 + n - 1]] = table[target];
        i += 3 + n;
      }
    }
    return table[0];
  }
}

/** A turn of the event loop: I/O (an incoming hover) is handled before the next chunk. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
