// The front matter most postmortems have, read without the yaml package: `key: value` lines whose values are plain
// words, quoted words or whole numbers (a title, a date, a severity, a weight), read exactly as `YAML.parse` reads
// them (YAML 1.2 core schema: null, a boolean, a decimal integer or a string). The yaml package builds a document, a
// syntax tree and a composer for each front matter: about a third of a millisecond each, 4–5% of a CLI run over an
// archive of small postmortems. Anything else (escapes, comments, other numbers, lists, nesting, anchors, tags, a value
// over several lines, a character YAML treats specially) is left to the yaml package: `undefined`.
// test/unit/plain-yaml.test.ts compares the two on every front matter we have and on generated lines.

const KEY_RE = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/;
/** Core schema: null and boolean (any other plain word here is a string; numbers but whole ones go to the yaml package). */
const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const NUMBER_RES = [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, /^0o[0-7]+$/, /^[-+]?[0-9]+$/, /^0x[0-9a-fA-F]+$/];
/** A plain value may not start with these (YAML indicators), nor with a sign or a dot (numbers, `.inf`) here. */
const BAD_START = new Set([...'-?:,[]{}#&*!|>\'"%@`+. ']);
/** A control character but the line feed (a tab, a carriage return), YAML's other line breaks, a byte order mark, `#`. */
function hasBadChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0x23) return true;
  }
  return false;
}

type Plain = string | number | boolean | null;

/** A whole value in double quotes without escapes, or in single quotes without a quote inside. */
const QUOTED_RE = /^(?:"[^"\\]*"|'[^']*')$/;

/** `value` of one `key: value` line as the core schema reads it; undefined when it is not a plain word or words. */
function plainValue(value: string): Plain | undefined {
  if (NULL_RE.test(value)) return null;
  if (QUOTED_RE.test(value)) return value.slice(1, -1);
  // a decimal integer small enough to be exact
  if (value.length <= 15 && /^[0-9]+$/.test(value)) return Number(value);
  if (BAD_START.has(value[0]) || value.endsWith(' ') || value.endsWith(':') || value.includes(': ')) return undefined;
  if (BOOL_RE.test(value)) return value[0] === 't' || value[0] === 'T';
  if (value[0] >= '0' && value[0] <= '9' && NUMBER_RES.some((re) => re.test(value))) return undefined;
  return value;
}

/** The mapping `YAML.parse(text)` returns, for front matter of `key: value` lines with plain values; else undefined. */
export function readPlainYaml(text: string): Record<string, Plain> | undefined {
  if (hasBadChar(text)) return undefined;
  const out: Record<string, Plain> = {};
  let keys = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon < 0) return undefined;
    const key = line.slice(0, colon);
    // a key that reads as null or a boolean becomes "" or "true"; `__proto__` is an own key in the yaml package's map
    if (!KEY_RE.test(key) || NULL_RE.test(key) || BOOL_RE.test(key) || key === '__proto__') return undefined;
    const rest = line.slice(colon + 1);
    let value: Plain | undefined = null;
    if (rest !== '') {
      if (rest[0] !== ' ') return undefined;
      let at = 1;
      while (rest[at] === ' ') at++;
      value = plainValue(rest.slice(at));
      if (value === undefined) return undefined;
    }
    out[key] = value;
    keys++;
  }
  return keys > 0 ? out : undefined;
}
