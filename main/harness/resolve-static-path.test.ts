import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './resolve-static-path';

const root = path.resolve('/srv/renderer');

describe('resolveStaticPath', () => {
  it('maps a request path to a file under the root, decoding it', () => {
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveStaticPath(root, '/assets/a%20b.css')).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it.each(['/', '/../x', '/a/../../x', '/%2e%2e/x', '/a/%2E%2E/%2e%2e/x', '/..%2fx', '/..%5cx', '/a%00b', '//etc/passwd', '/assets/', 'relative', '/%E0%A4%A'])(
    'refuses %j',
    (target) => {
      expect(resolveStaticPath(root, target)).toBeUndefined();
    },
  );
});
