// Precision / recall of the action-item-vague classifier on the labelled corpus rows (yes / no only).
// Usage: node --import tsx scripts/vague-eval.ts [path/to/action-items-labelled.tsv] [--verbose]
// Last measured (stop 40): precision 1.00, recall 0.89 on the labelled corpus rows. A development-set figure: the rule was tuned
// on these rows. (Kept here, not in docs/rules/action-item-vague.md: the rule pages are for users.)
import { readFileSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyVague } from '../server/src/rules/action-item-vague';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const file = args.find((a) => !a.startsWith('--')) ?? resolve(root, '../shared/corpus/action-items-labelled.tsv');
if (!existsSync(file)) {
  console.error(`vague-eval: no labelled data at ${file}`);
  process.exit(2);
}

/** TSV with fields quoted where they hold a quote ("" escapes a quote inside). */
function parseTsv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.length)
    .map((line) =>
      line.split('\t').map((f) => (f.length >= 2 && f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f)),
    );
}

const [header, ...rows] = parseTsv(readFileSync(file, 'utf8'));
const col = (name: string) => header.indexOf(name);
const [iText, iVague, iWhy, iFile] = [col('item_text'), col('vague'), col('why'), col('file')];
let tp = 0, fp = 0, fn = 0, tn = 0;
const misses: string[] = [];
for (const r of rows) {
  const label = r[iVague];
  if (label !== 'yes' && label !== 'no') continue;
  const got = classifyVague(r[iText]);
  if (got.vague && label === 'yes') tp++;
  else if (got.vague) {
    fp++;
    misses.push(`FP  ${r[iText].slice(0, 140)}\n      → ${got.kind}: ${got.phrase}`);
  } else if (label === 'yes') {
    fn++;
    misses.push(`FN  ${r[iText].slice(0, 140)}\n      (${r[iWhy]})  [${r[iFile].slice(0, 40)}]`);
  } else tn++;
}
const precision = tp / Math.max(1, tp + fp);
const recall = tp / Math.max(1, tp + fn);
console.log(`labelled rows: ${tp + fp + fn + tn} (yes ${tp + fn}, no ${fp + tn})`);
console.log(`true positives ${tp}, false positives ${fp}, false negatives ${fn}, true negatives ${tn}`);
console.log(`precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${((2 * precision * recall) / Math.max(1e-9, precision + recall)).toFixed(3)}`);
if (verbose) console.log('\n' + misses.join('\n'));
