// The language server's lint thread (bundled to dist/lint-worker.js): lint runs here so that the server's main
// thread keeps answering hover, completion and code actions while a big document is analysed.
// The result crosses back by structured clone; the parts that cannot (the line index, made of closures) or need not
// (the markdown tree) are dropped here and rebuilt or recomputed on the main thread.
import { parentPort } from 'node:worker_threads';
import { lint, type LintOptions } from '../engine/lint';
import { readArchive, type ArchiveReadOptions } from '../archive/entry';
import { collectGarbage } from './gc';
import { UnitCaches } from '../engine/parse-units';

/** Lint an open document's text; or (`archive`) read a file of the workspace index, with its findings when asked. */
export type LintRequest =
  | { id: number; text: string; options: LintOptions; doc?: string; archive?: undefined; gc?: undefined; forget?: undefined }
  | { id: number; text: string; archive: ArchiveReadOptions; gc?: undefined; forget?: undefined }
  | { id: number; gc: true; forget?: undefined }
  | { id: number; forget: string; gc?: undefined };

/** Each open document's parse cache: an edit re-parses only the sections it touched. */
const caches = new UnitCaches();

export type LintReply = { id: number; result: unknown } | { id: number; error: string };

parentPort?.on('message', (req: LintRequest) => {
  let reply: LintReply;
  try {
    if (req.forget !== undefined) {
      caches.forget(req.forget);
      reply = { id: req.id, result: null };
    } else if (req.gc) {
      collectGarbage();
      reply = { id: req.id, result: null };
    } else if (req.archive) reply = { id: req.id, result: readArchive(req.text, req.archive) };
    else {
      const result = lint(req.text, req.doc === undefined ? req.options : { ...req.options, parseCache: caches.for(req.doc) });
      const { tree: _tree, ...rest } = result;
      const { lines: _lines, ...model } = result.model;
      reply = { id: req.id, result: { ...rest, model } };
    }
  } catch (e) {
    reply = { id: req.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  try {
    parentPort?.postMessage(reply);
  } catch (e) {
    parentPort?.postMessage({ id: req.id, error: `result could not be sent back: ${e instanceof Error ? e.message : String(e)}` });
  }
});
