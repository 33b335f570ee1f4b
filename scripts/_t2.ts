import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { parseMarkdown, parsePostmortem } from '../server/src/model/parse';
import { templateCounts } from '../server/src/model/template-text';
const MAYBE_PLACEHOLDER_RE = /[[<{$…@]|\.{3}|_{3}|\b(?:YYYY|HH:MM|DD MMM|TBD|TBA|TODO|N\/A|item [A-Z]|XXX|YYY|ZZZ|[12]\dxx)\b/i;
const files = process.argv.slice(2).length ? process.argv.slice(2) : [...fg.sync('/work/main/test/eval/**/*.md'), ...fg.sync('/work/shared/corpus/postmortems/*.md'), ...fg.sync('/work/main/test/fixtures/*.md')];
for (const f of files) {
  if (/README|FIRST-RUN/.test(f) && !process.argv[2]) continue;
  const text = readFileSync(f, 'utf8');
  const m = parsePostmortem(text, parseMarkdown(text));
  const title = m.title?.value ?? '';
  if (MAYBE_PLACEHOLDER_RE.test(title)) console.log(JSON.stringify(title).slice(0, 80), '\t', f.replace('/work/main/test/eval/', ''), JSON.stringify(templateCounts(text)));
}
