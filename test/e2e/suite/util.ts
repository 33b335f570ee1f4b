// Helpers for the vscode-API suite: wait on events with a timeout, never sleep.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-lint.postmortem-lint';

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function open(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem-lint');
}

/** Resolves with the first truthy `check()` result, re-checking whenever diagnostics change; rejects after `ms`. */
export function whenDiagnostics<T>(uri: vscode.Uri, check: (diags: vscode.Diagnostic[]) => T | undefined | false, what: string, ms = 30000): Promise<T> {
  return new Promise((resolve, reject) => {
    const test = () => {
      const v = check(ours(uri));
      if (v) { done(); resolve(v); return true; }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) test();
    });
    const timer = setTimeout(() => {
      done();
      const now = ours(uri).map((d) => `${ruleOf(d)}@${d.range.start.line + 1}: ${d.message}`).join('\n  ');
      reject(new Error(`timed out after ${ms} ms waiting for ${what}; diagnostics now:\n  ${now || '(none)'}`));
    }, ms);
    function done() { sub.dispose(); clearTimeout(timer); }
    test();
  });
}

/** Polls `fn` (every 100 ms) until it returns a truthy value: for answers that come with no event, e.g. code actions. */
export async function poll<T>(fn: () => Promise<T | undefined | false> | T | undefined | false, what: string, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The code actions the language server offers for a diagnostic (retried: the marker service can lag behind). */
export function codeActions(uri: vscode.Uri, diag: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  return poll(async () => {
    // a request overtaken by a document change comes back "Canceled": ask again
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value).then((a) => a, () => undefined);
    return (actions ?? []).find((a): a is vscode.CodeAction => 'title' in a && title.test(a.title) && ('edit' in a || 'command' in a));
  }, `a code action matching ${title}`);
}

/** Applies a code action the way the lightbulb does: its edit, then its command. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    if (!ok) throw new Error(`workspace.applyEdit refused "${action.title}"`);
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Command id of a contributed command, looked up by its title ("Open Reader View"), so the suite follows the manifest. */
export function commandByTitle(title: string): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const cmds: { command: string; title: string; category?: string }[] = ext.packageJSON.contributes?.commands ?? [];
  const hit = cmds.find((c) => c.title === title || `${c.category}: ${c.title}` === title);
  if (!hit) throw new Error(`no contributed command titled "${title}" (have: ${cmds.map((c) => c.title).join(', ')})`);
  return hit.command;
}

export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
