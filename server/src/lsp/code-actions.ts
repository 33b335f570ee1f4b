// Code actions from the fix data carried in Diagnostic.data (issue 3, issue 10): the fixes of every diagnostic under the
// cursor, then one "Disable … for this line" and one "… for this file" for all the rules there, "Show documentation"
// when one rule is there, and source.fixAll.postmortemLint.
// A fix that needs an answer runs the VS Code client's prompt; a client that cannot ask (Neovim, Helix, Emacs) gets each
// suggested answer as a fix of its own ("Set due date: 2026-12-14 (in 2 weeks)", "Assign to @dana", "Set priority: P1"),
// so that every fix it lists finishes the job. Only a writing prompt (the words a section needs) stays a plain insert.
// A diagnostic whose data was computed for an earlier version (Ctrl+. right after an edit) gets the fixes of the current
// analysis's finding with the same rule and range; one that matches none gets nothing: its edits may point elsewhere now.
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../lint/lint';
import { LINTER_RULE_ID } from '../lint/lint';
import type { Fix, TextEdit } from '../model/types';
import { disableRulesForFileFix, disableRulesForLineFix } from '../lint/suppress-fixes';
import { answerFix, safeEdits } from '../lint/edits';
import { ownerChoices } from '../rules/action-item-owner';
import { FIX_ALL_WITH_DEFAULTS_COMMAND, PROMPT_FIX_COMMAND, SHOW_RULE_DOCS_COMMAND, type DiagnosticData, type FixAllWithDefaultsArgs, type PromptFixArgs } from '../protocol';
import { isRuleId, readDiagnosticData, SOURCE, toLspEdit } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postmortemLint`;

export interface CodeActionInput {
  params: CodeActionParams;
  document: TextDocument;
  /** The lint result for the document's current version (undefined when it could not be computed). */
  current?: { version: number; result: LintResult };
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
  const findings = input.current?.result.findings ?? [];
  const pick = (ruleId: string, kind: 'owner' | 'date') =>
    findings.flatMap((f) => (f.ruleId === ruleId ? (f.fixes ?? []).filter((x) => x.prompt?.kind === kind).slice(0, 1) : []));
  const owner = pick('action-item-owner', 'owner').map((f) => withWorkspaceOwners(f, input.workspaceOwners));
  const date = pick('action-item-due-date', 'date');
  if (owner.length + date.length < 2) return undefined;
  const parts = [owner.length ? `an owner for ${owner.length}` : '', date.length ? `a date for ${date.length}` : ''].filter(Boolean).join(', ');
  const title = `Fix all with defaults… (${parts} item${Math.max(owner.length, date.length) === 1 ? '' : 's'})`;
  const args: FixAllWithDefaultsArgs = { uri: input.document.uri, version, owner, date };
  return { title, kind: CodeActionKind.QuickFix, command: { title, command: FIX_ALL_WITH_DEFAULTS_COMMAND, arguments: [args] } };
}

/**
 * The diagnostic's data for the document's current version. Ctrl+. right after an edit sends the diagnostics of the
 * version before it (VS Code has moved their ranges with the edit): the finding of the current analysis with the same
 * rule at the same range stands in, with fixes computed for the current text. An edited item matches nothing: no fixes.
 */
function currentData(diagnostic: Diagnostic, version: number, current: NonNullable<CodeActionInput['current']>): DiagnosticData | undefined {
  const data = readDiagnosticData(diagnostic);
  if (!data || data.version === version || current.version !== version) return data;
  const r = diagnostic.range;
  const f = current.result.findings.find(
    (x) =>
      x.ruleId === data.ruleId &&
      x.range.start.line === r.start.line &&
      x.range.start.character === r.start.character &&
      x.range.end.line === r.end.line &&
      x.range.end.character === r.end.character,
  );
  return f ? { version, ruleId: f.ruleId, fixes: f.fixes ?? [] } : data;
}

/** A suppression offer is never worth a failed code-action request. */
function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
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
    const ours: { diagnostic: Diagnostic; ruleId: string; line: number }[] = [];
    let version: number | undefined;
    for (const diagnostic of params.context.diagnostics ?? []) {
      if (diagnostic?.source !== SOURCE) continue;
      const data = current ? currentData(diagnostic, document.version, current) : readDiagnosticData(diagnostic);
      if (!data || data.version !== document.version) continue;
      version = data.version;
      for (const fix of data.fixes) for (const a of fixAction(input, fix, diagnostic, data.version)) push(a);
      if (data.ruleId === LINTER_RULE_ID || !isRuleId(data.ruleId)) continue;
      ours.push({ diagnostic, ruleId: data.ruleId, line: diagnostic.range.start.line });
    }
    if (input.promptFixes && version !== undefined && ours.some((o) => o.ruleId === 'action-item-owner' || o.ruleId === 'action-item-due-date')) {
      push(withDefaultsAction(input, version));
    }
    // The ways out, once for all the rules under the cursor: this line (one comment per line), this file, the docs.
    // Suppression edits are computed on the current model; it is the version the diagnostics were made for.
    if (current && current.version === document.version && ours.length) {
      const model = current.result.model;
      for (const line of [...new Set(ours.map((o) => o.line))]) {
        const here = ours.filter((o) => o.line === line);
        const fix = safely(() => disableRulesForLineFix(model, line, here.map((o) => o.ruleId)));
        if (fix) push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: here.map((o) => o.diagnostic), edit: workspaceEdit(input, fix.edits) });
      }
      const file = safely(() => disableRulesForFileFix(model, ours.map((o) => o.ruleId)));
      if (file) push({ title: file.title, kind: CodeActionKind.QuickFix, diagnostics: ours.map((o) => o.diagnostic), edit: workspaceEdit(input, file.edits) });
    }
    const rules = [...new Set(ours.map((o) => o.ruleId))];
    if (rules.length === 1) {
      const title = `Show documentation for ${rules[0]}`;
      push({ title, kind: CodeActionKind.QuickFix, diagnostics: ours.map((o) => o.diagnostic), command: { title, command: SHOW_RULE_DOCS_COMMAND, arguments: [rules[0]] } });
    }
  }

  if (current && current.version === document.version && wanted(FIX_ALL_KIND, only)) {
    const findings = current.result.findings;
    const edits = safeEdits(findings);
    if (edits.length > 0) {
      const n = findings.filter((f) => f.fixes?.some((x) => x.safe && !x.prompt)).length;
      push({ title: `Fix all postmortem-lint problems that need no answer (${n})`, kind: FIX_ALL_KIND, edit: workspaceEdit(input, edits) });
    }
  }
  return out;
}

