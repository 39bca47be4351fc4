import { describe, expect, it } from 'vitest';
import { injectHarnessTags } from '../inject-harness-tags';
import { tokenInPage, watchHarnessRestart } from './watch-harness-restart';

describe('watchHarnessRestart', () => {
  it('reads the token the harness injects', () => {
    expect(tokenInPage(injectHarnessTags('<head><script src="x.js"></script></head>', 'abc_DEF-123'))).toBe('abc_DEF-123');
    expect(tokenInPage('<html></html>')).toBeUndefined();
  });

  it('reloads once the harness serves a page with another token, and only then', async () => {
    const pages: (string | Error)[] = [new Error('down'), injectHarnessTags('', 'same'), injectHarnessTags('', 'new'), injectHarnessTags('', 'new')];
    let reloads = 0;
    const check = watchHarnessRestart({
      currentToken: 'same',
      fetchPage: () => {
        const next = pages.shift();
        return next instanceof Error || next === undefined ? Promise.reject(next) : Promise.resolve(next);
      },
      reload: () => (reloads += 1),
    });
    await check(); // harness down
    await check(); // same process, transient drop
    expect(reloads).toBe(0);
    await check(); // restarted
    await check(); // already reloading
    expect(reloads).toBe(1);
  });
});
