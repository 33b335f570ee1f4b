// The fixes a face asks for, built from one lint result: findings build their fixes on first read (lint.ts), so a
// code action pays for the fixes of the findings under the cursor, and fix-all for the safe ones, never every lint.
// Pure: the language server runs it where the analysis lives (the lint thread), the CLI and tests in-process.
import type { Finding, Fix, TextEdit } from '../model/types';
import { safeFixes } from './edits';

export interface FixQuery {
  /** Indices into the result's findings whose fixes are wanted. */
  findings: number[];
  /** The edits of fix-all: the safe fixes that need no answer and can be applied together. */
  fixAll?: boolean;
  /** The first owner prompt fix and the first date prompt fix of each finding that has one ("Fix all with defaults…"). */
  defaults?: boolean;
}

export interface FixAnswer {
  /** The fixes of each asked finding, in the order asked; undefined for an index past the findings. */
  fixes: (Fix[] | undefined)[];
  /** With `fixAll`: the edits, and how many findings have a safe fix that needs no answer. */
  fixAll?: { edits: TextEdit[]; count: number };
  defaults?: { owner: Fix[]; date: Fix[] };
}

export function answerFixQuery(findings: Finding[], q: FixQuery): FixAnswer {
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
  return answer;
}
