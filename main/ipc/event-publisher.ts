// Main → renderer events without Electron: the composition root adds one target per window (Electron:
// `(channel, envelope) => webContents.send(channel, envelope)`; harness: a WebSocket send) and services publish.
import { IPC_CHANNELS, type EventEnvelope, type EventName, type Events } from '../../shared/ipc/contract';

/** Sends one envelope to one window or connection. */
export type EventSend = (channel: string, envelope: EventEnvelope) => void;

/** Publishes events to every connected target. */
export interface EventPublisher {
  /** Adds a target; returns its removal. */
  addTarget(send: EventSend): () => void;
  /** Sends `payload` as event `name` to every target. A target that throws (a closed window) is dropped. */
  publish<E extends EventName>(name: E, payload: Events[E]): void;
  /** Targets connected now. */
  readonly targetCount: number;
}

/** Builds an EventPublisher; `log` hears about targets dropped after a failed send. */
export function createEventPublisher(options: { readonly log: { warn(line: string): void } }): EventPublisher {
  const targets = new Set<EventSend>();
  return {
    addTarget(send) {
      targets.add(send);
      return () => {
        targets.delete(send);
      };
    },
    publish(name, payload) {
      // The mapped EventEnvelope union cannot be built from a generic E without a cast; name and payload are tied
      // together by publish's own signature.
      const envelope = { name, payload } as EventEnvelope;
      for (const send of [...targets]) {
        try {
          send(IPC_CHANNELS.event, envelope);
        } catch (error) {
          targets.delete(send);
          options.log.warn(`Dropped an event target after a failed send of ${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
    get targetCount() {
      return targets.size;
    },
  };
}
