// The snippet file's format (JSON with comments), read without vscode so unit tests can check the real file.

export interface SnippetEntry {
  name: string;
  prefix: string[];
  body: string;
  description?: string;
}

/** JSON with comments and trailing commas (the .code-snippets format) → value. Strings are left alone. */
export function parseJsonc(text: string): unknown {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += ch;
      i++;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

export function fullTemplate(snippets: SnippetEntry[]): SnippetEntry | undefined {
  return snippets.find((s) => /full template/i.test(s.name)) ?? snippets.find((s) => s.prefix.includes('postmortem'));
}

/** "Postmortem section: Contributing causes" → { label: "Contributing causes", kind: "contributing-causes" }. */
export function sectionSnippets(snippets: SnippetEntry[]): (SnippetEntry & { label: string; kind: string })[] {
  return snippets
    .filter((s) => /^postmortem section:/i.test(s.name))
    .map((s) => {
      const label = s.name.replace(/^postmortem section:\s*/i, '');
      return { ...s, label, kind: label.toLowerCase().replace(/\s+/g, '-') };
    });
}

/** Entries of a parsed .code-snippets object. */
export function snippetEntries(data: unknown): SnippetEntry[] {
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data as Record<string, { prefix?: string | string[]; body?: string | string[]; description?: string }>)
    .filter(([, v]) => v && typeof v === 'object' && v.body !== undefined)
    .map(([name, v]) => ({
      name,
      prefix: Array.isArray(v.prefix) ? v.prefix : v.prefix ? [v.prefix] : [],
      body: Array.isArray(v.body) ? v.body.join('\n') : String(v.body),
      description: v.description,
    }));
}

/**
 * Where "Insert Section…" puts a section relative to the cursor's line, so the heading has a blank line before it
 * (markdownlint MD022) and the section's last, empty line separates it from what follows. A line with text: after it,
 * with a blank line between. An empty line: on it, with a blank line first when the line above has text.
 */
export function sectionPlacement(currentLine: string, previousLine: string | undefined): { atLineEnd: boolean; prefix: string } {
  if (currentLine.trim()) return { atLineEnd: true, prefix: '\n\n' };
  return { atLineEnd: false, prefix: previousLine !== undefined && previousLine.trim() ? '\n' : '' };
}
