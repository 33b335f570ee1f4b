// Code actions (issue 3, issue 10): the fixes of every diagnostic under the cursor (built when asked, from the
// analysis of the document's version: Diagnostic.data names the version and the rule, not the fixes), then one "Disable … for this line" and one "… for this file" for all the rules there, "Show documentation"
// when one rule is there, and source.fixAll.postmortemLint.
// A fix that needs an answer runs the VS Code client's prompt; a client that cannot ask (Neovim, Helix, Emacs) gets each
// suggested answer as a fix of its own ("Set due date: 2026-12-14 (in 2 weeks)", "Assign to @dana", "Set priority: P1"),
// so that every fix it lists finishes the job. Only a writing prompt (the words a section needs) stays a plain insert.
// A diagnostic is matched to the current analysis's finding with the same rule and range (and message, when it is of the
// same version); one computed for an earlier version (Ctrl+. right after an edit) that matches none gets nothing: its
// edits may point elsewhere now. The server first asks for the fixes `fixQuery` names (lint/fix-query.ts), then calls
// `provideCodeActions` with them.
import { CodeActionKind, CodeActionTriggerKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LINTER_RULE_ID } from '../lint/lint';
import type { Fix, TextEdit } from '../model/types';
import { answerFix } from '../lint/edits';
import type { FixAnswer, FixQuery } from '../lint/fix-query';
import { ownerChoices } from '../rules/action-item-owner';
import { FIX_ALL_WITH_DEFAULTS_COMMAND, PROMPT_FIX_COMMAND, SHOW_RULE_DOCS_COMMAND, type FixAllWithDefaultsArgs, type PromptFixArgs } from '../protocol';
import { isRuleId, readDiagnosticData, SOURCE, toLspEdit } from './convert';
import type { EarlyResult } from './analysis';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postmortemLint`;

export interface CodeActionInput {
  params: CodeActionParams;
  document: TextDocument;
  /** The findings of the document's current version (undefined when they could not be computed). */
  current?: { version: number; result: EarlyResult };
  /** The fixes `fixQuery` asked for, built from `current`. */
  fixes?: { query: FixQuery; answer: FixAnswer };
  /** The client runs PROMPT_FIX_COMMAND (our VS Code client); others get plain edits. */
  promptFixes: boolean;
  /** The client accepts versioned `documentChanges` in a WorkspaceEdit. */
  documentChanges: boolean;
  /** Owners used in the workspace's other postmortems, offered after this document's own in "Assign an owner…". */
  workspaceOwners?: string[];
}

/** Owner choices offered to a client, at most this many (this document's first, then the workspace's most used). */
const MAX_OWNER_CHOICES = 5;

/** The owner prompt offers this document's owners first, then the workspace's: people's names as written, no teams. */
function withWorkspaceOwners(fix: Fix, owners: string[] | undefined): Fix {
  if (fix.prompt?.kind !== 'owner') return fix;
  const choices = [...(fix.prompt.choices ?? [])];
  const seen = new Set(choices.map((c) => c.value.toLowerCase()));
  for (const c of ownerChoices(owners ?? [], fix.prompt.ownerForm ?? 'handle', 'used in another postmortem')) {
    if (seen.has(c.value.toLowerCase())) continue;
    seen.add(c.value.toLowerCase());
    choices.push(c);
  }
  return { ...fix, prompt: { ...fix.prompt, choices: choices.slice(0, MAX_OWNER_CHOICES) } };
}

/** Whether an action of `kind` is wanted under `context.only` (a requested kind covers its sub-kinds). */
export function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => o === '' || kind === o || kind.startsWith(`${o}.`));
}

function workspaceEdit(input: CodeActionInput, edits: TextEdit[]): WorkspaceEdit {
  const { document } = input;
  const lspEdits = edits.map(toLspEdit);
  if (input.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] };
  }
  return { changes: { [document.uri]: lspEdits } };
}

function fixAction(input: CodeActionInput, fix: Fix, diagnostic: Diagnostic, version: number): CodeAction[] {
  if (!fix || typeof fix.title !== 'string' || !Array.isArray(fix.edits)) return [];
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
  if (fix.preferred) action.isPreferred = true;
  if (!fix.prompt) {
    if (fix.template && input.promptFixes) {
      // VS Code inserts it as a snippet: Tab moves from one <…> to the next
      const args: PromptFixArgs = { uri: input.document.uri, version, fix };
      action.command = { title: fix.title, command: PROMPT_FIX_COMMAND, arguments: [args] };
      return [action];
    }
    action.edit = workspaceEdit(input, fix.edits);
    return [action];
  }
  const asked = withWorkspaceOwners(fix, input.workspaceOwners);
  if (input.promptFixes) {
    const args: PromptFixArgs = { uri: input.document.uri, version, fix: asked };
    action.command = { title: fix.title, command: PROMPT_FIX_COMMAND, arguments: [args] };
    return [action];
  }
  // A client that cannot ask: each suggested answer is a fix of its own.
  const choices = (asked.prompt?.choices ?? []).filter((c) => typeof c.value === 'string' && c.value.trim());
  if (choices.length) {
    return choices.map((c, i) => ({
      title: c.title ?? `${fix.title.replace(/…$/, '')}: ${c.label}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      ...(fix.preferred && i === 0 ? { isPreferred: true } : {}),
      edit: workspaceEdit(input, answerFix(fix, c.value)),
    }));
  }
  // With no answer to offer, an owner or a date placeholder would leave the finding in place: nothing to offer.
  if (fix.prompt.kind === 'owner' || fix.prompt.kind === 'date') return [];
  // A writing prompt: the line that says what belongs here, for the writer to replace.
  action.edit = workspaceEdit(input, fix.edits);
  return [action];
}

