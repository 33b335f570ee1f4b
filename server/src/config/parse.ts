// Parsing .postmortemrc text (JSON or YAML) into a value. Pure: no fs. Never throws.
import YAML from 'yaml';
import type { ConfigProblem } from '../model/types';

export interface ParsedConfigText {
  /** The parsed value; undefined when the text is broken. */
  raw?: unknown;
  problems: ConfigProblem[];
}

/** Parses a config file's text; the format is chosen by the file name (.json → JSON, else YAML). */
export function parseConfigText(text: string, file: string): ParsedConfigText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return /\.json$/i.test(file) ? parseJson(body, file) : parseYaml(body, file);
}

function parseJson(text: string, file: string): ParsedConfigText {
  if (text.trim() === '') {
    return { problems: [{ file, message: 'the file is empty; write a JSON object such as { "rules": { "action-item-owner": "error" } }' }] };
  }
  try {
    return { raw: JSON.parse(text) as unknown, problems: [] };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { problems: [{ file, message: `broken JSON${jsonErrorLocation(msg, text)}: ${cleanJsonMessage(msg)}` }] };
  }
}

/** " at line L, column C" from a V8 JSON.parse message ("... in JSON at position 42 (line 3 column 5)"). */
function jsonErrorLocation(message: string, text: string): string {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return ` at line ${lc[1]}, column ${lc[2]}`;
  const pos = /at position (\d+)/.exec(message);
  if (pos) {
    const offset = Math.min(Number(pos[1]), text.length);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return ` at line ${line}, column ${column}`;
  }
  if (/end of (JSON|data) input/i.test(message)) {
    const lines = text.split('\n');
    return ` at line ${lines.length}, column ${lines[lines.length - 1].length + 1} (the text ends too early)`;
  }
  return '';
}

function cleanJsonMessage(message: string): string {
  return message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/\s*in JSON at position \d+/, '')
    .replace(/^JSON\.parse: /, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseYaml(text: string, file: string): ParsedConfigText {
  try {
    // a warning ("Unresolved tag: !binary") is reported as the errors are, not written to stderr by the library
    const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true, logLevel: 'silent' });
    if (doc.errors.length > 0 || doc.warnings.length > 0) {
      const err = doc.errors[0] ?? doc.warnings[0];
      const at = err.linePos?.[0];
      const where = at ? ` at line ${at.line}, column ${at.col}` : '';
      const first = err.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
      return { problems: [{ file, message: `broken YAML${where}: ${first}` }] };
    }
    const raw = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return { raw: raw ?? undefined, problems: [] };
  } catch (e) {
    return { problems: [{ file, message: `broken YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` }] };
  }
}
