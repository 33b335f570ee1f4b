// The fixes the engine builds for a published diagnostic: the diagnostics carry no fixes (the server builds them when a
// code action asks), so tests that check "every fix is offered" read them from a lint of the same text, as the server
// makes it (same "today", the file's path for detection).
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { lint } from '../../server/src/lint/lint';
import type { Finding, Fix } from '../../server/src/model/types';
import { TODAY, messageOf } from './client';

let last: { text: string; filePath?: string; findings: Finding[] } | undefined;

export function engineFixes(text: string, d: Diagnostic, filePath?: string): Fix[] {
  const r = d.range;
  // the server linted it as a postmortem (it published findings): `all` only spares detecting it again
  if (!last || last.text !== text || last.filePath !== filePath) last = { text, filePath, findings: lint(text, { today: TODAY, filePath, all: true }).findings };
  const f = last.findings.find(
    (x) =>
      x.ruleId === d.code &&
      x.message === messageOf(d) &&
      x.range.start.line === r.start.line &&
      x.range.start.character === r.start.character &&
      x.range.end.line === r.end.line &&
      x.range.end.character === r.end.character,
  );
  if (!f) throw new Error(`no finding of the engine matches ${String(d.code)}: ${messageOf(d)}`);
  return f.fixes ?? [];
}
