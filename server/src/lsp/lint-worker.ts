// The language server's lint thread (bundled to dist/lint-worker.js): lint runs here so that the server's main
// thread keeps answering hover, completion and code actions while a big document is analysed.
// The result crosses back by structured clone; the parts that cannot (the line index, made of closures) or need not
// (the markdown tree) are dropped here and rebuilt or recomputed on the main thread.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { lint, type LintOptions, type LintResult } from '../lint/lint';
import { answerFixQuery, type FixQuery } from '../lint/fix-query';
import { readerView, type ReaderViewOptions } from '../reader/view';
import { readArchive, type ArchiveReadOptions } from '../archive/entry';
import { collectGarbage } from './gc';
import { forgetRemembered } from '../model/memo';
import { UnitCaches } from '../model/parse-units';
import { encodeSteps, PAUSE } from './graph-chunks';
import { encodeModelSteps, type SentModel } from './model-delta';
import type { Postmortem } from '../model/types';
import { encodeFindings, type EncodedFindings } from './findings-codec';

/** Lint an open document's text; or (`archive`) read a file of the workspace index, with its findings when asked. */
export type LintRequest =
  | { id: number; text: string; options: LintOptions; doc?: string; deferModel?: boolean; archive?: undefined; gc?: undefined; forget?: undefined; reader?: undefined; fixes?: undefined }
  | { id: number; text: string; archive: ArchiveReadOptions; gc?: undefined; forget?: undefined; fixes?: undefined }
  | { id: number; gc: true; forget?: undefined; fixes?: undefined }
  | { id: number; forget: string; gc?: undefined; fixes?: undefined }
  | { id: number; reader: { doc: string; text: string; options: ReaderViewOptions }; gc?: undefined; forget?: undefined; archive?: undefined; fixes?: undefined }
  | { id: number; fixes: { doc: string; text: string; options: LintOptions; query: FixQuery }; reader?: undefined; gc?: undefined; forget?: undefined; archive?: undefined }
  /** The model of lint `hurry`, held back (`deferModel`), is wanted now: no reply. */
  | { id: number; hurry: number; reader?: undefined; gc?: undefined; forget?: undefined; archive?: undefined; fixes?: undefined }
  /** The main thread could not build a model of `doc` on its last one: send the next one whole. No reply. */
  | { id: number; resetModel: string; reader?: undefined; gc?: undefined; forget?: undefined; archive?: undefined; fixes?: undefined };

/**
 * Each open document's parse cache: an edit re-parses only the sections it touched, and the sections after it are
 * moved in place (not copied): a lint's markdown tree is then valid until the next lint of its document, and only
 * `kept` holds trees here (each document's last analysis: replaced by every lint of it). No model holds a tree.
 */
const caches = new UnitCaches(8, true);
/**
 * The last analyses (with their markdown trees and their findings' fixes, built when asked), for the reader view and the
 * fixes of the same text: the two documents linted last. `options` is the JSON of the options they were linted with.
 */
const kept = new Map<string, { result: LintResult; options: string }>();
const KEEP = 2;

/** The kept analysis of exactly this text and these options, if any. */
function keptFor(doc: string, text: string, options: LintOptions): LintResult | undefined {
  const k = kept.get(doc);
  return k && k.result.model.text === text && k.options === JSON.stringify(options) ? k.result : undefined;
}

function keep(doc: string, result: LintResult, options: LintOptions): void {
  kept.delete(doc);
  kept.set(doc, { result, options: JSON.stringify(options) });
  for (const old of kept.keys()) {
    if (kept.size <= KEEP) break;
    kept.delete(old);
  }
}

/**
 * `early`: a lint's findings (as flat arrays: lsp/findings-codec.ts), before the model (without the text the asker
 * already has), which comes as `part`s then `done`, cut into chunks the main thread takes one at a time
 * (lsp/graph-chunks.ts). `superseded`: the model was
 * dropped for a newer lint of the same document.
 */
export type LintReply =
  | { id: number; result: unknown }
  | { id: number; error: string }
  | { id: number; early: EncodedFindings }
  | { id: number; part: Uint8Array }
  | { id: number; done: true }
  | { id: number; superseded: true };

/**
 * The model being sent, a chunk per turn of this thread's event loop: a newer lint of the same document (typing on)
 * makes it useless and drops it (`superseded`), so the next keystroke's lint does not wait for a model nobody reads.
 */
type Sending = { id: number; doc: string | undefined; steps: Generator<Uint8Array, void> };
let sending: Sending | undefined;
/**
 * The model to send once `sending` is all there: set only while a document's first model is still crossing (it is
 * never dropped) and a newer lint of that document came in; the newest such lint's model, older ones `superseded`.
 * `deferrable`: nobody has asked for it and its lint came while the user typed on: then it is held back (`deferred`)
 * once the first model is all there, not sent, unless a `hurry` for it came meanwhile.
 */
let next: { id: number; doc: string | undefined; model: Postmortem; deferrable: boolean } | undefined;
/**
 * Documents whose model the main thread has had at least once: a first one is never dropped (until it is there,
 * hover has no earlier analysis to answer from).
 */
