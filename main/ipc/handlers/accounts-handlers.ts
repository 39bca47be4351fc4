// The `accounts.*` commands: AccountService behind the IPC contract, plus what an account change means for the
// clients and jobs that use it. 'accounts.changed' is published by the core for every change (create-app-core.ts).
import { AppError } from '../../../shared/ipc/app-error';
import type { UpdateAccountArgs } from '../../../shared/ipc/command-payloads';
import type { AccountView } from '../../../shared/models/account';
import type { JobSnapshot } from '../../../shared/models/job';
import { isActiveStatus } from '../../app/compute-activity';
import type { HandlerDeps, NamespaceHandlers } from './handler-deps';

/** Most job names listed in the "account has active uploads" message. */
const NAMED_JOBS = 3;

function activeJobsOf(deps: HandlerDeps, accountId: string): JobSnapshot[] {
  return deps.engine.list().filter((job) => job.destination.accountId === accountId && (isActiveStatus(job.status) || job.status === 'canceling'));
}

/** True when the change needs a new client: where requests go or how they are signed (credentials are read per request). */
function connectionChanged(before: AccountView, after: AccountView): boolean {
  return (
    before.endpoint !== after.endpoint ||
    before.region !== after.region ||
    before.addressing !== after.addressing ||
    before.signatureVersion !== after.signatureVersion
  );
}

async function updateAccount(deps: HandlerDeps, args: UpdateAccountArgs): Promise<AccountView> {
  const before = deps.accounts.get(args.accountId);
  const after = await deps.accounts.update(args.accountId, args.patch);
  if (!connectionChanged(before, after)) return after;
  // Running jobs hold the old client: pause them, replace the client, resume them (resume reconciles with
  // ListParts, so no finished part is sent again).
  const running = activeJobsOf(deps, args.accountId).filter((job) => job.status !== 'canceling');
  await Promise.all(running.map((job) => deps.engine.pause(job.id).catch(() => undefined)));
  deps.clients.drop(args.accountId);
  await Promise.all(running.map((job) => deps.engine.resume(job.id).catch(() => undefined)));
  return after;
}

async function removeAccount(deps: HandlerDeps, accountId: string): Promise<void> {
  const account = deps.accounts.get(accountId);
  const active = activeJobsOf(deps, accountId);
  if (active.length > 0) {
    const names = active.slice(0, NAMED_JOBS).map((job) => job.destination.key.split('/').pop() ?? job.destination.key);
    const more = active.length > NAMED_JOBS ? ` and ${active.length - NAMED_JOBS} more` : '';
    throw new AppError({
      code: 'AccountInUse',
      message: `“${account.name}” has ${active.length} upload${active.length === 1 ? '' : 's'} in progress (${names.join(', ')}${more}).`,
      retryable: false,
      advice: 'Pause or cancel those uploads, then remove the account.',
    });
  }
  await deps.accounts.remove(accountId);
  deps.clients.drop(accountId);
}

/** Handlers of the `accounts` namespace. Drafts from the renderer never make a "Local emulator" account. */
export function createAccountsHandlers(deps: HandlerDeps): NamespaceHandlers<'accounts'> {
  const { accounts } = deps;
  return {
    'accounts.list': () => Promise.resolve(accounts.list()),
    'accounts.add': (draft) => accounts.add(draft),
    'accounts.update': (args) => updateAccount(deps, args),
    'accounts.remove': (args) => removeAccount(deps, args.accountId),
    'accounts.test': (target) => accounts.testConnection(target),
    'accounts.secretStorage': () => Promise.resolve(accounts.secretStorageStatus()),
  };
}
