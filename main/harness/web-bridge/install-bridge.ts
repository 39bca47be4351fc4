// Entry of the harness's bridge script (out/harness/bridge.js), a classic script the harness injects before the
// renderer's module script (inject-harness-tags.ts), so `window.uploader` exists when the renderer starts, exactly as
// the preload's contextBridge provides it in Electron (issue 5 item 6). Built by build-harness-assets.ts.
import './zod-jitless';
import { buildBridgeApi } from '../../../shared/ipc/build-bridge-api';
import { HARNESS_PATHS, TOKEN_META_NAME, TOKEN_QUERY_PARAMETER } from '../harness-protocol';
import { chooseFiles } from './choose-files';
import { createHarnessSocketClient, type OpenSocket } from './harness-socket-client';
import { createHarnessTransport } from './create-harness-transport';
import { watchHarnessRestart } from './watch-harness-restart';

const openBrowserSocket: OpenSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.addEventListener('open', () => handlers.onOpen());
  socket.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (typeof event.data === 'string') handlers.onMessage(event.data);
  });
  // A refused or failed connection fires `error` and then `close`; reconnection is driven by `close` alone.
  socket.addEventListener('close', () => handlers.onClose());
  return { send: (text) => socket.send(text), close: () => socket.close() };
};

function install(): void {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? '';
  if (token === '') console.error('uploader harness: the page has no harness token; every command will fail.');
  const origin = window.location.origin;
  const socketUrl = `${origin.replace(/^http/, 'ws')}${HARNESS_PATHS.socket}?${TOKEN_QUERY_PARAMETER}=${encodeURIComponent(token)}`;
  const checkForRestart = watchHarnessRestart({
    currentToken: token,
    fetchPage: async () => (await window.fetch(`${origin}/`, { cache: 'no-store' })).text(),
    reload: () => window.location.reload(),
  });
  const client = createHarnessSocketClient({
    url: socketUrl,
    openSocket: openBrowserSocket,
    onDisconnected: () => void checkForRestart(),
    warn: (line) => console.warn(`uploader harness: ${line}`),
  });
  const transport = createHarnessTransport({
    client,
    staging: { origin, token, fetch: (input, init) => window.fetch(input, init) },
    chooseFiles,
    copyToClipboard: (text) => navigator.clipboard.writeText(text),
  });
  // Read-only and not configurable, like a contextBridge global: page code cannot swap the bridge.
  Object.defineProperty(window, 'uploader', { value: buildBridgeApi(transport), enumerable: true, writable: false, configurable: false });
}

install();
