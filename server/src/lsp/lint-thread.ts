// The lint thread: open documents' lints, the workspace index's reads and the fixes a code action asks for, in one
// worker thread (dist/lint-worker.js), or in-process when there is none (tests from source, POSTMORTEM_LINT_WORKER=0)
// or it died. The analyses themselves (one per revision, shared by every face) are lsp/analysis.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { lint, type LintResult } from '../lint/lint';
import { createLineIndex } from '../model/lines';
import type { Postmortem } from '../model/types';
import type { LintReply, LintRequest } from './lint-worker';
import { readArchive, type ArchiveRead } from '../archive/entry';
import { collectGarbage } from './gc';
import { forgetRemembered } from '../model/memo';
import { UnitCaches } from '../model/parse-units';
import type { ReaderModelResult } from '../protocol';
import type { ReaderViewOptions } from '../reader/view';
import type { FixAnswer } from '../lint/fix-query';
import { GraphDecoder, nextTurn } from './graph-chunks';
import { decodeFindings } from './findings-codec';
import { applyModel, BaseMismatch, type HeldModel } from './model-delta-apply';
import type { ModelDelta } from './model-delta';
import { Superseded, localFixer, type ArchiveReader, type EarlyResult, type Fixer, type Linter } from './analysis';

const inProcessCaches = new UnitCaches();

/** Lint in-process (blocking the thread it runs on). */
export const inProcessLinter: Linter = (text, options, doc) =>
  Promise.resolve().then(() => lint(text, doc === undefined ? options : { ...options, parseCache: inProcessCaches.for(doc) }));
export const inProcessArchiveReader: ArchiveReader = (text, options) => Promise.resolve().then(() => readArchive(text, options));

/**
 * The lint thread: open documents' lints and the workspace index's reads, one at a time in one worker thread (the
 * index reads one file at a time, so an open document waits for at most one file). Falls back to in-process work
 * when the worker file is missing or the worker dies (logged once).
 */
export interface LintThread {
  lint: Linter;
  readArchive: ArchiveReader;
  /** The index build is done: collect the garbage its reads left, in the lint thread and here. */
  settle(): Promise<void>;
  /** The document closed: drop its parse cache. */
  forget(doc: string): void;
  /** The reader view of `doc`'s last analysis when it was of `text` (built where its markdown tree is); else undefined. */
  reader(doc: string, text: string, options: ReaderViewOptions): Promise<ReaderModelResult | undefined>;
  /** Fixes from an analysis this thread made (Analyzer's `fixer`). */
  fixes: Fixer;
}

const inProcessSettle = () =>
  Promise.resolve().then(() => {
    forgetRemembered();
    collectGarbage();
  });
export const inProcessThread: LintThread = {
  lint: inProcessLinter,
  readArchive: inProcessArchiveReader,
  settle: inProcessSettle,
  forget: (doc) => inProcessCaches.forget(doc),
  reader: () => Promise.resolve(undefined),
  fixes: localFixer,
};

