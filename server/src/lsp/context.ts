// What the LSP adapter hands to feature modules (code actions, hover, completion, symbols, reader requests).
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../lint/lint';
import type { EarlyResult } from './analysis';
import type { FixAnswer, FixQuery } from '../lint/fix-query';
import type { ReaderModelResult } from '../protocol';
import type { ReaderViewOptions } from '../reader/view';

export interface CurrentResult {
  version: number;
  result: LintResult;
  /** Builds the fixes asked for from this analysis (the findings carry none: see lint/fix-query.ts). */
  fixes(query: FixQuery): Promise<FixAnswer>;
}

/** The findings of a version, before its model (which may still be crossing from the lint thread). */
export interface CurrentFindings {
  version: number;
  result: EarlyResult;
  /** Builds the fixes asked for, where the lint ran. */
  fixes(query: FixQuery): Promise<FixAnswer>;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /**
   * The lint result for the document's current version (computed on demand and cached per version). `urgent` (the
   * default): its model is wanted now; `false` (the workspace index): it may come once the user pauses typing.
   */
  getResult(uri: string, urgent?: boolean): Promise<CurrentResult | undefined>;
  /** The findings of the document's current version, as soon as they are known (code actions need no more). */
  getFindings(uri: string): Promise<CurrentFindings | undefined>;
  /**
   * For answers about one line (hover): the newest finished result when the text up to the end of that line has not
   * changed since, so they need not wait for a re-lint of edits further down; else the current version's result.
   */
  getResultNear(uri: string, line: number): Promise<{ version: number; result: LintResult } | undefined>;
  /** Per-resource settings (section `postmortemLint`), cached per URI and cleared on change. */
  getSettings(uri: string): Promise<ServerSettings>;
  /** Owner handles used across the workspace's postmortems (for owner completion / assign owner). */
  knownOwners(uri: string): Promise<string[]>;
  /** False while the workspace index is still being built (`knownOwners` then lacks the files not read yet). */
  ownersComplete(): boolean;
  /**
   * The reader view of the document's analysis of `text`, built in the lint thread (which keeps that analysis's
   * markdown tree); undefined when it no longer has it (then build it here).
   */
  readerInThread(uri: string, text: string, options: ReaderViewOptions): Promise<ReaderModelResult | undefined>;
  /** "Today" (ISO); injectable in tests with the env var POSTMORTEM_LINT_TODAY. */
  today(): string;
}

export interface ServerSettings {
  enable: boolean;
  /** rule id → 'off' | severity | [severity, options] (merged over .postmortemrc). */
  rules: Record<string, unknown>;
  postmortemGlobs: string[];
  ignore: string[];
  maxActionItems?: number;
  codeLens: boolean;
  /** Reader view / export: load images from other hosts (default false: placeholders). */
  loadRemoteImages: boolean;
  /** Findings of postmortems that are not open, in the Problems panel: 'auto' = on up to 500 markdown files. */
  lintWorkspace: LintWorkspaceSetting;
}

export type LintWorkspaceSetting = 'auto' | 'on' | 'off';
