// The preload: the only code that touches ipcRenderer (architecture.md). It exposes `window.uploader`, built from the
// contract by buildBridgeApi, and nothing else; bundled with its imports into one CommonJS file
// (out/preload/index.js) because a sandboxed preload cannot require local files (issue 5 item 2).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildBridgeApi } from '../../shared/ipc/build-bridge-api';
import { createPreloadTransport } from './create-preload-transport';

const transport = createPreloadTransport({
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  on: (channel, listener) => ipcRenderer.on(channel, listener),
  removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
  getPathForFile: (file) => webUtils.getPathForFile(file),
});

contextBridge.exposeInMainWorld('uploader', buildBridgeApi(transport));