export function lintThread(workerFile: string, log: (line: string) => void): LintThread {
  if (!fs.existsSync(workerFile)) return inProcessThread;
  let worker: Worker | undefined;
  let failed = false;
  let nextId = 1;
  /** Results that came from the worker: their findings have no fixes here; the worker builds them. */
  const fromWorker = new WeakSet<object>();
  /** `doc`: the document a lint is of (its model crosses as a change to the document's last one). */
  const waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void; early?: (r: unknown) => void; decoder?: GraphDecoder; doc?: string }>();
  /**
   * The chunks of every model, taken one per turn of the event loop in the order they came: a model is a change to
   * the one before it (of its document), which must be whole first.
   */
  let decoding: Promise<void> = Promise.resolve();
  /** The last model taken, per open document: the next one is built on it (lsp/model-delta-apply.ts). */
  const held = new Map<string, HeldModel>();
  /** A reply is in (or will never come): an idle thread lets the process exit. */
  const answered = (id: number) => {
    waiting.delete(id);
    if (waiting.size === 0) worker?.unref();
  };
  const start = (): Worker | undefined => {
    if (worker || failed) return worker;
    try {
      // a bounded young generation: with the default the thread's heap sat tens of MB above what it uses; with 3 MB
      // (semi-spaces of 1 MB, as the main thread's) GC took 16–22% of the thread and a keystroke at 200 KB 113–122 ms
      // against 90–99 ms with 16 MB, for ~10 MB more RSS (the 2,000-file index: 133 MB either way)
      // V8's --max-semi-space-size is the whole process's and wins over resourceLimits: with the server's own flag
      // (SERVER_EXEC_ARGV, 1 MB for the main thread) this thread got 1 MB semi-spaces too and a 20 KB keystroke's round
      // trip here took ~0.9 ms more (perf36). The flag is read when an isolate is made: unset for this one, the main
      // thread's young generation stays as it was started. So the "16 MB" above was in fact ~3 MB until perf36; given
      // the 16 MB, the language server over a 2,000-postmortem workspace took 154–155 MB of RSS (target ≤ 150 MB). 6 MB:
      // 142 MB (8 MB: 148, 4 MB: 143); warm keystrokes, 2 alternated rounds at load 1–2: 20 KB 4.5–4.9 ms (16 MB 3.9–4.3,
      // 8 MB 4.4–4.6), 200 KB 30.6–32.0 ms (16 MB 29.6–30.4).
      setFlagsFromString('--max-semi-space-size=0');
      const w = new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: 6 } });
      w.on('message', (reply: LintReply) => {
        const w8 = waiting.get(reply.id);
        if (!w8) return;
        // a lint's findings come first, as flat arrays read in one go (a few ms for ~8,000); then its model, in
        // chunks taken one per turn of the event loop (a hover meanwhile answers at once)
        if ('early' in reply) {
          w8.early?.(decodeFindings(reply.early));
          return;
        }
        if ('part' in reply) {
          const decoder = (w8.decoder ??= new GraphDecoder());
          const { part } = reply;
          decoding = decoding.then(nextTurn).then(() => (waiting.has(reply.id) ? decoder.take(part) : undefined));
          return;
        }
        if ('done' in reply) {
          const decoder = w8.decoder ?? new GraphDecoder();
          decoding = decoding.then(() => {
            if (!waiting.has(reply.id)) return;
            answered(reply.id);
            try {
              w8.resolve(taken(reply.id, w8.doc, decoder.finish()));
            } catch (e) {
              const doc = w8.doc;
              // the document closed while its model crossed (nobody reads it), or a model was lost: the next one whole
              const closed = e instanceof BaseMismatch && doc !== undefined && !held.has(doc);
              if (doc !== undefined) {
                held.delete(doc);
                if (worker === w) w.postMessage({ id: nextId++, resetModel: doc } satisfies LintRequest);
              }
              w8.reject(closed ? new Superseded() : e instanceof Error ? e : new Error(String(e)));
            }
          });
          return;
        }
        answered(reply.id);
        if ('error' in reply) w8.reject(new Error(reply.error));
        else if ('superseded' in reply) w8.reject(new Superseded());
        else w8.resolve(reply.result);
      });
      const die = (why: string) => {
        if (worker !== w) return;
        worker = undefined;
        failed = true;
        log(`the lint thread stopped (${why}); linting on the main thread from now on`);
        for (const [id, w8] of waiting) {
          answered(id);
          w8.reject(new Error(`lint thread stopped: ${why}`));
        }
      };
      w.on('error', (e) => die(e instanceof Error ? e.message : String(e)));
      w.on('exit', (code) => die(`exit code ${code}`));
      // after the listeners (a 'message' listener refs the worker's port again); `send` refs it while a reply is due:
      // an idle thread keeps no process alive (a test, a tool), one with work pending does
      w.unref();
      worker = w;
    } catch (e) {
      failed = true;
      log(`could not start the lint thread (${e instanceof Error ? e.message : String(e)}); linting on the main thread`);
    }
    return worker;
  };
  /** A model that crossed (a change to the document's last one, lsp/model-delta.ts) as `{ model }`. */
  const taken = (id: number, doc: string | undefined, raw: unknown): unknown => {
    const d = raw as ModelDelta;
    if (!d || d.delta !== true) return raw;
    const h = applyModel(id, doc === undefined ? undefined : held.get(doc), d);
    if (doc !== undefined) held.set(doc, h);
    return { model: h.model };
  };
  const send = (w: Worker, req: LintRequest, early?: (r: unknown) => void) =>
    new Promise<unknown>((resolve, reject) => {
      if (waiting.size === 0) w.ref();
      waiting.set(req.id, { resolve, reject, early, doc: 'options' in req && !req.archive ? req.doc : undefined });
      w.postMessage(req);
    });
  return {
    lint: (text, options, doc, early, demand) => {
      const w = start();
      if (!w) return inProcessLinter(text, options, doc);
      let findings: EarlyResult | undefined;
      const heard = (r: unknown) => {
        findings = r as EarlyResult;
        // code actions ask for fixes with these findings, before the model is here: the worker builds them
        fromWorker.add(findings);
        early?.(findings);
      };
      // nobody waits for the model yet: the thread may hold it back until someone does (ModelDemand)
      const id = nextId++;
      const deferModel = doc !== undefined && demand !== undefined && !demand.wanted;
      if (deferModel) demand.onWant(() => waiting.has(id) && worker === w && w.postMessage({ id: nextId++, hurry: id } satisfies LintRequest));
      return send(w, { id, text, options, doc, deferModel }, heard).then((raw) => {
        const result = revive({ ...findings, ...(raw as object) }, text);
        fromWorker.add(result);
        return result;
      });
    },
    readArchive: (text, options) => {
      const w = start();
      if (!w) return inProcessArchiveReader(text, options);
      return send(w, { id: nextId++, text, archive: options }) as Promise<ArchiveRead>;
    },
    settle: async () => {
      const w = worker;
      if (w) await send(w, { id: nextId++, gc: true }).catch(() => undefined);
      collectGarbage();
    },
    forget: (doc) => {
      inProcessCaches.forget(doc);
      held.delete(doc);
      if (worker) void send(worker, { id: nextId++, forget: doc }).catch(() => undefined);
    },
    reader: async (doc, text, options) => {
      const w = worker;
      if (!w) return undefined;
      const r = await send(w, { id: nextId++, reader: { doc, text, options } }).catch(() => null);
      return (r as ReaderModelResult | null) ?? undefined;
    },
    fixes: (doc, text, options, result, query) => {
      if (!fromWorker.has(result)) return localFixer(doc, text, options, result, query);
      const w = start();
      // the worker died since: lint here once more, the findings then build their fixes on this thread
      if (!w) return inProcessLinter(text, options, doc).then((r) => localFixer(doc, text, options, r, query));
      return send(w, { id: nextId++, fixes: { doc, text, options, query } }) as Promise<FixAnswer>;
    },
  };
}

/**
 * The worker's result with the parts that could not cross threads rebuilt (the line index), put back (the text, which
 * the worker does not send back) or left to be redone (tree).
 */
function revive(raw: unknown, text: string): LintResult {
  const r = raw as Omit<LintResult, 'model'> & { model: Omit<Postmortem, 'lines' | 'text'> };
  const model = { ...r.model, text, lines: createLineIndex(text) } as Postmortem;
  return { ...r, model };
}

/** dist/lint-worker.js next to the bundled server (dist/server.js). */
export function defaultWorkerFile(): string {
  return path.join(__dirname, 'lint-worker.js');
}
