// A full, compacting garbage collection of the calling thread's heap, for the end of the workspace index build only:
// thousands of parses leave garbage that V8's memory reducer gives back only after seconds of idle time (server RSS
// 158 MB → 119 MB at 2,000 postmortems), while the records the index keeps are a few MB. A plain full collection frees
// the garbage but keeps every page that still holds one live object, and the index's records are spread thinly over
// all the pages the build touched (in process at 2,000 postmortems: 32 MB live on 96 MB of old-space pages); compacting
// moves the live objects together so those pages go back to the system (96 → 33 MB).
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  try {
    if (!gc) {
      v8.setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    }
    v8.setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      v8.setFlagsFromString('--no-compact-on-every-full-gc');
    }
  } catch {
    // no gc to call: V8 collects on its own schedule
  }
}
