// The CLI's bundles (server/src/cli/bin.ts explains the layout): dist/cli.js and dist/cli-worker.js are small loaders
// of dist/cli-core.js, the linter, which they load with V8's code cache. Used by build.mjs and by the CLI's tests, which
// build the binary into a private folder.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** esbuild entries for the three files, written into `outdir` (entry paths relative to `root`). */
export function cliEntries(root, outdir) {
  const src = (f) => path.join(root, 'server', 'src', 'cli', f);
  return [
    { entryPoints: [src('bin.ts')], outfile: path.join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
    // the CLI's lint threads (server/src/cli/pool.ts starts them from dist/ beside cli.js)
    { entryPoints: [src('worker-bin.ts')], outfile: path.join(outdir, 'cli-worker.js') },
    { entryPoints: [src('core.ts')], outfile: path.join(outdir, 'cli-core.js'), plugins: [asciiOutput()] },
  ];
}

// esbuild writes non-ASCII characters as escapes in strings, but leaves them as they are in regular-expression
// literals, and the linter's expressions hold many (’, ✅, 负责人…). One such character makes node decode the whole
// 2.3 MB bundle as UTF-8 into a two-byte string, which every thread of a run reads and compiles: with them escaped,
// reading and compiling it took ~20 ms less CPU a thread (8 alternated loads, 2-core machine at load 12), ~4% of a
// run over one file. In an expression `\uXXXX` means the character itself, with or without the `u` flag (a surrogate
// pair written as two escapes is one code point under `u`); `\’` (an identity escape, only valid without `u`) becomes
// `\u2019`. The source map's columns are moved to match.

/** An esbuild plugin: once the build has written its output file, rewrites it (and its map) ASCII-only. */
export function asciiOutput() {
  return {
    name: 'ascii-output',
    setup(build) {
      build.onEnd((result) => {
        const out = build.initialOptions.outfile;
        if (result.errors.length === 0 && out && fs.existsSync(out)) asciiFile(out);
      });
    },
  };
}

/** Rewrites a JavaScript file (and `file.map` beside it, if any) with its non-ASCII characters escaped. */
export function asciiFile(file) {
  const code = fs.readFileSync(file, 'utf8');
  const escaped = escapeNonAscii(code);
  if (escaped.code === code) return;
  fs.writeFileSync(file, escaped.code);
  const map = `${file}.map`;
  if (!fs.existsSync(map)) return;
  const json = JSON.parse(fs.readFileSync(map, 'utf8'));
  json.mappings = moveColumns(json.mappings, escaped.moves);
  fs.writeFileSync(map, JSON.stringify(json));
}

/**
 * `code` with every non-ASCII UTF-16 unit written `\uXXXX` (dropping the backslash of an identity escape before it),
 * and the moves of columns: for each changed line (0-based), [column, delta] pairs, delta applying to the columns
 * after that column.
 */
export function escapeNonAscii(code) {
  let out = '';
  /** @type {Map<number, [number, number][]>} */
  const moves = new Map();
  let line = 0;
  let col = 0;
  let from = 0;
  for (let i = 0; i < code.length; i++, col++) {
    const c = code.charCodeAt(i);
    if (c === 10) {
      line++;
      col = -1;
      continue;
    }
    if (c < 0x80) continue;
    let slashes = 0;
    while (i - 1 - slashes >= from && code.charCodeAt(i - 1 - slashes) === 92) slashes++;
    const list = moves.get(line) ?? [];
    moves.set(line, list);
    if (slashes % 2 === 1) {
      out += code.slice(from, i - 1);
      list.push([col - 1, -1]);
    } else out += code.slice(from, i);
    out += `\\u${c.toString(16).padStart(4, '0')}`;
    list.push([col, 5]);
    from = i + 1;
  }
  return { code: out + code.slice(from), moves };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The source map's mappings with each segment's generated column moved by `moves` (see escapeNonAscii). */
export function moveColumns(mappings, moves) {
  if (moves.size === 0) return mappings;
  return mappings
    .split(';')
    .map((segments, line) => {
      const list = moves.get(line);
      if (!list || segments === '') return segments;
      const moved = (col) => col + list.reduce((n, [at, delta]) => (col > at ? n + delta : n), 0);
      let col = 0;
      let prev = 0;
      return segments
        .split(',')
        .map((seg) => {
          const [delta, rest] = readVlq(seg);
          col += delta;
          const next = moved(col);
          const s = writeVlq(next - prev) + seg.slice(rest);
          prev = next;
          return s;
        })
        .join(',');
    })
    .join(';');
}

/** The first value of a segment and where the rest starts. */
function readVlq(seg) {
  let v = 0;
  let shift = 0;
  let i = 0;
  let d;
  do {
    d = B64.indexOf(seg[i++]);
    v += (d & 31) * 2 ** shift;
    shift += 5;
  } while (d & 32);
  return [v % 2 ? -Math.floor(v / 2) : v / 2, i];
}

function writeVlq(n) {
  let v = n < 0 ? -n * 2 + 1 : n * 2;
  let out = '';
  do {
    let d = v % 32;
    v = Math.floor(v / 32);
    if (v > 0) d += 32;
    out += B64[d];
  } while (v > 0);
  return out;
}
