// The runner: text + config → model + findings. Pure (no fs, no LSP); faces call this.
import type { Config, Finding, Postmortem } from './types';

export interface LintOptions {
  /** Path of the file (absolute or relative); used for postmortem detection by path globs. */
  filePath?: string;
  /** Base folder that path globs are relative to (config file folder or workspace root). */
  rootDir?: string;
  /** Merged configuration (.postmortemrc + editor settings). */
  config?: Config;
  /** "Today" as ISO yyyy-mm-dd. Defaults to the local date. */
  today?: string;
  /** Lint even when the document does not look like a postmortem (CLI --all). */
  all?: boolean;
}

export interface LintResult {
  model: Postmortem;
  /** Whether the document was judged a postmortem (or forced with `all`). */
  isPostmortem: boolean;
  /** Why it is a postmortem: front matter, path or sections; undefined when it is not one. */
  detectedBy?: 'front-matter' | 'path' | 'sections' | 'forced';
  findings: Finding[];
}

export declare function lint(text: string, options?: LintOptions): LintResult;
