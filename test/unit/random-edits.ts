// Random edit sequences for the property tests that check a model built from the last version (incremental parse,
// the model crossing threads as a change) against one built from nothing: the edits, how they apply, and the documents
// they run over (every corpus file, fixture and example).
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'postmortems');

function mdFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f)) : [];
}

/** Every corpus postmortem, fixture and example. */
export const DOCS = [...mdFiles(CORPUS), ...mdFiles(join(ROOT, 'test', 'fixtures')), ...mdFiles(join(ROOT, 'examples'))];

export type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; len: number } | { kind: 'paste'; from: number; len: number; at: number };

/** An insertion of one of `snippets`, a deletion of up to `maxDelete` characters, or a paste of up to `maxPaste` copied from the text. */
export function editOf(snippets: readonly string[], maxDelete: number, maxPaste: number): fc.Arbitrary<Edit> {
  return fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...snippets) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: maxDelete }) }),
    fc.record({ kind: fc.constant('paste' as const), from: fc.nat(), len: fc.integer({ min: 1, max: maxPaste }), at: fc.nat() }),
  );
}

/** The text after `e` (positions taken modulo the text's length, so any edit applies). */
export function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  if (e.kind === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + e.len);
  const from = e.from % (text.length + 1);
  return text.slice(0, at) + text.slice(from, from + e.len) + text.slice(at);
}
