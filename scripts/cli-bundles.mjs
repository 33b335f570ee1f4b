// The CLI's bundles (server/src/cli/bin.ts explains the layout): dist/cli.js and dist/cli-worker.js are small loaders
// of dist/cli-core.js, the linter, which they load with V8's code cache. Used by build.mjs and by the CLI's tests, which
// build the binary into a private folder.
import * as path from 'node:path';

/** esbuild entries for the three files, written into `outdir` (entry paths relative to `root`). */
export function cliEntries(root, outdir) {
  const src = (f) => path.join(root, 'server', 'src', 'cli', f);
  return [
    { entryPoints: [src('bin.ts')], outfile: path.join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
    // the CLI's lint threads (server/src/cli/pool.ts starts them from dist/ beside cli.js)
    { entryPoints: [src('worker-bin.ts')], outfile: path.join(outdir, 'cli-worker.js') },
    { entryPoints: [src('core.ts')], outfile: path.join(outdir, 'cli-core.js') },
  ];
}
