// The "Postmortem Action Items" view in the Explorer: every action item of the workspace's postmortems, from the
// server's index (postmortemLint/archiveItems), grouped by status, owner or postmortem (archive-groups.ts). It follows
// postmortemLint/archiveChanged, fetching only the files that changed. A click opens the item's line.
import * as vscode from 'vscode';
import {
  ARCHIVE_ITEMS_REQUEST,
  type ArchiveChangedParams,
  type ArchiveItem,
  type ArchiveItemsParams,
  type ArchiveItemsResult,
  type ArchivePostmortem,
} from '../../server/src/protocol';
import { describeItem, GROUPINGS, groupEntries, markdownTable, summarize, type Group, type Grouping, type TreeEntry } from './archive-groups';
import type { ServerHost } from './server-host';

export const VIEW_ID = 'postmortemLint.actionItems';
export const TREE_COMMANDS = {
  groupByStatus: 'postmortemLint.actionItems.groupByStatus',
  groupByOwner: 'postmortemLint.actionItems.groupByOwner',
  groupByPostmortem: 'postmortemLint.actionItems.groupByPostmortem',
  copyTable: 'postmortemLint.actionItems.copyAsMarkdownTable',
  refresh: 'postmortemLint.actionItems.refresh',
} as const;
const GROUPING_KEY = 'postmortemLint.actionItems.grouping';
/** Context keys: the welcome view shows while indexing, and "New Postmortem" when the workspace has none. */
const CONTEXT_STATE = 'postmortemLint.actionItems.state';
const CONTEXT_GROUPING = 'postmortemLint.actionItems.grouping';

type Node = { type: 'group'; group: Group } | { type: 'item'; entry: TreeEntry };

const GROUP_ICONS: Record<string, [string, string?]> = {
  overdue: ['error', 'list.errorForeground'],
  'no-owner': ['person', 'list.warningForeground'],
  'no-date': ['calendar', 'list.warningForeground'],
  open: ['circle-large-outline'],
  done: ['pass', 'testing.iconPassed'],
  unclear: ['question'],
  'not-doing': ['circle-slash'],
};

function itemIcon(i: ArchiveItem): vscode.ThemeIcon {
  if (i.status === 'done' && !i.deferred) return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  if (i.status === 'unknown' && !i.deferred) return new vscode.ThemeIcon('question');
  if (i.status !== 'open' || i.deferred) return new vscode.ThemeIcon('circle-slash');
  if (i.overdueDays !== undefined) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (i.noOwner || i.noDate) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon('circle-large-outline');
}

