// The reader view's CSS: one source for the webview (served as media/reader.css, checked by a unit test to match)
// and the HTML export (inlined). In VS Code it follows the theme through --vscode-* variables; the export falls back
// to a light palette, or a dark one when the browser prefers it.
export const READER_CSS = `:root {
  --pm-fg: var(--vscode-foreground, #1f2328);
  --pm-bg: var(--vscode-editor-background, #ffffff);
  --pm-muted: var(--vscode-descriptionForeground, #59636e);
  --pm-border: var(--vscode-panel-border, var(--vscode-widget-border, #d1d9e0));
  --pm-card: var(--vscode-editorWidget-background, #f6f8fa);
  --pm-link: var(--vscode-textLink-foreground, #0969da);
  --pm-code-bg: var(--vscode-textCodeBlock-background, #f6f8fa);
  --pm-error: var(--vscode-editorError-foreground, #cf222e);
  --pm-warning: var(--vscode-editorWarning-foreground, #9a6700);
  --pm-info: var(--vscode-editorInfo-foreground, #0969da);
  --pm-ok: var(--vscode-testing-iconPassed, #1a7f37);
  --pm-font: var(--vscode-font-family, -apple-system, "Segoe UI", system-ui, sans-serif);
  --pm-mono: var(--vscode-editor-font-family, ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace);
}
@media (prefers-color-scheme: dark) {
  body.standalone {
    --pm-fg: #e6edf3; --pm-bg: #0d1117; --pm-muted: #9198a1; --pm-border: #3d444d; --pm-card: #151b23;
    --pm-link: #4493f8; --pm-code-bg: #151b23; --pm-error: #f85149; --pm-warning: #d29922; --pm-info: #4493f8; --pm-ok: #3fb950;
  }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 0 24px 48px; color: var(--pm-fg); background: var(--pm-bg); font-family: var(--pm-font);
  font-size: var(--vscode-font-size, 15px); line-height: 1.55; }
main#reader-root { max-width: 980px; margin: 0 auto; }
a { color: var(--pm-link); }
h1, h2, h3, h4 { line-height: 1.25; }
h2 { margin-top: 2em; padding-bottom: .3em; border-bottom: 1px solid var(--pm-border); }
code, pre { font-family: var(--pm-mono); font-size: .92em; }
code { background: var(--pm-code-bg); padding: .1em .35em; border-radius: 4px; }
pre { background: var(--pm-code-bg); padding: 12px 14px; border-radius: 6px; overflow: auto; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; margin: 1em 0; width: 100%; }
th, td { border: 1px solid var(--pm-border); padding: 6px 10px; text-align: left; vertical-align: top; }
th { background: var(--pm-card); }
blockquote { margin: 1em 0; padding: 0 1em; color: var(--pm-muted); border-left: 4px solid var(--pm-border); }
img { max-width: 100%; }
.header-card { margin: 24px 0 8px; padding: 18px 22px; border: 1px solid var(--pm-border); border-radius: 8px; background: var(--pm-card); }
.header-card h1 { margin: 0 0 12px; font-size: 1.7em; }
.facts { display: flex; flex-wrap: wrap; gap: 10px 28px; margin: 0; }
.fact dt { font-size: .78em; text-transform: uppercase; letter-spacing: .04em; color: var(--pm-muted); }
.fact dd { margin: 0; font-weight: 600; }
.fact .source { display: block; font-weight: normal; font-size: .8em; color: var(--pm-muted); }
.impact-figures { list-style: none; padding: 0; margin: 14px 0 0; }
.impact-figure { position: relative; margin: 2px 0; padding-left: 16px; }
.impact-figure::before { content: ""; position: absolute; left: 2px; top: .62em; width: 6px; height: 6px; border-radius: 50%; background: var(--pm-muted); }
.item-counts { margin: 12px 0 0; color: var(--pm-muted); }
.note { margin: 16px 0; padding: 10px 14px; border-left: 4px solid var(--pm-info); background: var(--pm-card); }
.muted, .empty { color: var(--pm-muted); }
table.action-items td.status, table.deferred-items td.status, td.due, td.priority, td.where { white-space: nowrap; }
table.action-items td.action, table.deferred-items td.action { width: 45%; min-width: 12em; }
td.owner, td.ticket { overflow-wrap: anywhere; }
.markdown-body table { display: block; max-width: 100%; overflow-x: auto; }
/* Beside an editor or on a phone: one card per item, every field labelled, nothing cut off or squeezed. */
@media (max-width: 760px) {
  body { padding: 0 12px 32px; }
  table.action-items, table.deferred-items { border: 0; }
  table.action-items thead, table.deferred-items thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.action-items tr, table.deferred-items tr { display: block; margin: 0 0 10px; padding: 8px 12px; border: 1px solid var(--pm-border); border-radius: 6px; }
  table.action-items td, table.deferred-items td { display: block; width: auto; min-width: 0; padding: 2px 0; border: 0; white-space: normal; }
  table.action-items td.action, table.deferred-items td.action { width: auto; min-width: 0; margin-bottom: 4px; font-weight: 600; }
  table.action-items td.none, table.deferred-items td.none { display: none; }
  table.action-items td[data-label]::before, table.deferred-items td[data-label]::before {
    content: attr(data-label) ": "; color: var(--pm-muted); font-weight: normal; font-size: .85em; }
}
tr.action-item.done td.action { text-decoration: line-through; color: var(--pm-muted); }
tr.action-item.done td.status { color: var(--pm-ok); font-weight: 600; }
tr.action-item.not-doing td { color: var(--pm-muted); }
tr.action-item.overdue td.due, tr.action-item.no-owner td.owner, tr.action-item.no-date td.due { color: var(--pm-error); font-weight: 600; }
tr.action-item.overdue { box-shadow: inset 4px 0 0 var(--pm-error); }
tr.action-item.no-owner, tr.action-item.no-date { box-shadow: inset 4px 0 0 var(--pm-warning); }
.flag { display: inline-block; margin: 2px 4px 0 0; padding: 0 6px; border-radius: 4px; font-size: .78em; font-weight: 600;
  border: 1px solid currentColor; white-space: nowrap; }
.flag.overdue, .flag.no-owner, .flag.no-date { color: var(--pm-error); }
.flag.low-priority, .flag.finding { color: var(--pm-warning); }
.flag.done { color: var(--pm-ok); }
td.action .group { display: block; font-size: .8em; color: var(--pm-muted); }
.context-gaps ul { padding-left: 1.2em; }
.context-gap { margin: 6px 0; }
.context-gap .rule { font-family: var(--pm-mono); font-size: .8em; color: var(--pm-muted); }
.source-link { font-family: var(--pm-mono); font-size: .85em; cursor: pointer; white-space: nowrap; }
button.source-link { padding: 0; border: 0; background: none; color: var(--pm-link); text-decoration: underline; }
button.source-link:focus-visible { outline: 1px solid var(--vscode-focusBorder, var(--pm-link)); outline-offset: 2px; }
.glossary dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; }
.glossary dt { font-weight: 700; font-family: var(--pm-mono); }
.glossary dd { margin: 0; }
.glossary dd.missing { color: var(--pm-warning); }
.document { margin-top: 2.5em; }
.document > h2 { font-size: .85em; text-transform: uppercase; letter-spacing: .06em; color: var(--pm-muted); }
.markdown-body li.task-list-item { list-style: none; }
.markdown-body li.task-list-item input { margin: 0 .4em 0 -1.3em; }
[data-line] { scroll-margin-top: 24px; }
/* The audience switch: radios first in the page, so CSS alone shows the chosen panel and marks what would leak. */
.audience-radio { position: absolute; width: 1px; height: 1px; margin: 0; opacity: 0; }
.audience-switch { display: inline-flex; border: 1px solid var(--pm-border); border-radius: 6px; overflow: hidden; }
.audience-choice { padding: 4px 14px; cursor: pointer; user-select: none; }
.audience-choice + .audience-choice { border-left: 1px solid var(--pm-border); }
.audience-choice .count { display: inline-block; min-width: 1.4em; padding: 0 4px; border-radius: 8px; font-size: .78em;
  text-align: center; color: var(--pm-bg); background: var(--pm-warning); }
#audience-internal:checked ~ .audience label[for="audience-internal"],
#audience-business:checked ~ .audience label[for="audience-business"],
#audience-public:checked ~ .audience label[for="audience-public"] { background: var(--pm-link); color: var(--pm-bg); font-weight: 600; }
.audience-radio:focus-visible ~ .audience .audience-switch { outline: 1px solid var(--vscode-focusBorder, var(--pm-link)); outline-offset: 2px; }
.audience-panel { display: none; margin-top: 10px; }
#audience-internal:checked ~ .audience .panel-internal,
#audience-business:checked ~ .audience .panel-business,
#audience-public:checked ~ .audience .panel-public { display: block; }
.audience-panel ul { padding-left: 1.2em; }
.audience-panel .ok { color: var(--pm-ok); }
.leak-summary { color: var(--pm-error); font-weight: 600; }
mark.leak { background: none; color: inherit; }
#audience-public:checked ~ .document mark.leak { background: rgba(207, 34, 46, .18); color: inherit;
  outline: 1px solid var(--pm-error); border-radius: 2px; }
footer.reader-footer { margin-top: 3em; font-size: .85em; color: var(--pm-muted); }
`;
