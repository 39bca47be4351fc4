import { describe, expect, it } from 'vitest';
import { injectHarnessTags } from './inject-harness-tags';

const TAGS = '<meta name="uploader-harness-token" content="t0k">' + '<script src="./__harness/bridge.js"></script>';

describe('injectHarnessTags', () => {
  it('puts the token and the bridge right before the first script', () => {
    const html = '<html><head><link rel="stylesheet" href="a.css"><script type="module" src="./m.js"></script></head><body><script src="x.js"></script></body></html>';
    expect(injectHarnessTags(html, 't0k')).toBe(
      `<html><head><link rel="stylesheet" href="a.css">${TAGS}<script type="module" src="./m.js"></script></head><body><script src="x.js"></script></body></html>`,
    );
  });

  it('falls back to the end of head, then to the start', () => {
    expect(injectHarnessTags('<head><title>x</title></head><body></body>', 't0k')).toBe(`<head><title>x</title>${TAGS}</head><body></body>`);
    expect(injectHarnessTags('<p>bare</p>', 't0k')).toBe(`${TAGS}<p>bare</p>`);
  });

  it('does not mistake another tag for a script, and escapes the token', () => {
    const out = injectHarnessTags('<head><scripture></scripture></head>', 'a"b<c');
    expect(out).toBe('<head><scripture></scripture><meta name="uploader-harness-token" content="a&quot;b&lt;c"><script src="./__harness/bridge.js"></script></head>');
  });
});
