// The Electron-free core of every command call (issue 5 item 2): sender check, name check, schema validation, path
// grants, the handler, and an answer that is always a Result. The Electron binding (`ipcMain.handle`) and the harness
// (WebSocket) only turn their messages into `dispatch(sender, name, args)`; neither can skip a step.
import { COMMAND_SCHEMAS } from '../../shared/ipc/schemas';
import {
  COMMAND_NAMES,
  isCommandName,
  type CommandArgs,
  type CommandHandler,
  type CommandName,
  type HandlerMap,
} from '../../shared/ipc/contract';
import { errorResult, okResult, type Result, type WireError } from '../../shared/ipc/result';
import { formatValidationIssues } from './format-validation-issues';
import { pathArgumentsOf } from './path-arguments';
import type { PathGrants } from './path-grants';
import { redactSecrets } from './redact-secrets';
import { INTERNAL_ERROR, toWireError } from './to-wire-error';

/** Where the dispatcher writes what the renderer is not told; every line is redacted first. */
export interface IpcLog {
  warn(line: string): void;
  error(line: string): void;
}

/** What createDispatcher needs. */
export interface DispatcherOptions<Sender> {
  /** One handler per command; a missing or extra one throws at construction. */
  readonly handlers: HandlerMap<Sender>;
  /** True only for the app's own window (Electron: the frame's URL and webContents; harness: the socket's token). */
  readonly isTrustedSender: (sender: Sender) => boolean;
  readonly pathGrants: PathGrants;
  readonly log: IpcLog;
  /** Secret values to cut from log lines and messages (the account service's known secrets). */
  readonly knownSecrets?: (() => Iterable<string>) | undefined;
  /** Clock for clock-skew advice; default Date.now. */
  readonly now?: (() => number) | undefined;
}

/** Answers command calls. */
export interface CommandDispatcher<Sender> {
  /** Runs one call; never rejects, whatever the sender sends. */
  dispatch(sender: Sender, name: unknown, rawArgs: unknown): Promise<Result<unknown>>;
}

const FORBIDDEN: WireError = Object.freeze({
  code: 'Forbidden',
  message: 'This page may not use the app’s commands.',
  retryable: false,
});

/** A name for log lines: a command name as is, anything else clipped and quoted. */
function describeName(name: unknown): string {
  return typeof name === 'string' ? JSON.stringify(name.slice(0, 64)) : `(${typeof name})`;
}

function checkHandlers<Sender>(handlers: HandlerMap<Sender>): void {
  const missing = COMMAND_NAMES.filter((name) => typeof handlers[name] !== 'function');
  const extra = Object.keys(handlers).filter((key) => !isCommandName(key));
  if (missing.length > 0 || extra.length > 0) {
    throw new TypeError(`IPC handlers do not match the contract: missing [${missing.join(', ')}], extra [${extra.join(', ')}]`);
  }
}

function pathNotAllowed(denied: readonly string[], total: number): WireError {
  const first = denied[0] ?? '';
  const shown = first.length > 200 ? `${first.slice(0, 199)}…` : first;
  return {
    code: 'PathNotAllowed',
    message: `${denied.length} of ${total} path${total === 1 ? ' was' : 's were'} not picked or dropped in this session (first: ${JSON.stringify(shown)})`,
    retryable: false,
    advice: 'Choose the files with “Add files…” or “Add folder…”, or drop them on the window.',
  };
}

/** Builds a dispatcher; throws if `handlers` does not implement exactly the commands of the contract. */
export function createDispatcher<Sender>(options: DispatcherOptions<Sender>): CommandDispatcher<Sender> {
  checkHandlers(options.handlers);
  const { handlers, pathGrants, log } = options;
  const now = options.now ?? Date.now;
  const redact = (text: string): string => redactSecrets(text, options.knownSecrets?.() ?? []);

  const isTrusted = (sender: Sender): boolean => {
    try {
      return options.isTrustedSender(sender) === true;
    } catch (error) {
      log.warn(redact(`Sender check failed, refusing the call: ${String(error)}`));
      return false;
    }
  };

  async function run<N extends CommandName>(name: N, sender: Sender, rawArgs: unknown): Promise<Result<unknown>> {
    const parsed = COMMAND_SCHEMAS[name].safeParse(rawArgs);
    if (!parsed.success) {
      const message = formatValidationIssues(parsed.error.issues);
      log.warn(redact(`Refused ${name}: ${message}`));
      return errorResult({ code: 'ValidationFailed', message, retryable: false });
    }
    const args: CommandArgs<N> = parsed.data;
    const paths = pathArgumentsOf(name, args);
    const denied = pathGrants.ungranted(paths);
    if (denied.length > 0) {
      log.warn(redact(`Refused ${name}: ${denied.length} path(s) not granted`));
      return errorResult(pathNotAllowed(denied, paths.length));
    }
    const handler: CommandHandler<N, Sender> = handlers[name];
    try {
      return okResult(await handler(args, { sender, command: name }));
    } catch (error) {
      const { wire, unexpected } = toWireError(error, { now, redact });
      if (unexpected) {
        const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
        log.error(redact(`${name} failed unexpectedly: ${detail}`));
      } else {
        log.warn(redact(`${name} failed: ${wire.code}${wire.requestId === undefined ? '' : ` (request ${wire.requestId})`}`));
      }
      return errorResult(wire);
    }
  }

  return {
    async dispatch(sender, name, rawArgs) {
      if (!isTrusted(sender)) {
        log.warn(redact(`Refused ${describeName(name)} from an untrusted sender`));
        return errorResult(FORBIDDEN);
      }
      if (!isCommandName(name)) {
        log.warn(redact(`Refused unknown command ${describeName(name)}`));
        return errorResult({ code: 'UnknownCommand', message: `Unknown command ${describeName(name)}`, retryable: false });
      }
      try {
        return await run(name, sender, rawArgs);
      } catch (error) {
        // Only a bug in validation itself gets here (handler errors are caught in run); the promise still resolves.
        log.error(redact(`${name} failed before its handler ran: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
        return errorResult(INTERNAL_ERROR);
      }
    },
  };
}
