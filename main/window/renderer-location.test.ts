import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppPageUrl, rendererUrlOf, resolveRendererLocation, type RendererLocation } from './renderer-location';

const filePath = join('/opt', 'OSS Upload Manager', 'resources', 'app.asar', 'out', 'renderer', 'index.html');
const fileLocation: RendererLocation = { kind: 'file', filePath };
const devLocation: RendererLocation = { kind: 'dev-server', url: 'http://localhost:5173/' };

describe('isAppPageUrl', () => {
  it('accepts the built page, with any fragment or query', () => {
    const url = pathToFileURL(filePath).href;
    expect(rendererUrlOf(fileLocation)).toBe(url);
    expect(isAppPageUrl(url, fileLocation)).toBe(true);
    expect(isAppPageUrl(`${url}#/incomplete`, fileLocation)).toBe(true);
  });

  it('refuses other files, other schemes and garbage', () => {
    expect(isAppPageUrl(pathToFileURL('/etc/passwd').href, fileLocation)).toBe(false);
    expect(isAppPageUrl(pathToFileURL(join(filePath, '..', 'other.html')).href, fileLocation)).toBe(false);
    expect(isAppPageUrl('https://example.com/index.html', fileLocation)).toBe(false);
    expect(isAppPageUrl('about:blank', fileLocation)).toBe(false);
    expect(isAppPageUrl('not a url', fileLocation)).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    expect(isAppPageUrl('http://localhost:5173/index.html', devLocation)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', devLocation)).toBe(false);
    expect(isAppPageUrl('https://localhost:5173/', devLocation)).toBe(false);
    expect(isAppPageUrl(pathToFileURL(filePath).href, devLocation)).toBe(false);
  });
});

describe('resolveRendererLocation', () => {
  const base = { mainDir: '/app/out/main', join };

  it('uses the built page next to main unless unpackaged with a local dev server', () => {
    expect(resolveRendererLocation({ ...base, isPackaged: false, devServerUrl: undefined })).toEqual({ kind: 'file', filePath: '/app/out/renderer/index.html' });
    expect(resolveRendererLocation({ ...base, isPackaged: false, devServerUrl: 'http://localhost:5173' })).toEqual({ kind: 'dev-server', url: 'http://localhost:5173' });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app and for a non-local server', () => {
    expect(resolveRendererLocation({ ...base, isPackaged: true, devServerUrl: 'http://localhost:5173' }).kind).toBe('file');
    expect(resolveRendererLocation({ ...base, isPackaged: false, devServerUrl: 'https://evil.example/' }).kind).toBe('file');
  });
});
