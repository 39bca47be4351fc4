// All command handlers in one HandlerMap. Each namespace file returns exactly its own commands (NamespaceHandlers,
// a Pick of HandlerMap: an extra or misspelt command is an excess-property error there), and the HandlerMap return
// type makes a command that no namespace file handles a compile error here.
import type { HandlerMap } from '../../../shared/ipc/contract';
import { createAccountsHandlers } from './accounts-handlers';
import { createDesktopHandlers } from './desktop-handlers';
import type { HandlerDeps } from './handler-deps';
import { createIncompleteHandlers } from './incomplete-handlers';
import { createSettingsHandlers } from './settings-handlers';
import { createUploadsHandlers } from './uploads-handlers';

/** One handler per command of the contract, bound to the core's services. */
export function createHandlers(deps: HandlerDeps): HandlerMap {
  return {
    ...createUploadsHandlers(deps),
    ...createIncompleteHandlers(deps),
    ...createAccountsHandlers(deps),
    ...createSettingsHandlers(deps),
    ...createDesktopHandlers(deps),
  };
}
