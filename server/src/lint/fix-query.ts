// The fixes a face asks for, built from one lint result: findings build their fixes on first read (lint.ts), so a
// code action pays for the fixes of the findings under the cursor, and fix-all for the safe ones, never every lint.
// Pure: the language server runs it where the analysis lives (the lint thread), the CLI and tests in-process.
import type { Finding, Fix, Postmortem, TextEdit } from '../model/types';
import { safeFixes } from './edits';
import { disableRulesForFileFix, disableRulesForLineFix } from './suppress-fixes';

export interface FixQuery {
  /** Indices into the result's findings whose fixes are wanted. */
  findings: number[];
  /** The edits of fix-all: the safe fixes that need no answer and can be applied together. */
  fixAll?: boolean;
  /** The first owner prompt fix and the first date prompt fix of each finding that has one ("Fix all with defaults…"). */
  defaults?: boolean;
  /** "Disable … for this line" for each line (with the rules found there) and "… for this file" for `file`'s rules. */
  suppress?: { lines: { line: number; ruleIds: string[] }[]; file: string[] };
}

export interface FixAnswer {
  /** The fixes of each asked finding, in the order asked; undefined for an index past the findings. */
  fixes: (Fix[] | undefined)[];
  /** With `fixAll`: the edits, and how many findings have a safe fix that needs no answer. */
  fixAll?: { edits: TextEdit[]; count: number };
  defaults?: { owner: Fix[]; date: Fix[] };
  /** With `suppress`: the fix for each line asked, in order (undefined where none can be written), and for the file. */
  suppress?: { lines: (Fix | undefined)[]; file?: Fix };
}

/** `result`'s answer to `q`; the suppression fixes need its model (none without one). */
export function answerFixQuery(result: { findings: Finding[]; model?: Postmortem }, q: FixQuery): FixAnswer {
  const { findings, model } = result;
  const answer: FixAnswer = { fixes: q.findings.map((i) => (Number.isInteger(i) && i >= 0 && i < findings.length ? (findings[i].fixes ?? []) : undefined)) };
  if (q.fixAll) {
    const count = findings.filter((f) => f.fixes?.some((x) => x.safe && !x.prompt)).length;
    answer.fixAll = { edits: count ? safeFixes(findings).edits : [], count };
  }
  if (q.defaults) {
    const pick = (ruleId: string, kind: 'owner' | 'date') =>
      findings.flatMap((f) => (f.ruleId === ruleId ? (f.fixes ?? []).filter((x) => x.prompt?.kind === kind).slice(0, 1) : []));
    answer.defaults = { owner: pick('action-item-owner', 'owner'), date: pick('action-item-due-date', 'date') };
  }
  if (q.suppress && model) {
    const { lines, file } = q.suppress;
    answer.suppress = { lines: lines.map((l) => safely(() => disableRulesForLineFix(model, l.line, l.ruleIds))), file: file.length ? safely(() => disableRulesForFileFix(model, file)) : undefined };
  }
  return answer;
}

/** A suppression offer is never worth a failed code-action request. */
function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
