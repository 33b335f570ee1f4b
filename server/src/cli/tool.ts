// The tool's name, version and rule documentation, as reports (SARIF, --help) name it.
import type { ToolInfo } from './format';
import pkg from '../../../package.json';
import { ruleDocsMarkdown, ruleDocsPath } from '../docs';

export const NAME = 'postmortem-lint';

export const TOOL: ToolInfo = {
  name: NAME,
  version: pkg.version,
  docsPath: (id) => ruleDocsPath(id),
  docsMarkdown: (id) => ruleDocsMarkdown(id),
};

/** Runs the CLI; resolves to the exit code (0 clean, 1 findings reach --fail-on, 2 usage or configuration error). */