const delivered = new Set<string>();

/**
 * How long a model nobody has asked for yet (`deferModel`), of a lint that came while the user types on, waits before
 * it is sent. A newer lint of the same document within that time drops it unsent: while the user types, no keystroke's
 * model is copied across (at 20–200 KB the copy
 * cost the two threads half (20 KB) to four fifths (200 KB) of the lint's CPU, right when the next keystroke's lint runs). A hover, code lens or
 * symbols request sends it at once (`hurry`); so does another request that settles the thread's sending.
 */
export const MODEL_DELAY_MS = 200;
/**
 * When each open document's last findings were posted: a model is held back only while the user types on (this lint
 * came within MODEL_DELAY_MS of the last one's findings). An edit after a pause sends its model at once, as before:
 * a hover soon after it finds the model there, and its copy does not land on the next edit.
 */
const findingsPostedAt = new Map<string, number>();
/** The model held back, at most one: every request that settles the sending settles it first. */
let deferred: { id: number; doc: string; model: Postmortem; timer: ReturnType<typeof setTimeout> } | undefined;

/** The held-back model goes now, a chunk per turn (after whatever is being sent, finished first). */
function sendDeferred(): void {
  const d = deferred;
  if (!d) return;
  deferred = undefined;
  clearTimeout(d.timer);
  if (sending || next) settleSending(undefined, false);
  send(d.id, d.doc, d.model);
}

