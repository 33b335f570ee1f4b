// Pushing diagnostics: computed as soon as a change arrives (no fixed debounce), one pending run per document, and
// published only for the text the document has now (its revision: a client's version numbers may go backwards, and
// the new text's diagnostics must still replace the old ones).
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { ConfigProblem } from '../model/types';

export interface Computed {
  version: number;
  /** The server's revision of the text the diagnostics describe (see analysis.ts). */
  revision: number;
  diagnostics: Diagnostic[];
}

export class DiagnosticsPublisher {
  private readonly scheduled = new Set<string>();
  /** Documents whose run must start over (a change or a config change came in while it was computing). */
  private readonly running = new Map<string, { again: boolean }>();

  constructor(
    private readonly connection: Connection,
    /** The document's current revision; undefined when it is not open. */
    private readonly currentVersion: (uri: string) => number | undefined,
    private readonly compute: (uri: string) => Promise<Computed | undefined>,
  ) {}

  /** Asks for fresh diagnostics. Calls made before the run starts collapse into one run for the latest version. */
  schedule(uri: string): void {
    const run = this.running.get(uri);
    if (run) {
      run.again = true;
      return;
    }
    if (this.scheduled.has(uri)) return;
    this.scheduled.add(uri);
    setImmediate(() => {
      this.scheduled.delete(uri);
      void this.run(uri);
    });
  }

  private async run(uri: string): Promise<void> {
    const state = { again: false };
    this.running.set(uri, state);
    try {
      if (this.currentVersion(uri) === undefined) return;
      const computed = await this.compute(uri);
      if (!computed) return;
      // Publish only for the text the document has now: a newer change reschedules (state.again).
      if (this.currentVersion(uri) !== computed.revision) return;
      await this.connection.sendDiagnostics({ uri, version: computed.version, diagnostics: computed.diagnostics });
    } catch (e) {
      this.connection.console.error(`postmortem-lint: diagnostics for ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    } finally {
      this.running.delete(uri);
      if (state.again && this.currentVersion(uri) !== undefined) this.schedule(uri);
    }
  }

  /** On close: an empty list. */
  clear(uri: string): void {
    this.scheduled.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }
}

/**
 * The range of a config problem's key in the config file's text: the last key segment, searched after the earlier
 * segments (JSON `"key"` or YAML `key:`). The first line when the key cannot be found.
 */
export function locateConfigKey(text: string, key: string | undefined): { start: number; end: number } {
  const firstLine = () => {
    const nl = text.search(/\r?\n|\r/);
    return { start: 0, end: nl < 0 ? text.length : nl };
  };
  if (!key) return firstLine();
  const segments = key.replace(/^postmortemLint\./, '').split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '');
  let from = 0;
  let hit: { start: number; end: number } | undefined;
  for (const seg of segments) {
    if (/^\d+$/.test(seg)) continue;
    const esc = seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`"${esc}"|'${esc}'|(?<=^|[\\s{,])${esc}(?=\\s*:)`, 'gm');
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) break;
    hit = { start: m.index, end: m.index + m[0].length };
    from = hit.end;
  }
  return hit ?? firstLine();
}

export function configProblemDiagnostic(text: string, p: ConfigProblem, positionAt: (o: number) => { line: number; character: number }): Diagnostic {
  let range: Diagnostic['range'];
  const lc = /at line (\d+), column (\d+)/.exec(p.message);
  if (lc) {
    const start = { line: Math.max(0, Number(lc[1]) - 1), character: Math.max(0, Number(lc[2]) - 1) };
    range = { start, end: { line: start.line, character: start.character + 1 } };
  } else {
    const at = locateConfigKey(text, p.key);
    range = { start: positionAt(at.start), end: positionAt(at.end) };
  }
  return {
    range,
    severity: DiagnosticSeverity.Error,
    source: 'postmortem-lint',
    message: p.key ? `${p.key}: ${p.message}` : p.message,
  };
}
