// Test support: a real BridgeApi (shared/ipc/build-bridge-api.ts) over an in-memory transport, with scripted
// answers, a log of every call in order (dropped files included) and a way to push events. Not imported by the app.
import type { PickedPaths } from '../../shared/ipc/command-payloads';
import { buildBridgeApi } from '../../shared/ipc/build-bridge-api';
import type { BridgeApi, BridgeCommandName, CommandArgs, CommandValue, DroppedFile, EventEnvelope, EventName, Events } from '../../shared/ipc/contract';
import { errorResult, okResult, type Result } from '../../shared/ipc/result';

/** A scripted answer to command N. */
export type FakeAnswer<N extends BridgeCommandName> = (args: CommandArgs<N>) => Result<CommandValue<N>> | Promise<Result<CommandValue<N>>>;

/** Scripted answers by command; an unscripted command answers with a failed Result (code NotScripted). */
export type FakeAnswers = { [N in BridgeCommandName]?: FakeAnswer<N> };

/** One call the page made, in order: a command, or the dropped-files conversion. */
export type FakeCall =
  | { readonly name: BridgeCommandName; readonly args: unknown }
  | { readonly name: 'pathsForDroppedFiles'; readonly args: readonly DroppedFile[] };

/** The fake, its log, and its controls. */
export interface FakeUploader {
  readonly api: BridgeApi;
  readonly calls: FakeCall[];
  /** Adds or replaces answers. */
  answer(answers: FakeAnswers): void;
  /** What pathsForDroppedFiles answers (default: no paths). */
  answerDrop(answer: (files: readonly DroppedFile[]) => Result<PickedPaths>): void;
  /** Pushes an event to the page's listeners. */
  emit<E extends EventName>(name: E, payload: Events[E]): void;
  /** The args of every call of one command, in order. */
  argsOf<N extends BridgeCommandName>(name: N): CommandArgs<N>[];
}

/** Builds a fake bridge. */
export function createFakeUploader(initial: FakeAnswers = {}): FakeUploader {
  const answers: FakeAnswers = { ...initial };
  let dropAnswer = (_files: readonly DroppedFile[]): Result<PickedPaths> => okResult({ paths: [] });
  const calls: FakeCall[] = [];
  const listeners = new Set<(envelope: EventEnvelope) => void>();
  const api = buildBridgeApi({
    async invoke(name, args) {
      calls.push({ name, args });
      // Keyed by name, so the answer's parameter is `name`'s args; the table's mapped type cannot say so by index.
      const answer = answers[name] as ((a: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
      if (answer === undefined) return errorResult({ code: 'NotScripted', message: `no fake answer for ${name}`, retryable: false });
      return answer(args);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async pathsForDroppedFiles(files) {
      calls.push({ name: 'pathsForDroppedFiles', args: files });
      return dropAnswer(files);
    },
  });
  return {
    api,
    calls,
    answer(more) {
      Object.assign(answers, more);
    },
    answerDrop(answer) {
      dropAnswer = answer;
    },
    emit(name, payload) {
      // The generic signature pairs the name with its own payload type, which is what an envelope is.
      const envelope = { name, payload } as EventEnvelope;
      for (const listener of listeners) listener(envelope);
    },
    argsOf<N extends BridgeCommandName>(name: N) {
      return calls.filter((call) => call.name === name).map((call) => call.args as CommandArgs<N>);
    },
  };
}

/** Installs `api` as `window.uploader` (DOM test environments); returns a function that removes it. */
export function installUploader(api: BridgeApi): () => void {
  Object.defineProperty(window, 'uploader', { value: api, configurable: true, writable: false });
  return () => {
    Reflect.deleteProperty(window, 'uploader');
  };
}
