// Postmortem Lint for VS Code: starts the bundled language server and owns the UI (reader view, commands, status bar).
import * as vscode from 'vscode';
import { ServerHost } from './server-host';
import { StatusBar } from './status-bar';
import { ReaderPanels } from './reader/panels';
import { registerCommands } from './commands';
import { OPEN_RULE_DOCS_COMMAND, openRuleDocs } from './rule-docs';
import { ActionItemsTree } from './tree';

let host: ServerHost | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<{ host: ServerHost; status: StatusBar; actionItems: ActionItemsTree }> {
  const output = vscode.window.createOutputChannel('Postmortem Lint', { log: true });
  host = new ServerHost(context, output);
  const panels = new ReaderPanels(host, context.extensionUri);
  const status = new StatusBar(host);
  context.subscriptions.push(output, host, panels, status);
  registerCommands(context, host, panels);
  context.subscriptions.push(vscode.commands.registerCommand(OPEN_RULE_DOCS_COMMAND, (ruleId: unknown) => openRuleDocs(context.extensionUri, ruleId)));
  const actionItems = new ActionItemsTree(host, context.workspaceState);
  context.subscriptions.push(actionItems);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('postmortemLint.enable')) void host?.syncWithSetting();
    }),
  );
  await host.syncWithSetting();
  return { host, status, actionItems };
}

export async function deactivate(): Promise<void> {
  await host?.stop();
  host = undefined;
}