/** VS Code: "Fix all with defaults…" asks once for an owner and a date and writes them into every item lacking one. */
function withDefaultsAction(input: CodeActionInput, version: number): CodeAction | undefined {
  const defaults = input.fixes?.answer.defaults;
  if (!defaults) return undefined;
  const owner = defaults.owner.map((f) => withWorkspaceOwners(f, input.workspaceOwners));
  const date = defaults.date;
  if (owner.length + date.length < 2) return undefined;
  const parts = [owner.length ? `an owner for ${owner.length}` : '', date.length ? `a date for ${date.length}` : ''].filter(Boolean).join(', ');
  const title = `Fix all with defaults… (${parts} item${Math.max(owner.length, date.length) === 1 ? '' : 's'})`;
  const args: FixAllWithDefaultsArgs = { uri: input.document.uri, version, owner, date };
  return { title, kind: CodeActionKind.QuickFix, command: { title, command: FIX_ALL_WITH_DEFAULTS_COMMAND, arguments: [args] } };
}

/**
 * The current analysis's finding a diagnostic stands for (its index), or -1. One of the document's version is the
 * finding with its rule, range and message. Ctrl+. right after an edit sends the diagnostics of the version before it
 * (VS Code has moved their ranges with the edit): the finding with the same rule at the same range stands in, with
 * fixes computed for the current text. An edited item matches nothing: no fixes.
 */
function findingOf(diagnostic: Diagnostic, version: number, current: CodeActionInput['current']): number {
  const data = readDiagnosticData(diagnostic);
  if (!data || !current || current.version !== version) return -1;
  const same = data.version === version;
  const r = diagnostic.range;
  return current.result.findings.findIndex(
    (x) =>
      x.ruleId === data.ruleId &&
      (!same || x.message === diagnostic.message) &&
      x.range.start.line === r.start.line &&
      x.range.start.character === r.start.character &&
      x.range.end.line === r.end.line &&
      x.range.end.character === r.end.character,
  );
}

/** Ours (this server's) and of a version the current analysis can speak for. */
function ourDiagnostics(params: CodeActionParams): Diagnostic[] {
  return (params.context.diagnostics ?? []).filter((d) => d?.source === SOURCE);
}

/**
 * Fix-all is offered when the client asks for it, or for every kind when the user asks (Ctrl+.). Not when the editor
 * asks on its own as the cursor moves (VS Code's light bulb, which leaves source actions out): building every fix of a
 * 200 KB document there took the lint thread 250–450 ms after each keystroke.
 */
export function wantsFixAll(params: CodeActionParams): boolean {
  return wanted(FIX_ALL_KIND, params.context.only) && (params.context.only !== undefined || params.context.triggerKind !== CodeActionTriggerKind.Automatic);
}

