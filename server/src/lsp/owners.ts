// Owners across open documents and the workspace's postmortems, for owner completion and "Assign an owner…".
// The workspace's come from the workspace index (index/workspace-index.ts: every postmortem read once, in the lint
// thread, in the background): nothing is read or parsed here, so the first Ctrl+. or '@' does not wait for a scan of
// the workspace. While the index's first build runs, the files read so far are offered. A postmortem closed since keeps
// offering the owners it had when it was closed, until the file changes on disk.
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../lint/lint';
import { detectPostmortem } from '../lint/detect';
import { ownersOf } from '../archive/entry';
import { parsePostmortem } from '../model/parse';
import type { Rule } from '../model/types';
import { loadConfigForFile } from '../config/load';

export interface OwnerDirectoryOptions {
  documents: TextDocuments<TextDocument>;
  roots: () => string[];
  rules: readonly Rule<object>[];
  isMarkdown: (doc: TextDocument) => boolean;
  getResult: (uri: string) => Promise<{ result: LintResult } | undefined>;
  /** The newest finished analysis of an open document, of any revision (owners need not wait for a re-lint). */
  lastResult: (uri: string) => { result: LintResult } | undefined;
  log: (message: string) => void;
  /** The owners each postmortem of the workspace index names, by file URI (none without an index). */
  indexed: () => Iterable<[string, string[]]>;
  /** Whether `indexed` holds the whole workspace (false while the index's build runs). */
  indexComplete: () => boolean;
}

export class OwnerDirectory {
  /** Postmortems closed in the editor, with the owners their closing text names (until the file changes on disk). */
  private readonly closedOwners = new Map<string, string[]>();

  constructor(private readonly o: OwnerDirectoryOptions) {}

  /** False while the workspace index is still being built: `known` then gives the files read so far. */
  get isComplete(): boolean {
    return this.o.indexComplete();
  }

  /** Owners used in open postmortems and the workspace's, most used first. */
  async known(uri: string): Promise<string[]> {
    const counts = new Map<string, number>();
    const add = (owners: string[]) => {
      for (const owner of owners) if (owner) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    };
    const open = new Set<string>();
    for (const d of [this.o.documents.get(uri), ...this.o.documents.all()]) {
      if (!d || open.has(d.uri) || !this.o.isMarkdown(d)) continue;
      open.add(d.uri);
      const r = this.o.lastResult(d.uri) ?? (await this.o.getResult(d.uri));
      if (r?.result.isPostmortem) add(ownersOf(r.result.model));
    }
    for (const [fileUri, owners] of this.closedOwners) if (!open.has(fileUri)) add(owners);
    for (const [fileUri, owners] of this.o.indexed()) if (!open.has(fileUri) && !this.closedOwners.has(fileUri)) add(owners);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([owner]) => owner);
  }

  /**
   * A file was closed: the snapshot keeps its owners as they were then. Its last analysis gives them when it is of the
   * closing text; else (the close came before the analysis finished: diagnostics are published from the findings,
   * before the model) the text is read here.
   */
  closed(uri: string, text: string, last: { text: string; result: LintResult } | undefined): void {
    if (!uri.startsWith('file:')) return;
    let owners: string[] | undefined;
    if (last && last.text === text) owners = last.result.isPostmortem ? ownersOf(last.result.model) : undefined;
    else {
      try {
        const file = fileURLToPath(uri);
        owners = this.ownersIn(file, text, this.o.roots().find((r) => file.startsWith(r)));
      } catch {
        owners = undefined;
      }
    }
    // not a postmortem any more: it offers nobody, whatever the index read before it was opened
    this.closedOwners.set(uri, owners ?? []);
  }

  /** A file changed on disk: the index's reading of it is the one to offer. */
  changedOnDisk(uri: string): void {
    this.closedOwners.delete(uri);
  }

  /** The owners of a postmortem file's text; undefined when the file is not a postmortem. */
  private ownersIn(file: string, text: string, root: string | undefined): string[] | undefined {
    const model = parsePostmortem(text);
    const loaded = loadConfigForFile(file, this.o.rules);
    if (!detectPostmortem(model, { filePath: file, rootDir: loaded.rootDir ?? root, config: loaded.config })) return undefined;
    return ownersOf(model);
  }
}
