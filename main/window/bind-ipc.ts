// The Electron binding of the command dispatcher and the event publisher (issue 5 item 2). The only `ipcMain.handle`
// in the app: one channel for every command, answered by AppCore's dispatcher, which checks the sender with
// isTrustedFrame before validation and the handler run (main/ipc/command-dispatcher.ts).
import type { BrowserWindow, IpcMain, WebContents, WebFrameMain } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/contract';
import type { AppCore } from '../app/app-core-types';
import { isAppPageUrl, type RendererLocation } from './renderer-location';

/** What the dispatcher is told about a caller: the frame that sent the message (null when it is already gone). */
export type IpcSender = WebFrameMain | null;

/** The parts of a frame the trust check reads (a WebFrameMain has them). */
interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  /** null for a main frame. */
  readonly parent: object | null;
}
/** The parts of a window the trust check reads. */
type WindowLike = Pick<BrowserWindow, 'isDestroyed'> & { readonly webContents: { readonly mainFrame: FrameLike } };

/**
 * True only for the main frame of the app's own window showing the app's own page: a subframe, another window
 * (devtools, anything a bug let open) or the right frame after navigating elsewhere is refused. Frames are compared by
 * process and routing id, which identify a frame in Chromium, rather than by object identity.
 */
export function isTrustedFrame(frame: FrameLike | null | undefined, window: WindowLike | undefined, location: RendererLocation): boolean {
  if (frame === null || frame === undefined || window === undefined || window.isDestroyed()) return false;
  const main = window.webContents.mainFrame;
  if (frame.parent !== null) return false;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return isAppPageUrl(frame.url, location);
}

/** Answers the command channel with `core.dispatcher`; returns the removal of the handler (on quit). */
export function bindCommandChannel(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, core: Pick<AppCore<IpcSender>, 'dispatcher'>): () => void {
  ipcMain.handle(IPC_CHANNELS.command, (event, name: unknown, args: unknown) => core.dispatcher.dispatch(event.senderFrame, name, args));
  return () => ipcMain.removeHandler(IPC_CHANNELS.command);
}

/** Sends every published event to `contents` until it is destroyed; returns the removal. */
export function bindEventTarget(
  contents: Pick<WebContents, 'send' | 'isDestroyed' | 'once'>,
  core: Pick<AppCore<IpcSender>, 'events'>,
): () => void {
  const remove = core.events.addTarget((channel, envelope) => {
    if (!contents.isDestroyed()) contents.send(channel, envelope);
  });
  contents.once('destroyed', remove);
  return remove;
}