export class ActionItemsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly postmortems = new Map<string, ArchivePostmortem>();
  private complete = false;
  private grouping: Grouping;
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  /** Changes that arrive while a fetch is running are fetched after it, merged. */
  private pending: { all: boolean; files: Set<string> } | undefined;
  private fetching: Promise<void> | undefined;
  /** Changes whose fetch got no answer: fetched with the next one. */
  private unanswered: { all: boolean; files: Set<string> } | undefined;
  private readonly updated = new vscode.EventEmitter<void>();
  /** Fires after the tree's data changed (tests wait for it). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly host: ServerHost,
    private readonly state: vscode.Memento,
  ) {
    const saved = state.get<Grouping>(GROUPING_KEY);
    this.grouping = saved && GROUPINGS.includes(saved) ? saved : 'status';
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.emitter,
      this.updated,
      host.onDidChangeArchive((p: ArchiveChangedParams) => this.schedule(p.files)),
      host.onDidChange(() => this.schedule(undefined)),
      vscode.commands.registerCommand(TREE_COMMANDS.groupByStatus, () => this.setGrouping('status')),
      vscode.commands.registerCommand(TREE_COMMANDS.groupByOwner, () => this.setGrouping('owner')),
      vscode.commands.registerCommand(TREE_COMMANDS.groupByPostmortem, () => this.setGrouping('postmortem')),
      vscode.commands.registerCommand(TREE_COMMANDS.copyTable, (node?: Node) => this.copyTable(node)),
      vscode.commands.registerCommand(TREE_COMMANDS.refresh, () => this.schedule(undefined)),
    );
    void vscode.commands.executeCommand('setContext', CONTEXT_GROUPING, this.grouping);
    void vscode.commands.executeCommand('setContext', CONTEXT_STATE, 'indexing');
    this.schedule(undefined);
  }

  /** The groups as shown (for tests and the copy command). */
  groups(): Group[] {
    return groupEntries([...this.postmortems.values()], this.grouping);
  }

  get currentGrouping(): Grouping {
    return this.grouping;
  }

  get isComplete(): boolean {
    return this.complete;
  }

  private setGrouping(g: Grouping): void {
    this.grouping = g;
    void this.state.update(GROUPING_KEY, g);
    void vscode.commands.executeCommand('setContext', CONTEXT_GROUPING, g);
    this.render();
  }

  /** Fetch the named files (or everything) from the server, one fetch at a time. */
  private schedule(files: string[] | undefined): void {
    const p = (this.pending ??= { all: false, files: new Set() });
    if (!files) p.all = true;
    else for (const f of files) p.files.add(f);
    // what a failed fetch could not bring goes with this one
    if (this.unanswered) {
      if (this.unanswered.all) p.all = true;
      for (const f of this.unanswered.files) p.files.add(f);
      this.unanswered = undefined;
    }
    this.fetching ??= this.drain().finally(() => (this.fetching = undefined));
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const { all, files } = this.pending;
      this.pending = undefined;
      const params: ArchiveItemsParams = all ? {} : { files: [...files] };
      const r = await this.host.request<ArchiveItemsParams, ArchiveItemsResult>(ARCHIVE_ITEMS_REQUEST, params);
      if (!r) {
        // no answer (the server is restarting, or the request failed): keep the files for the next fetch rather than
        // showing their old items until they change again
        const u = (this.unanswered ??= { all: false, files: new Set() });
        if (all) u.all = true;
        for (const f of files) u.files.add(f);
        continue;
      }
      if (all) this.postmortems.clear();
      else for (const f of files) this.postmortems.delete(f);
      for (const p of r.postmortems) this.postmortems.set(p.file, p);
      this.complete = r.complete;
      this.render();
    }
  }

  private render(): void {
    const s = summarize([...this.postmortems.values()]);
    this.view.description = this.postmortems.size ? s.text : undefined;
    this.view.badge = s.overdue ? { value: s.overdue, tooltip: `${s.overdue} overdue action item${s.overdue === 1 ? '' : 's'}` } : undefined;
    const state = this.postmortems.size ? 'ready' : this.complete ? 'empty' : 'indexing';
    void vscode.commands.executeCommand('setContext', CONTEXT_STATE, state);
    this.emitter.fire(undefined);
    this.updated.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.postmortems.size ? this.groups().map((group) => ({ type: 'group' as const, group })) : [];
    if (node.type === 'group') return node.group.entries.map((entry) => ({ type: 'item' as const, entry }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const g = node.group;
      const state = !g.entries.length
        ? vscode.TreeItemCollapsibleState.None
        : g.kind === 'done' || g.kind === 'not-doing'
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.Expanded;
      const t = new vscode.TreeItem(g.label, state);
      t.id = `${this.grouping}/${g.id}`;
      t.description = String(g.entries.length);
      t.contextValue = 'group';
      const icon = g.kind ? GROUP_ICONS[g.kind] : this.grouping === 'owner' ? ['person'] : ['file'];
      t.iconPath = new vscode.ThemeIcon(icon[0], icon[1] ? new vscode.ThemeColor(icon[1]) : undefined);
      if (this.grouping === 'postmortem') t.tooltip = g.entries[0] ? vscode.Uri.parse(g.entries[0].postmortem.file).fsPath : g.label;
      return t;
    }
    const { item: i, postmortem: p } = node.entry;
    const t = new vscode.TreeItem(i.text || '(empty action item)', vscode.TreeItemCollapsibleState.None);
    t.description = this.grouping === 'postmortem' ? describeItem(i) : `${describeItem(i)} — ${p.title}`;
    t.iconPath = itemIcon(i);
    t.contextValue = 'item';
    const md = new vscode.MarkdownString(undefined, true);
    md.appendText(i.text).appendMarkdown('\n\n');
    md.appendText(describeItem(i));
    if (i.ticket) md.appendText(` · ${i.ticket}`);
    md.appendMarkdown('\n\n');
    md.appendText(`${p.title}${p.date ? ` (${p.date}${p.severity ? `, ${p.severity}` : ''})` : ''} — ${vscode.workspace.asRelativePath(vscode.Uri.parse(p.file))}:${i.location.line + 1}`);
    t.tooltip = md;
    const uri = vscode.Uri.parse(p.file);
    const range = new vscode.Range(i.location.line, i.location.character, i.location.endLine, i.location.endCharacter);
    t.command = { command: 'vscode.open', title: 'Open Action Item', arguments: [uri, { selection: range } satisfies vscode.TextDocumentShowOptions] };
    return t;
  }

  private async copyTable(node?: Node): Promise<void> {
    const entries = node?.type === 'group' ? node.group.entries : node?.type === 'item' ? [node.entry] : this.groups().flatMap((g) => g.entries);
    if (!entries.length) {
      void vscode.window.showInformationMessage('No action items to copy.');
      return;
    }
    await vscode.env.clipboard.writeText(markdownTable(entries, (f) => vscode.workspace.asRelativePath(vscode.Uri.parse(f))));
    void vscode.window.setStatusBarMessage(`Copied ${entries.length} action item${entries.length === 1 ? '' : 's'} as a markdown table`, 3000);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
