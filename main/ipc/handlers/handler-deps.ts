// What the command handlers work with: the services of the application core (main/app/create-app-core.ts builds
// them). Handlers get validated arguments (the dispatcher checked the schema and the path grants) and call these.
import type { CommandName, HandlerMap } from '../../../shared/ipc/contract';
import type { AccountService } from '../../accounts/account-service';
import type { AccountClients } from '../../app/account-clients';
import type { AppLog, DesktopPort } from '../../app/app-core-types';
import type { AppSettingsStore } from '../../app/app-settings-store';
import type { OperationRegistry } from '../../app/operation-registry';
import type { IncompleteUploadManager } from '../../incomplete/incomplete-upload-manager';
import type { UploadEngine } from '../../uploads/upload-engine';
import type { EventPublisher } from '../event-publisher';
import type { PathGrants } from '../path-grants';

/** The services every namespace's handlers may use. */
export interface HandlerDeps {
  readonly engine: UploadEngine;
  readonly manager: IncompleteUploadManager;
  readonly accounts: AccountService;
  readonly clients: AccountClients;
  readonly settings: AppSettingsStore;
  readonly desktop: DesktopPort;
  readonly pathGrants: PathGrants;
  readonly events: EventPublisher;
  readonly operations: OperationRegistry;
  /** Already redacting. */
  readonly log: AppLog;
  readonly now: () => number;
  /** Secret values to cut from error messages that cross to the renderer. */
  readonly knownSecrets: () => readonly string[];
}

/** The handlers of one namespace: exactly its commands, none of another's. */
export type NamespaceHandlers<NS extends string> = Pick<HandlerMap, Extract<CommandName, `${NS}.${string}`>>;
