// `--fix` and `--fix-dry-run`: apply every fix that needs no answer (the same ones VS Code's "Fix all" applies), write
// the file back in its own encoding (UTF-8 with or without BOM, UTF-16 LE/BE) with its own line endings (the fixes
// write the document's), and say what changed; or print the change as a unified diff and write nothing.
import { createTwoFilesPatch } from 'diff';
import { fixUntilStable } from '../lint/edits';
import type { LintOptions } from '../lint/lint';
import type { Finding } from '../model/types';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** The encoding the bytes were read with (decodeText's choice, by byte order mark). */
export function encodingOf(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  return 'utf-8';
}

/** Text → bytes in the file's encoding, byte order mark included. */
export function encodeText(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    default:
      return Buffer.from(text, 'utf8');
  }
}

export interface FileFix {
  text: string;
  fixed: Finding[];
}

/** Every fix that needs no answer, applied until nothing changes. */
export function fixText(text: string, options: LintOptions): FileFix {
  return fixUntilStable(text, options);
}

/** "Fixed 2 problems in x.md: missing-section ×2." */
export function describeFix(display: string, fixed: Finding[], dryRun: boolean): string {
  const byRule = new Map<string, number>();
  for (const f of fixed) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const rules = [...byRule].map(([r, n]) => (n > 1 ? `${r} ×${n}` : r)).join(', ');
  const n = fixed.length;
  return `${dryRun ? 'Would fix' : 'Fixed'} ${n} problem${n === 1 ? '' : 's'} in ${display}: ${rules}.`;
}

/** The change as a unified diff, with the display path on both sides (line endings shown as they are). */
export function unifiedDiff(display: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${display}`, `b/${display}`, before, after, undefined, undefined, { context: 3 });
}
