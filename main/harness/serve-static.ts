// Static files of the harness: the renderer's build (with the harness tags injected into its index page) and the
// bridge script. Only regular files are served, so a folder is a 404, never a listing.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { contentTypeOf } from './content-type-of';
import { sendText } from './http-replies';
import { injectHarnessTags } from './inject-harness-tags';
import { SECURITY_HEADERS } from './security-headers';

async function regularFileSize(file: string): Promise<number | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

/** Streams `file` with its content type, or answers 404 when it is not a regular file. */
export async function serveFile(res: ServerResponse, file: string, options: { readonly headOnly: boolean }): Promise<void> {
  const size = await regularFileSize(file);
  if (size === undefined) {
    sendText(res, 404, 'Not found');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeOf(file),
    'Content-Length': size,
    // Builds replace files in place under the same names (the bridge, index.html): always revalidate.
    'Cache-Control': 'no-cache',
  });
  if (options.headOnly) {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Serves `indexFile` with the token and bridge tags injected; 503 with a hint when the renderer is not built. */
export async function serveIndex(res: ServerResponse, indexFile: string, token: string, options: { readonly headOnly: boolean }): Promise<void> {
  let html: string;
  try {
    html = await readFile(indexFile, 'utf8');
  } catch {
    sendText(res, 503, 'The renderer is not built yet: run `npm run dev:web` without --no-build.');
    return;
  }
  const body = Buffer.from(injectHarnessTags(html, token), 'utf8');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
    // The page carries this process's token: never cache it across harness restarts.
    'Cache-Control': 'no-store',
  });
  res.end(options.headOnly ? undefined : body);
}
