// The code action and command requests: code actions answer from the current version's analysis (never from a text
// the client no longer has); "Show documentation" opens the rule page, or says where it is to a client that cannot.
import { MessageType, ShowMessageNotification, type ClientCapabilities } from 'vscode-languageserver';
import { SHOW_RULE_DOCS_COMMAND, type InitializationOptions } from '../protocol';
import type { ServerContext } from './context';
import { fixQuery, provideCodeActions, wantsFixAll } from './code-actions';
import { isRuleId, ruleDocsUri } from './convert';

export interface RequestOptions {
  capabilities: () => ClientCapabilities;
  initOptions: () => InitializationOptions;
  /** Runs a handler and turns an exception into a log line and `fallback`. */
  guard: <T>(name: string, fallback: T, fn: () => T | Promise<T>) => Promise<T>;
  /** Debug trace (POSTMORTEM_LINT_TRACE=1): where a code action's time went. */
  trace?: (line: string) => void;
}

/** "waited 85 ms for the findings of v12, 9 ms for the fixes": each step's time since the previous one. */
function stopwatch(): (step: string) => string {
  let last = performance.now();
  return (step) => {
    const now = performance.now();
    const ms = Math.round(now - last);
    last = now;
    return `${ms} ms ${step}`;
  };
}

export function registerActionRequests(ctx: ServerContext, o: RequestOptions): void {
  const { connection, documents } = ctx;
  connection.onCodeAction((params) =>
    o.guard('codeAction', [], async () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const lap = o.trace ? stopwatch() : undefined;
      const needsFindings = (params.context.diagnostics ?? []).length > 0 || wantsFixAll(params);
      // the findings suffice (the fixes are built where the lint ran): Ctrl+. right after an edit does not wait for
      // the model to cross from the lint thread
      const current = needsFindings ? await ctx.getFindings(document.uri) : undefined;
      const promptFixes = o.initOptions().promptFixes === true;
      // the fixes these diagnostics (and fix-all) need, built from the analysis where it lives
      const query = current ? fixQuery(params, document, current, promptFixes) : undefined;
      const answer = current && query && (query.findings.length || query.fixAll || query.defaults) ? await current.fixes(query) : undefined;
      const steps = lap ? [lap(`for the findings of v${current?.version ?? '-'}`), lap(`for ${query?.findings.length ?? 0} findings' fixes`)] : [];
      const now = documents.get(params.textDocument.uri);
      if (!now || now.version !== document.version) {
        o.trace?.(`code action v${document.version}: ${steps.join(', ')}; the text changed meanwhile, nothing offered`);
        return [];
      }
      const actions = provideCodeActions({
        params,
        document,
        current,
        fixes: query && answer ? { query, answer } : undefined,
        promptFixes,
        documentChanges: !!o.capabilities().workspace?.workspaceEdit?.documentChanges,
        workspaceOwners:
          (params.context.diagnostics ?? []).some((d) => d.code === 'action-item-owner')
            ? await ctx.knownOwners(document.uri)
            : undefined,
      });
      if (lap) o.trace?.(`code action v${document.version} (${(params.context.diagnostics ?? []).length} diagnostics): ${[...steps, lap(`to build ${actions.length} actions`)].join(', ')}`);
      return actions;
    }),
  );

  connection.onExecuteCommand((params) =>
    o.guard('executeCommand', null, async () => {
      if (params.command !== SHOW_RULE_DOCS_COMMAND) return null;
      const ruleId = params.arguments?.[0];
      if (!isRuleId(ruleId)) return null;
      const uri = ruleDocsUri(ruleId);
      if (o.capabilities().window?.showDocument?.support) {
        await connection.window.showDocument({ uri, external: false });
      } else {
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Documentation for ${ruleId}: ${uri}` });
      }
      return null;
    }),
  );
}
