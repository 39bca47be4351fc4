import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/ipc/app-error';
import { OperationRegistry } from './operation-registry';

describe('OperationRegistry', () => {
  it('cancels a running operation by id with a Canceled AppError, and forgets it when it ends', async () => {
    const registry = new OperationRegistry();
    const running = registry.run('op-1', (signal) => new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error))));
    registry.cancel('op-2'); // another id: nothing happens
    registry.cancel('op-1');
    const error: unknown = await running.catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('Canceled');
    await expect(registry.run('op-1', () => Promise.resolve('again'))).resolves.toBe('again');
  });

  it('refuses a second operation under an id that is running', async () => {
    const registry = new OperationRegistry();
    let finish = (): void => undefined;
    const first = registry.run('op', () => new Promise<void>((resolve) => (finish = resolve)));
    const second: unknown = await registry.run('op', () => Promise.resolve()).catch((e: unknown) => e);
    expect(isAppError(second) && second.code).toBe('OperationInProgress');
    finish();
    await first;
  });
});