/** Our diagnostics under the cursor that stand for a finding of the current analysis, with that finding. */
function matched(params: CodeActionParams, document: TextDocument, current: CodeActionInput['current']): { diagnostic: Diagnostic; index: number; ruleId: string }[] {
  if (!wanted(CodeActionKind.QuickFix, params.context.only)) return [];
  return ourDiagnostics(params).flatMap((diagnostic) => {
    const index = findingOf(diagnostic, document.version, current);
    return index < 0 ? [] : [{ diagnostic, index, ruleId: current!.result.findings[index].ruleId }];
  });
}

/** The diagnostics a "Disable … for this line / file" offer covers: a rule of ours, grouped by line. */
function suppressible(found: ReturnType<typeof matched>): { lines: { line: number; ruleIds: string[]; diagnostics: Diagnostic[] }[]; file: string[]; all: Diagnostic[] } {
  const ours = found.filter((f) => f.ruleId !== LINTER_RULE_ID && isRuleId(f.ruleId));
  const lines = [...new Set(ours.map((o) => o.diagnostic.range.start.line))].map((line) => {
    const here = ours.filter((o) => o.diagnostic.range.start.line === line);
    return { line, ruleIds: here.map((o) => o.ruleId), diagnostics: here.map((o) => o.diagnostic) };
  });
  return { lines, file: ours.map((o) => o.ruleId), all: ours.map((o) => o.diagnostic) };
}

/**
 * Which fixes `provideCodeActions` will need for this request: ask for them (where the analysis was made) before
 * calling it. The suppression comments too: they are written from the model, which stays where the lint ran.
 */
export function fixQuery(params: CodeActionParams, document: TextDocument, current: CodeActionInput['current'], promptFixes: boolean): FixQuery {
  const found = matched(params, document, current);
  const dated = found.some((f) => f.ruleId === 'action-item-owner' || f.ruleId === 'action-item-due-date');
  const now = !!current && current.version === document.version;
  const { lines, file } = suppressible(found);
  return {
    findings: found.map((f) => f.index),
    fixAll: now && wantsFixAll(params),
    defaults: promptFixes && dated,
    ...(lines.length ? { suppress: { lines: lines.map(({ line, ruleIds }) => ({ line, ruleIds })), file } } : {}),
  };
}

export function provideCodeActions(input: CodeActionInput): CodeAction[] {
  const { params, document, current } = input;
  const only = params.context.only;
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  const push = (a: CodeAction | undefined) => {
    if (!a) return;
    const key = `${a.kind}|${a.title}|${JSON.stringify(a.edit ?? a.command ?? null)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(a);
  };

  if (wanted(CodeActionKind.QuickFix, only)) {
    const found = matched(params, document, current);
    const version = document.version;
    const asked = input.fixes;
    for (const { diagnostic, index } of found) {
      const at = asked ? asked.query.findings.indexOf(index) : -1;
      for (const fix of (at >= 0 ? asked!.answer.fixes[at] : undefined) ?? []) for (const a of fixAction(input, fix, diagnostic, version)) push(a);
    }
    const { lines, file, all } = suppressible(found);
    if (input.promptFixes && file.some((r) => r === 'action-item-owner' || r === 'action-item-due-date')) {
      push(withDefaultsAction(input, version));
    }
    // The ways out, once for all the rules under the cursor: this line (one comment per line), this file, the docs.
    // The suppression edits were written from the current model, where the lint ran (fixQuery asked for them).
    const suppress = asked?.answer.suppress;
    if (suppress) {
      lines.forEach((l, i) => {
        const fix = suppress.lines[i];
        if (fix) push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: l.diagnostics, edit: workspaceEdit(input, fix.edits) });
      });
      if (suppress.file) push({ title: suppress.file.title, kind: CodeActionKind.QuickFix, diagnostics: all, edit: workspaceEdit(input, suppress.file.edits) });
    }
    const rules = [...new Set(file)];
    if (rules.length === 1) {
      const title = `Show documentation for ${rules[0]}`;
      push({ title, kind: CodeActionKind.QuickFix, diagnostics: all, command: { title, command: SHOW_RULE_DOCS_COMMAND, arguments: [rules[0]] } });
    }
  }

  const fixAll = input.fixes?.answer.fixAll;
  if (current && current.version === document.version && wantsFixAll(params) && fixAll) {
    if (fixAll.edits.length > 0) {
      push({ title: `Fix all postmortem-lint problems that need no answer (${fixAll.count})`, kind: FIX_ALL_KIND, edit: workspaceEdit(input, fixAll.edits) });
    }
  }
  return out;
}

