// Entry of the language server (bundled to dist/server.js, bin `postmortem-language-server`).
// `--stdio` for any LSP editor, `--node-ipc` when VS Code starts it; vscode-languageserver reads the flag.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { IncomingGuard } from './guard';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write('Usage: postmortem-language-server --stdio | --node-ipc | --socket=<port>\n');
  process.exit(0);
}
if (!argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('postmortem-language-server: choose a transport: --stdio (any LSP editor) or --node-ipc (VS Code)\n');
  process.exit(2);
}

// Checks incoming messages before the library dispatches them (initialize without capabilities, unknown documents).
const guard = new IncomingGuard();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: guard });
guard.log = (line) => connection.console.error(line);
// A bug must cost one request, not the editor's linting: log and keep serving.
process.on('uncaughtException', (e) => connection.console.error(`postmortem-lint: uncaught: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
process.on('unhandledRejection', (e) => connection.console.error(`postmortem-lint: unhandled rejection: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
startServer(connection, { guard });
connection.listen();
