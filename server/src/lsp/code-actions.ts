// Code actions from the fix data carried in Diagnostic.data (issue 3): one action per fix of every diagnostic under
// the cursor, "Disable <rule> for this line / file", "Show documentation for <rule>", and source.fixAll.postmortemLint.
// A diagnostic whose data was computed for another document version gets nothing: its ranges may point elsewhere now.
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../engine/lint';
import { LINTER_RULE_ID } from '../engine/lint';
import type { Finding, Fix, TextEdit } from '../engine/types';
import { suppressionFixes } from '../engine/suppress-fixes';
import { safeEdits } from '../engine/edits';
import { PROMPT_FIX_COMMAND, SHOW_RULE_DOCS_COMMAND, type PromptFixArgs } from '../protocol';
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

/** The owner prompt offers this document's owners first, then the workspace's. */
function withWorkspaceOwners(fix: Fix, owners: string[] | undefined): Fix {
  if (fix.prompt?.kind !== 'owner' || !owners?.length) return fix;
  const choices = [...(fix.prompt.choices ?? [])];
  const seen = new Set(choices.map((c) => c.value.toLowerCase()));
  for (const o of owners) {
    if (seen.has(o.toLowerCase())) continue;
    seen.add(o.toLowerCase());
    choices.push({ label: o, value: o, description: 'used in another postmortem' });
  }
  return { ...fix, prompt: { ...fix.prompt, choices } };
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

function sameRange(f: Finding, d: Diagnostic): boolean {
  return (
    f.range.start.line === d.range.start.line &&
    f.range.start.character === d.range.start.character &&
    f.range.end.line === d.range.end.line &&
    f.range.end.character === d.range.end.character
  );
}

function fixAction(input: CodeActionInput, fix: Fix, diagnostic: Diagnostic, version: number): CodeAction | undefined {
  if (!fix || typeof fix.title !== 'string' || !Array.isArray(fix.edits)) return undefined;
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
  if (fix.preferred) action.isPreferred = true;
  if (fix.prompt && input.promptFixes) {
    const args: PromptFixArgs = { uri: input.document.uri, version, fix: withWorkspaceOwners(fix, input.workspaceOwners) };
    action.command = { title: fix.title, command: PROMPT_FIX_COMMAND, arguments: [args] };
  } else {
    action.edit = workspaceEdit(input, fix.edits);
  }
  return action;
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
    const docsActions: CodeAction[] = [];
    const suppressActions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics ?? []) {
      if (diagnostic?.source !== SOURCE) continue;
      const data = readDiagnosticData(diagnostic);
      if (!data || data.version !== document.version) continue;
      for (const fix of data.fixes) push(fixAction(input, fix, diagnostic, data.version));
      if (data.ruleId === LINTER_RULE_ID || !isRuleId(data.ruleId)) continue;

      // Suppression edits are computed on the current model; it is the version the diagnostic was made for.
      if (current && current.version === document.version) {
        const finding =
          current.result.findings.find((f) => f.ruleId === data.ruleId && sameRange(f, diagnostic)) ??
          ({
            ruleId: data.ruleId,
            severity: 'warning',
            message: typeof diagnostic.message === 'string' ? diagnostic.message : String(diagnostic.message?.value ?? ''),
            range: {
              start: current.result.model.lines.positionAt(document.offsetAt(diagnostic.range.start)),
              end: current.result.model.lines.positionAt(document.offsetAt(diagnostic.range.end)),
            },
          } satisfies Finding);
        for (const fix of suppressionFixes(current.result.model, finding)) {
          suppressActions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(input, fix.edits) });
        }
      }
      docsActions.push({
        title: `Show documentation for ${data.ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${data.ruleId}`, command: SHOW_RULE_DOCS_COMMAND, arguments: [data.ruleId] },
      });
    }
    // The fixes first, then the ways out: suppressions, then the docs.
    for (const a of suppressActions) push(a);
    for (const a of docsActions) push(a);
  }

  if (current && current.version === document.version && wanted(FIX_ALL_KIND, only)) {
    const edits = safeEdits(current.result.findings);
    if (edits.length > 0) {
      push({ title: 'Fix all safe postmortem-lint problems', kind: FIX_ALL_KIND, edit: workspaceEdit(input, edits) });
    }
  }
  return out;
}

