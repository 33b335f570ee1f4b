// Status bar item on postmortems: "$(checklist) 4 open · 1 no owner · 1 no date · 1 overdue". Also keeps the
// context keys in step: `postmortemLint.isPostmortem` (the active editor's document, for the command palette) and
// `postmortemLint.postmortems` (every open document known to be a postmortem: the editor-title button's
// `resource in …`, so each editor group's button follows its own document, also while the reader view has focus).
import * as vscode from 'vscode';
import { READER_SUMMARY_REQUEST, type ReaderSummary, type ReaderSummaryParams } from '../../server/src/protocol';
import type { ServerHost } from './server-host';
import { coalesce, isMarkdown } from './util';

export const IS_POSTMORTEM_CONTEXT = 'postmortemLint.isPostmortem';
export const POSTMORTEM_URIS_CONTEXT = 'postmortemLint.postmortems';
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
  private readonly postmortems = new Set<string>();
  /** Documents asked about at least once since the server (re)started. */
  private readonly checked = new Set<string>();
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
      vscode.window.onDidChangeVisibleTextEditors(() => void this.refresh()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.checked.delete(d.uri.toString());
        void this.mark(d.uri.toString(), false);
      }),
      host.onDidChange(() => {
        this.checked.clear();
        void this.refresh();
      }),
    );
    void this.refresh();
  }

  /** The open documents known to be postmortems (the editor-title button shows on these). */
  get postmortemUris(): readonly string[] {
    return [...this.postmortems];
  }

  private async mark(uri: string, isPostmortem: boolean): Promise<void> {
    if (this.postmortems.has(uri) === isPostmortem) return;
    if (isPostmortem) this.postmortems.add(uri);
    else this.postmortems.delete(uri);
    await vscode.commands.executeCommand('setContext', POSTMORTEM_URIS_CONTEXT, [...this.postmortems]);
  }

  private async summaryOf(doc: vscode.TextDocument): Promise<ReaderSummary | undefined> {
    const uri = doc.uri.toString();
    const summary = await this.host.request<ReaderSummaryParams, ReaderSummary>(READER_SUMMARY_REQUEST, { uri });
    if (summary?.uri === uri) await this.mark(uri, summary.isPostmortem);
    return summary;
  }

  /** The last summary shown (tests and the reader use it). */
  get summary(): ReaderSummary | undefined {
    return this.last;
  }

  private async update(): Promise<void> {
    if (!this.host.running) {
      for (const uri of [...this.postmortems]) await this.mark(uri, false);
    } else {
      // Editors in other groups: their title buttons need to know too (each once, then kept by the active-editor runs).
      const active = vscode.window.activeTextEditor?.document;
      for (const e of vscode.window.visibleTextEditors) {
        if (e.document !== active && isMarkdown(e.document) && !this.checked.has(e.document.uri.toString())) {
          this.checked.add(e.document.uri.toString());
          await this.summaryOf(e.document);
        }
      }
    }
    const doc = vscode.window.activeTextEditor?.document;
    if (!isMarkdown(doc) || !this.host.running) {
      this.item.hide();
      this.last = undefined;
      await vscode.commands.executeCommand('setContext', IS_POSTMORTEM_CONTEXT, false);
      return;
    }
    const uri = doc.uri.toString();
    this.checked.add(uri);
    const summary = await this.summaryOf(doc);
    // the active editor may have changed while we waited: the next run shows the right one
    if (vscode.window.activeTextEditor?.document.uri.toString() !== uri) return;
    this.last = summary;
    await vscode.commands.executeCommand('setContext', IS_POSTMORTEM_CONTEXT, !!summary?.isPostmortem);
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
