// A lint thread of `postmortem-lint` (bundled to dist/cli-worker.js beside dist/cli.js): it runs lintFile on the files
// the main thread hands it, one at a time, and sends back what the run prints for each.
import { parentPort } from 'node:worker_threads';
import { lintFile, type FileOutcome, type FileTask } from './lint-file';

export interface WorkerRequest {
  index: number;
  task: FileTask;
}
export interface WorkerReply {
  index: number;
  outcome: FileOutcome;
}

parentPort?.on('message', (req: WorkerRequest) => {
  const reply: WorkerReply = { index: req.index, outcome: lintFile(req.task) };
  parentPort?.postMessage(reply);
});
