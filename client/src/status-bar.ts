// Status bar item on postmortems: "$(checklist) 4 open · 1 no owner · 1 no date · 1 overdue". Also keeps the
// context key `postmortemLint.isPostmortem` (editor-title button) in step with the active editor. While no text editor
// is active (the reader view or another webview has focus) the key keeps its value: the postmortem's editor group still
// shows its button. (A per-resource `resource in <list>` key would be finer, but in remote windows the workbench's
// `resource` is a vscode-remote: URI that the extension host never sees.)
import * as vscode from 'vscode';
import { READER_SUMMARY_REQUEST, type ReaderSummary, type ReaderSummaryParams } from '../../server/src/protocol';
import type { ServerHost } from './server-host';
import { coalesce, isMarkdown } from './util';

export const IS_POSTMORTEM_CONTEXT = 'postmortemLint.isPostmortem';
export const SHOW_PROBLEMS_COMMAND = 'postmortemLint.showProblems';

export function statusText(s: ReaderSummary): string {
  const c = s.counts;
  if (!c.total) return '$(checklist) no action items';
  const parts = [`${c.open} open`];
  if (c.noOwner) parts.push(`${c.noOwner} no owner`);
  if (c.noDate) parts.push(`${c.noDate} no date`);
  if (c.overdue) parts.push(`${c.overdue} overdue`);
  return `$(checklist) ${parts.join(' · ')}`;
}

function tooltip(s: ReaderSummary): vscode.MarkdownString {
  const c = s.counts;
  const f = s.findingCounts;
  const lines = [
    '**Postmortem action items**',
    '',
    `- ${c.total} counted (${c.open} open, ${c.done} done${c.deferred ? `, ${c.deferred} deferred and not counted` : ''})`,
    `- ${c.noOwner} without an owner`,
    `- ${c.noDate} without an absolute due date`,
    `- ${c.overdue} overdue`,
    '',
    `Findings: ${f.error} errors, ${f.warning} warnings, ${f.information} info, ${f.hint} hints.`,
    '',
    'Click to show this file\'s problems.',
  ];
  return new vscode.MarkdownString(lines.join('\n'));
}

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private last: ReaderSummary | undefined;
  private isPostmortemKey = false;
  readonly refresh: () => Promise<void>;

  constructor(private readonly host: ServerHost) {
    this.item = vscode.window.createStatusBarItem('postmortemLint.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Postmortem action items';
    this.item.command = SHOW_PROBLEMS_COMMAND;
    this.refresh = coalesce(() => this.update());
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) void this.refresh();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) void this.refresh();
      }),
      host.onDidChange(() => void this.refresh()),
    );
    void this.refresh();
  }

  /** The value of the `postmortemLint.isPostmortem` context key (the editor-title button). */
  get isPostmortemContext(): boolean {
    return this.isPostmortemKey;
  }

  private async setKey(value: boolean): Promise<void> {
    this.isPostmortemKey = value;
    await vscode.commands.executeCommand('setContext', IS_POSTMORTEM_CONTEXT, value);
  }

  /** The last summary shown (tests and the reader use it). */
  get summary(): ReaderSummary | undefined {
    return this.last;
  }

  private async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    if (!isMarkdown(doc) || !this.host.running) {
      this.item.hide();
      this.last = undefined;
      // No text editor active (the reader view has focus): the key stays, so the postmortem keeps its button.
      if (editor || !this.host.running) await this.setKey(false);
      return;
    }
    const uri = doc.uri.toString();
    const summary = await this.host.request<ReaderSummaryParams, ReaderSummary>(READER_SUMMARY_REQUEST, { uri });
    // the active editor may have changed while we waited: the next run shows the right one
    if (vscode.window.activeTextEditor?.document.uri.toString() !== uri) return;
    this.last = summary;
    await this.setKey(!!summary?.isPostmortem);
    if (!summary?.isPostmortem) {
      this.item.hide();
      return;
    }
    this.item.text = statusText(summary);
    this.item.tooltip = tooltip(summary);
    const c = summary.counts;
    this.item.backgroundColor = c.overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: `Postmortem: ${statusText(summary).replace('$(checklist) ', '')}. Show problems.` };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Focus the Problems panel showing only the active file's problems. VS Code has no command that sets the filter
 * text, but it has a toggle for "Show Active File Only"; we remember whether we switched it on, so repeated clicks
 * don't switch it off again.
 */
export async function showProblemsForActiveFile(context: vscode.ExtensionContext): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const key = 'postmortemLint.problemsActiveFileFilterOn';
  if (context.workspaceState.get<boolean>(key)) return;
  try {
    await vscode.commands.executeCommand('workbench.actions.workbench.panel.markers.view.toggleActiveFile');
    await context.workspaceState.update(key, true);
  } catch {
    // older VS Code: the unfiltered panel is still useful
  }
}
