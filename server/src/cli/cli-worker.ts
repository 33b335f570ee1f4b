// A lint thread of `postmortem-lint` (started from dist/cli-worker.js, the loader of dist/cli-core.js, beside
// dist/cli.js): it runs lintFile on the files the main thread hands it, one at a time, and sends back what the run
// prints for each. It says when it is ready, so that no file waits for a thread still loading while the main thread
// could lint it.
import { parentPort } from 'node:worker_threads';
import { lintFile, type FileOutcome, type FileTask } from './lint-file';

export interface WorkerRequest {
  index: number;
  task: FileTask;
}
/** `ready` once the linter is loaded; then one reply per request. */
export type WorkerReply = { ready: true } | { index: number; outcome: FileOutcome };

/** Serves the main thread's requests; `afterEach` runs after each reply is sent. */
export function serveWorker(afterEach?: () => void): void {
  parentPort?.on('message', (req: WorkerRequest) => {
    const reply: WorkerReply = { index: req.index, outcome: lintFile(req.task) };
    parentPort?.postMessage(reply);
    afterEach?.();
  });
  parentPort?.postMessage({ ready: true } satisfies WorkerReply);
}
