// The --help text, with the rule list taken from the registry.
import type { Rule } from '../model/types';
import type { ToolInfo } from './format';

export function helpText(rules: readonly Rule<object>[], tool: ToolInfo): string {
  const idW = Math.max(0, ...rules.map((r) => r.id.length));
  const ruleLines = rules.map((r) => `  ${r.id.padEnd(idW)}  ${String(r.defaultSeverity).padEnd(11)}  ${r.description}`);
  return `${tool.name} ${tool.version}: lint incident postmortems (action items without an owner or a date,
vague or too many items, missing context for the reader who comes a year later).

Usage:
  ${tool.name} [options] <files, folders or globs...>
  ${tool.name} render <file> [-o out.html] [--today YYYY-MM-DD] [--config <file>] [--all] [--remote-images]
  ${tool.name} report [--format markdown|html|csv|json] [--fail-on-overdue] [paths...]
                   (action items across the archive; see ${tool.name} report --help)

Folders are searched for *.md (node_modules and .git are skipped). Only files that look like
postmortems are linted (front matter, path, or at least two postmortem sections); --all lints every file.

Options:
  -f, --format <fmt>     text (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)
  -c, --config <file>    use this .postmortemrc.json / .yaml for every file instead of searching upward
                         from each file (path globs in it are then relative to the working directory)
      --all              lint files even when they do not look like postmortems
      --remote-images    render: let the page load images from other hosts (default: a placeholder)
      --ignore <glob>    never lint files matching this glob (relative to the working directory;
                         repeatable), e.g. --ignore "postmortems/template.md"
      --fix              apply every fix that needs no answer (a missing section's heading, …) and
                         write the files back (same encoding and line endings); says what changed on
                         stderr, then reports what is left
      --fix-dry-run      print those fixes as a unified diff instead; writes nothing
      --fail-on <level>  error, warning (default), information or never: the lowest severity that
                         makes the exit code 1
      --today <date>     the date "overdue" is judged against, as YYYY-MM-DD (default: today's local
                         date, or the POSTMORTEM_LINT_TODAY environment variable). Pin it in CI for
                         reproducible runs.
  -j, --jobs <n>         lint on n threads (default: one per core no other process is using, measured
                         as the run starts; the main thread alone for fewer than 200 files); --jobs 1
                         lints in process. The report is the same for any n
      --cache            lint only the files that changed since the last --cache run (same bytes,
                         configuration, date and linter version: the findings are taken from the cache)
      --cache-location <path>
                         the cache file, or a folder to keep it in (default:
                         node_modules/.cache/postmortem-lint/ under the working directory)
      --verbose          say on stderr how many files were linted or taken from the cache, and why
                         each was linted again
  -o, --output <file>    write the report (or, for render, the HTML) to a file instead of stdout
  -h, --help             show this help
  -v, --version          show the version

Exit codes:
  0  nothing reached --fail-on
  1  at least one finding reached --fail-on
  2  usage or configuration error (one line on stderr names the file and the key)

Configuration: the nearest .postmortemrc.json, .postmortemrc.yaml or .postmortemrc.yml upward from each file:
  { "rules": { "action-item-owner": "error", "action-items-too-many": ["warning", { "max": 3 }] },
    "postmortemGlobs": ["docs/incidents/**/*.md"], "ignore": ["docs/incidents/template.md"] }
Each rule is "off", "error", "warning", "information", "hint", or [severity, { options }].
Inline: <!-- postmortem-lint-disable rule-id -->, -enable, -disable-next-line, -disable-file.

Rules (default severity):
${ruleLines.join('\n')}

Rule documentation (markdown, shipped with the package): ${tool.docsPath('<rule-id>')}
`;
}
