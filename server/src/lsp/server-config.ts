// Configuration as the server sees it: which folder a file belongs to, its resolved config (.postmortemrc upward from
// the file ← editor settings), problems shown once per text (a config with thousands of problems gives a few messages
// and one "… and N more", never a toast per problem), and the diagnostics of an open .postmortemrc.
import * as path from 'node:path';
import { MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigProblem, Rule } from '../model/types';
import type { EditorLintSettings } from '../config/merge';
import { CONFIG_FILE_NAMES } from '../config/load';
import { resolveConfig, type ResolvedConfig } from '../config/resolve';
import { parseConfigText } from '../config/parse';
import { capProblems, formatConfigProblem, validateConfig } from '../config/validate';
import type { ServerSettings } from './context';
import { configProblemDiagnostic } from './diagnostics';
import type { SettingsStore } from './settings';

export function isConfigFile(filePath: string | undefined): filePath is string {
  return !!filePath && (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(filePath));
}

export class ServerConfig {
  private readonly shownProblems = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly settings: SettingsStore,
    private readonly roots: () => string[],
    private readonly rules: readonly Rule<object>[],
  ) {}

  /** Shows each problem's text once per server run. */
  reportProblems(problems: ConfigProblem[]): void {
    for (const p of capProblems(problems)) {
      const text = formatConfigProblem(p, p.file === 'settings' ? 'Settings' : p.file);
      if (this.shownProblems.has(text)) continue;
      this.shownProblems.add(text);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Postmortem Lint: ${text}` });
    }
  }

  /** The innermost workspace folder holding the file. */
  workspaceRootOf(filePath: string): string | undefined {
    const hits = this.roots().filter((r) => filePath === r || filePath.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
    return hits.sort((a, b) => b.length - a.length)[0];
  }

  /** .postmortemrc (upward from the file) ← editor settings, with the folder the path globs are relative to. */
  configFor(uri: string, filePath: string | undefined, s: ServerSettings): ResolvedConfig {
    const raw = this.settings.rawFor(uri);
    const editor: EditorLintSettings =
      raw && typeof raw === 'object' && !Array.isArray(raw)
        ? (raw as EditorLintSettings)
        : { rules: s.rules, postmortemGlobs: s.postmortemGlobs, ignore: s.ignore, maxActionItems: s.maxActionItems };
    return resolveConfig(filePath, { editor, fallbackRoot: filePath ? this.workspaceRootOf(filePath) : undefined, rules: this.rules });
  }

  /** The problems of an open configuration file, as diagnostics on it (at most 100). */
  configFileDiagnostics(doc: TextDocument, filePath: string): Diagnostic[] {
    const text = doc.getText();
    const parsed = parseConfigText(text, filePath);
    const problems = parsed.problems.length ? parsed.problems : validateConfig(parsed.raw, filePath, this.rules).problems;
    return capProblems(problems, 100).map((p) => configProblemDiagnostic(text, p, (o) => doc.positionAt(o)));
  }
}
