// Owners across open documents and the workspace's postmortems, for owner completion and "Assign an owner…".
// The workspace is scanned once, on the first request (bounded in files and bytes); a postmortem closed since keeps
// offering the owners it had when it was closed.
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectPostmortem, type LintResult } from '../lint/lint';
import { parsePostmortem } from '../model/parse';
import type { Postmortem, Rule } from '../model/types';
import { loadConfigForFile } from '../config/load';

const MAX_SCANNED_FILES = 400;
const MAX_SCANNED_BYTES = 1_000_000;

const ownersOf = (model: Postmortem): string[] => model.actionItems.flatMap((a) => a.owners.map((o) => o.value));

export interface OwnerDirectoryOptions {
  documents: TextDocuments<TextDocument>;
  roots: () => string[];
  rules: readonly Rule<object>[];
  isMarkdown: (doc: TextDocument) => boolean;
  getResult: (uri: string) => Promise<{ result: LintResult } | undefined>;
  /** The newest finished analysis of an open document, of any revision (owners need not wait for a re-lint). */
  lastResult: (uri: string) => { result: LintResult } | undefined;
  log: (message: string) => void;
}

export class OwnerDirectory {
  private workspace: Promise<Map<string, string[]>> | undefined;

  constructor(private readonly o: OwnerDirectoryOptions) {}

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
    this.workspace ??= this.scan().catch((e: unknown) => {
      this.o.log(`workspace scan failed: ${e instanceof Error ? e.message : String(e)}`);
      return new Map<string, string[]>();
    });
    for (const [fileUri, owners] of await this.workspace) if (!open.has(fileUri)) add(owners);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([owner]) => owner);
  }

  /**
   * A file was closed: the snapshot keeps its owners as they were then. Its last analysis gives them when it is of the
   * closing text; else (the close came before the analysis finished: diagnostics are published from the findings,
   * before the model) the text is read here.
   */
  closed(uri: string, text: string, last: { text: string; result: LintResult } | undefined): void {
    if (!this.workspace || !uri.startsWith('file:')) return;
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
    if (owners) {
      const found = owners;
      this.workspace = this.workspace.then((map) => map.set(uri, found));
    }
  }

  /** The owners of a postmortem file's text; undefined when the file is not a postmortem. */
  private ownersIn(file: string, text: string, root: string | undefined): string[] | undefined {
    const model = parsePostmortem(text);
    const loaded = loadConfigForFile(file, this.o.rules);
    if (!detectPostmortem(model, { filePath: file, rootDir: loaded.rootDir ?? root, config: loaded.config })) return undefined;
    return ownersOf(model);
  }

  private async scan(): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const roots = this.o.roots();
    if (roots.length === 0) return out;
    const fg = (await import('fast-glob')).default;
    for (const root of roots) {
      if (out.size >= MAX_SCANNED_FILES) break;
      let files: string[] = [];
      try {
        files = await fg('**/*.md', { cwd: root, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], suppressErrors: true, followSymbolicLinks: false });
      } catch (e) {
        this.o.log(`scanning ${root} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      for (const file of files.slice(0, MAX_SCANNED_FILES - out.size)) {
        try {
          const stat = await fs.promises.stat(file);
          if (stat.size > MAX_SCANNED_BYTES) continue;
          const owners = this.ownersIn(file, await fs.promises.readFile(file, 'utf8'), root);
          if (owners) out.set(pathToFileURL(file).href, owners);
        } catch {
          // An unreadable file has no owners to offer.
        }
      }
    }
    return out;
  }
}