/** One more step of the model being sent (a chunk, or a pause in the first pass); false when it is all sent (or failed). */
function sendStep(s: Sending): boolean {
  let reply: LintReply;
  try {
    const r = s.steps.next();
    if (!r.done) {
      if (r.value !== PAUSE) post({ id: s.id, part: r.value });
      return true;
    }
    reply = { id: s.id, done: true };
    if (s.doc !== undefined) delivered.add(s.doc);
  } catch (e) {
    reply = { id: s.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  post(reply);
  return false;
}

/** Sends `me` a chunk per turn, then the `next` model if one waits. */
function run(me: Sending): void {
  sending = me;
  const step = () => {
    if (sending !== me) return;
    if (sendStep(me)) {
      setImmediate(step);
      return;
    }
    sending = undefined;
    const n = next;
    next = undefined;
    if (!n) return;
    // a model nobody has asked for, of a lint that came while the user typed on (the first keystrokes after opening a
    // long document), is held back like any such model: the next keystroke drops it unsent (comparing it with the
    // first model and sending it took the lint thread ~170 ms at 1 MB, among the first keystrokes)
    if (n.deferrable && n.doc !== undefined && delivered.has(n.doc)) deferred = { id: n.id, doc: n.doc, model: n.model, timer: setTimeout(sendDeferred, MODEL_DELAY_MS) };
    else send(n.id, n.doc, n.model);
  };
  setImmediate(step);
}

function send(id: number, doc: string | undefined, model: Postmortem): void {
  run({ id, doc, steps: modelSteps(id, doc, model) });
}

/**
 * The last model the main thread took, per open document: the next one crosses as a change to it (lsp/model-delta.ts),
 * so a keystroke sends one section's items and sections, not a 1 MB document's ~150,000 objects.
 */
const sentModels = new Map<string, SentModel>();
/** Per document, how many times the main thread asked for a whole model (a model being sent then is not kept). */
const resets = new Map<string, number>();

/**
 * Lint `id`'s model in chunks, as a change to the document's last model taken; worked out in the first steps (the
 * model before it is then all sent: one model crosses at a time) and kept once the last chunk is out.
 */
function* modelSteps(id: number, doc: string | undefined, whole: Postmortem): Generator<Uint8Array, void> {
  const { lines: _lines, text: _text, ...model } = whole;
  const generation = doc === undefined ? 0 : (resets.get(doc) ?? 0);
  // the comparison pauses every few hundred entries (a newer lint of the document may come and drop this model)
  const comparing = encodeModelSteps(id, whole, model as unknown as Record<string, unknown>, doc === undefined ? undefined : sentModels.get(doc));
  let r = comparing.next();
  while (!r.done) {
    yield PAUSE;
    r = comparing.next();
  }
  const { delta, sent } = r.value;
  yield* encodeSteps(delta);
  if (doc !== undefined && (resets.get(doc) ?? 0) === generation) sentModels.set(doc, sent);
}

/**
 * Before a request: drop the model being sent when `doc`'s newer lint (or its closing) makes it useless, else finish
 * it (and the model waiting after it) here and now.
 */
function settleSending(doc: string | undefined, drop: boolean): void {
  const d = deferred;
  if (d) {
    deferred = undefined;
    clearTimeout(d.timer);
    if (drop && d.doc === doc) post({ id: d.id, superseded: true });
    else {
      const me: Sending = { id: d.id, doc: d.doc, steps: modelSteps(d.id, d.doc, d.model) };
      while (sendStep(me));
    }
  }
  const s = sending;
  sending = undefined;
  if (s) {
    if (drop && s.doc === doc && doc !== undefined && delivered.has(doc)) {
      s.steps.return();
      post({ id: s.id, superseded: true });
    } else while (sendStep(s));
  }
  const n = next;
  next = undefined;
  if (!n) return;
  if (drop && n.doc === doc && doc !== undefined) post({ id: n.id, superseded: true });
  else {
    const me: Sending = { id: n.id, doc: n.doc, steps: modelSteps(n.id, n.doc, n.model) };
    while (sendStep(me));
  }
}

/**
 * A lint of `doc` while its first model is still crossing (the first keystroke after opening a big document): that
 * model keeps crossing a chunk per turn and this lint's findings go out as soon as they are found, so the edit's
 * squiggles do not wait for the old model (~100 ms at 200 KB; the 1 MB keystroke's p90); this lint's own model waits
 * behind it (`next`). False otherwise: the caller settles the model being sent as usual.
 */
function holdFirst(doc: string | undefined): boolean {
  const s = sending;
  if (!s || doc === undefined || s.doc !== doc || delivered.has(doc)) return false;
  if (next) post({ id: next.id, superseded: true });
  next = undefined;
  return true;
}

function post(reply: LintReply): void {
  try {
    parentPort?.postMessage(reply);
  } catch (e) {
    parentPort?.postMessage({ id: reply.id, error: `result could not be sent back: ${e instanceof Error ? e.message : String(e)}` });
  }
}

parentPort?.on('message', (req: LintRequest) => {
  if ('hurry' in req) {
    if (deferred?.id === req.hurry) sendDeferred();
    // waiting behind a document's first model: sent as soon as that one is all there
    if (next?.id === req.hurry) next.deferrable = false;
    return;
  }
  if ('resetModel' in req) {
    sentModels.delete(req.resetModel);
    resets.set(req.resetModel, (resets.get(req.resetModel) ?? 0) + 1);
    return;
  }
  // a lint (or a document closing) first settles the model being sent: dropped when it is the same document's, else
  // finished (so are the index's reads and a fix query that must lint again); the reader view, gc and a fix query
  // answered from a kept analysis only read: Ctrl+. right after an edit need not wait for the model to cross
  // (a document's first model keeps crossing instead, this lint's model after it: holdFirst)
  let held = false;
  const fixesFrom = req.fixes ? keptFor(req.fixes.doc, req.fixes.text, req.fixes.options) : undefined;
  if (req.forget !== undefined) {
    settleSending(req.forget, true);
    delivered.delete(req.forget);
    sentModels.delete(req.forget);
    resets.delete(req.forget);
  } else if ('options' in req && !req.archive) {
    held = holdFirst(req.doc);
    if (!held) settleSending(req.doc, true);
  } else if ((req.fixes && !fixesFrom) || ('archive' in req && req.archive)) settleSending(undefined, false);
  let reply: LintReply | undefined;
  try {
    if ('reader' in req && req.reader) {
      // the analysis of exactly this text, or null: the main thread builds it then
      const r = kept.get(req.reader.doc)?.result;
      reply = { id: req.id, result: r && r.model.text === req.reader.text ? readerView(r, req.reader.options) : null };
    } else if (req.fixes) {
      // the kept analysis of this text, or (when two other documents were linted since) the same lint once more
      const { doc, text, options, query } = req.fixes;
      let result = fixesFrom;
      if (!result) {
        result = lint(text, { ...options, parseCache: caches.for(doc) });
        keep(doc, result, options);
      }
      reply = { id: req.id, result: answerFixQuery(result, query) };
    } else if (req.forget !== undefined) {
      caches.forget(req.forget);
      kept.delete(req.forget);
      findingsPostedAt.delete(req.forget);
      reply = { id: req.id, result: null };
    } else if (req.gc) {
      // the index's build is over: the answers remembered from thousands of files are no open document's
      forgetRemembered();
      collectGarbage();
      reply = { id: req.id, result: null };
    } else if (req.archive) reply = { id: req.id, result: readArchive(req.text, req.archive) };
    else {
      const since = req.doc === undefined ? undefined : findingsPostedAt.get(req.doc);
      const typingOn = since !== undefined && performance.now() - since < MODEL_DELAY_MS;
      const result = lint(req.text, req.doc === undefined ? req.options : { ...req.options, parseCache: caches.for(req.doc) });
      if (req.doc !== undefined) keep(req.doc, result, req.options);
      const { tree: _tree, model: whole, ...other } = result;
      // the findings first, without their fixes (built here when a code action asks: a fifth of the rules' time):
      // the squiggles need only them, and copying the model across (the larger part, ~100 ms at 200 KB) then
      // overlaps with publishing them
      post({ id: req.id, early: encodeFindings(other) });
      if (req.doc !== undefined) findingsPostedAt.set(req.doc, performance.now());
      const model = whole;
      if (held && sending) next = { id: req.id, doc: req.doc, model, deferrable: !!req.deferModel && typingOn };
      else if (req.deferModel && req.doc !== undefined && delivered.has(req.doc) && typingOn) {
        deferred = { id: req.id, doc: req.doc, model, timer: setTimeout(sendDeferred, MODEL_DELAY_MS) };
      } else send(req.id, req.doc, model);
    }
  } catch (e) {
    reply = { id: req.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  if (reply) post(reply);
});
