// Incoming messages a client should not send, made harmless before vscode-languageserver dispatches them:
// `initialize` without `capabilities` (or with null) is accepted as "no capabilities" instead of failing inside the
// library; notifications about documents that are not open are dropped with one log line each.
import type { Message, MessageStrategy, NotificationMessage, RequestMessage } from 'vscode-jsonrpc';

const DOCUMENT_NOTIFICATIONS = new Set(['textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'textDocument/willSave']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class IncomingGuard implements MessageStrategy {
  /** Set once the document store exists. */
  isOpen: (uri: string) => boolean = () => true;
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

  handleMessage(message: Message, next: (message: Message) => void): void {
    try {
      const m = message as Partial<RequestMessage & NotificationMessage>;
      if (m.method === 'initialize') {
        if (!isObject(m.params)) {
          this.log('postmortem-lint: initialize without params; starting with no client capabilities');
          (m as { params: unknown }).params = { processId: null, rootUri: null, capabilities: {} };
        } else if (!isObject(m.params.capabilities)) {
          this.log(`postmortem-lint: initialize with capabilities ${m.params.capabilities === null ? 'null' : 'missing'}; starting with none`);
          m.params.capabilities = {};
        }
      } else if (m.method && DOCUMENT_NOTIFICATIONS.has(m.method) && m.id === undefined) {
        const td = isObject(m.params) ? m.params.textDocument : undefined;
        const uri = isObject(td) ? td.uri : undefined;
        if (typeof uri !== 'string') {
          this.log(`postmortem-lint: ignored ${m.method} without a textDocument.uri`);
          return;
        }
        if (m.method === 'textDocument/didChange' && isObject(td) && typeof td.version !== 'number') {
          this.log(`postmortem-lint: ignored a didChange for ${uri} without a version`);
          return;
        }
        if (!this.isOpen(uri)) {
          this.log(`postmortem-lint: ignored ${m.method} for ${uri}, which is not open`);
          return;
        }
      }
    } catch (e) {
      this.log(`postmortem-lint: could not check an incoming message: ${e instanceof Error ? e.message : String(e)}`);
    }
    next(message);
  }
}
