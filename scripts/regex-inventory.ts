// The inventory of the server's regular expressions, for the ReDoS check (scripts/regex-check.ts records recheck's
// verdicts; test/unit/regex-safety.test.ts replays its attacks): every literal and `new RegExp('literal')` in
// server/src, and the expressions built at run time while every fixture is linted and rendered.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const root = fileURLToPath(new URL('../', import.meta.url));

/** file (relative to the root) + ' ' + the expression as written: applied only to input of bounded length. */
export const BOUNDED: Record<string, string> = {
  "server/src/model/acronyms.ts new RegExp(\"^(?:\\\\s+\\\\p{L}+)?\\\\s*(?::|=|—|–|\\\\s-|,?\\\\s+or|\\\\s+is\\\\s+(?:an?|the)|\\\\s+stands\\\\s+for|\\\\s+means)\\\\s+([^\\\\n.;()]{3,120})\", \"u\")": 'the literal above, as the TypeScript loader builds it at run time',
  "server/src/model/acronyms.ts /^(?:\\s+\\p{L}+)?\\s*(?::|=|—|–|\\s-|,?\\s+or|\\s+is\\s+(?:an?|the)|\\s+stands\\s+for|\\s+means)\\s+([^\\n.;()]{3,120})/u": 'the 300 characters after an acronym',
  'server/src/cli/files.ts /[\\\\/]+$/': 'a path given on the command line',
  'server/src/cli/format.ts /\\s*[\\r\\n]+\\s*/g': 'a finding message (one sentence)',
  'server/src/cli/run.ts /\\s*\\n\\s*/g': 'an error message',
  'server/src/cli/report.ts /\\s*\\n\\s*/g': 'an error message',
  'server/src/model/acronyms.ts /^\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?([^:=—–]{1,60}?)(?:\\*\\*|__)?\\s*(?:\\(([^)]{1,80})\\))?\\s*(?::|=|—|–|\\s-\\s)\\s*(.+)$/': 'a glossary line with whitespace runs collapsed to one space; the term is at most 60 characters',
  'server/src/model/acronyms.ts /^[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*$/': "a glossary line's parenthesis (at most 80 characters)",
  'server/src/model/acronyms.ts /^[A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*s?$/': 'a glossary term, only when at most 60 characters',
  'server/src/model/acronyms.ts /\\b([A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*)\\b/': 'a glossary term, only when at most 60 characters',
  'server/src/rules/undefined-acronym.ts /\\d+$/': 'an acronym (at most 10 characters)',
  'server/src/config/parse.ts /\\s*\\(line \\d+ column \\d+\\)/': 'a JSON parser error message',
  'server/src/config/parse.ts /\\s*in JSON at position \\d+/': 'a JSON parser error message',
  'server/src/config/parse.ts /\\s+at line \\d+, column \\d+:?$/': 'a YAML parser error message',
  'server/src/model/fields.ts /^\\*+|\\*+$/g': 'a table cell or name already cut to a field',
  'server/src/model/due.ts /^\\*+|\\*+$/g': 'a due cell already cut to a field',
  'server/src/model/due.ts /\\s*(?:at|@|,)?\\s*\\d{1,2}:\\d{2}.*$/i': 'the text of one date chrono-node found',
  'server/src/model/due.ts /\\s*[-–—]\\s*.*$/': 'the text of one date chrono-node found',
  'server/src/model/fields.ts /\\s+and\\s+/gi': 'one owner cell part between separators',
  'server/src/rules/support/vague-words.ts /^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$/gu': 'one word of an item',
  'server/src/rules/support/vague-words.ts /^[A-Z][a-z]+[A-Z0-9]?\\w*$/': 'one word of an item',
  'server/src/rules/support/vague-words.ts /\\d|[a-z]{3,}-[a-z]{3,}/': 'one word of an item',
  'server/src/rules/support/vague-words.ts /[,.;:]+$/': 'the object words of an item (≤ 12 words)',
  'server/src/rules/empty-section.ts /^[*_]+|[*_]+$/g': 'one line of a section, trimmed',
  'server/src/model/action-items/lists.ts /^(.*?\\S)\\s+(?:[—–]|--?)\\s+(.*)$/': 'item text with whitespace collapsed to single spaces (the attack needs a line break)',
  'server/src/lsp/features/completion.ts /^(#{1,6})(?:[ \\t]+(.*))?$/': 'one line, no line break (the attack needs one)',
  'server/src/rules/support/vague-words.ts /^\\*\\*([^*]{2,80}?)\\*\\*\\s*[:：]?\\s*(.*)$/s': 'anchored; the label is at most 80 characters and the rest always matches',
  'server/src/rules/support/vague-words.ts /^__([^_]{2,80}?)__\\s*[:：]?\\s*(.*)$/s': 'anchored; the label is at most 80 characters and the rest always matches',
  'server/src/model/due.ts /[^\\s,;|)(\\]\u2014\u2013.][^,;|)(\\]\u2014\u2013]{0,40}?(?=\\s*(?:[,;|)(\\]\u2014\u2013]|\\.\\s|\\.?$|(?<=\\s)(?:owner|priority|status|p[0-4])\\b))/iuy': 'sticky at one place: at most 41 candidate ends, each lookahead reads one run of blanks',
  'server/src/rules/root-cause-vague.ts /^\\s*(?:(?:and|or|\\/)\\s+(?:\\w+\\s+){0,2}?\\w+\\s*)?(?:(?:in place|in general|overall|around (?:this|it|that)|at the time|(?:of|for|on|in|around|across) (?:the |our |this |that )?(?:system|systems|services?|platform|code|codebase|infrastructure|process|processes|area|change|changes|release|releases|deploy(?:ment)?s?|this|it|general|production|prod)))?\\s*[.,;!)*_]*\\s*$/i':
    'the rest of one sentence, at most 160 characters, white space runs collapsed to one space',
  'server/src/rules/root-cause-vague.ts /^\\s*\\n\\s*(?![-*+#]|\\d+[.)])\\S/': 'the 200 characters after a line',
  'server/src/rules/public-internal-detail.ts /\\[([^\\]\\n]*)\\]\\($/': 'the 200 characters before a hit',
  'server/src/rules/support/vague-words.ts /\\s(?:to|in order to) (?:validate|verify|check|catch|detect|confirm|test|reproduce)\\s+(?!\\s)(.+)$/i':
    'the last line of an item and the 22 characters before it (lastLineStart): no line break follows, so the first clause found matches',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

export interface Found {
  key: string;
  where: string;
  source: string;
  flags: string;
}

/** Every regular expression literal, and every `new RegExp('literal', 'flags')`, in the server's source. */
export function projectRegexes(): Found[] {
  const out: Found[] = [];
  for (const file of sourceFiles(join(root, 'server/src'))) {
    const rel = relative(root, file);
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const add = (n: ts.Node, source: string, flags: string) => {
      const literal = `/${source}/${flags}`;
      out.push({ key: `${rel} ${literal}`, where: `${rel}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`, source, flags });
    };
    const visit = (n: ts.Node) => {
      if (ts.isRegularExpressionLiteral(n)) {
        const t = n.text;
        const i = t.lastIndexOf('/');
        add(n, t.slice(1, i), t.slice(i + 1));
      } else if (ts.isNewExpression(n) && n.expression.getText() === 'RegExp' && n.arguments?.length) {
        const [a, b] = n.arguments;
        if (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) add(n, a.text, b && ts.isStringLiteral(b) ? b.text : '');
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

/**
 * Expressions built at run time from parts (`new RegExp(\`…${x}…\`)`): the server's calls to the RegExp constructor,
 * recorded while it loads and lints every fixture.
 */
export async function builtRegexes(): Promise<Found[]> {
  const out: Found[] = [];
  const Original = RegExp;
  const recorder = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const re = new target(...args);
      const caller = (new Error().stack ?? '').split('\n')[2] ?? '';
      const site = caller.includes('/server/src/') ? caller : undefined;
      if (site && typeof args[0] === 'string') {
        const where = relative(root, /\((.*):\d+:\d+\)$|at (.*):\d+:\d+$/.exec(site)?.slice(1).find(Boolean) ?? site);
        out.push({ key: `${where} new RegExp(${JSON.stringify(re.source)}, ${JSON.stringify(re.flags)})`, where, source: re.source, flags: re.flags });
      }
      return re;
    },
  });
  globalThis.RegExp = recorder;
  try {
    const { lint } = await import('../server/src/lint/lint');
    const { buildReaderModel } = await import('../server/src/reader/model');
    const fixtures = join(root, 'test/fixtures');
    for (const f of readdirSync(fixtures).filter((x) => x.endsWith('.md'))) {
      const r = lint(readFileSync(join(fixtures, f), 'utf8'), { all: true, today: '2026-03-01' });
      buildReaderModel(r, { today: '2026-03-01' });
    }
  } finally {
    globalThis.RegExp = Original;
  }
  return out;
}


/** Every expression, once per key. */
export async function allRegexes(): Promise<Found[]> {
  const unique = new Map<string, Found>();
  for (const r of [...projectRegexes(), ...(await builtRegexes())]) if (!unique.has(r.key)) unique.set(r.key, r);
  return [...unique.values()];
}

/** Worth analysing: it repeats without bound (anything else is linear whatever the input). */
export const repeats = (source: string) => /[*+]|\{\d+,\}/.test(source.replace(/\\./g, ''));
