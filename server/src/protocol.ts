// The one protocol file shared by the VS Code client and the language server (custom requests, commands,
// initialization options). Keep it free of runtime imports from either side: types and constants only.
import type { Fix } from './engine/types';

/** Sent by the VS Code client in `initializationOptions`. */
export interface InitializationOptions {
  /** The client can ask the user for an answer (owner, date) and run PROMPT_FIX_COMMAND. Other editors get plain edits. */
  promptFixes?: boolean;
}

/** Client-side command: ask the user for `fix.prompt`, substitute the answer for the placeholder, apply the edits. */
export const PROMPT_FIX_COMMAND = 'postmortemLint.applyFixWithPrompt';
export interface PromptFixArgs {
  uri: string;
  /** Document version the fix was computed for; the client refuses to apply it to another version. */
  version: number;
  fix: Fix;
}

/** Server-side command (workspace/executeCommand): opens the rule's docs page via window/showDocument. */
export const SHOW_RULE_DOCS_COMMAND = 'postmortemLint.showRuleDocs';
export type ShowRuleDocsArgs = [ruleId: string];

/** What travels in Diagnostic.data. */
export interface DiagnosticData {
  version: number;
  ruleId: string;
  fixes: Fix[];
}

/** Custom request: the reader-view model of a document (defined by the reader view). */
export const READER_MODEL_REQUEST = 'postmortemLint/readerModel';
