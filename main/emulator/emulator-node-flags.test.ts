import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EMULATOR_NODE_FLAGS } from './emulator-node-flags';

const run = promisify(execFile);

// Keeps a rolling window of objects alive across scavenges (as requests in flight do), then prints the new space's
// size in MiB: the young generation V8 grew to.
const SCRIPT = `
const ring = new Array(20000);
for (let i = 0; i < 3000000; i++) ring[i % ring.length] = { i, s: 'x' + i, a: [i, i + 1] };
const space = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
console.log(space.space_size / 1048576);
`;

async function newSpaceMiB(flags: readonly string[]): Promise<number> {
  const { stdout } = await run(process.execPath, [...flags, '-e', SCRIPT], { timeout: 60_000 });
  return Number(stdout.trim());
}

describe('EMULATOR_NODE_FLAGS', () => {
  it('keep the young generation small where V8 would grow it to its 16 MiB semi-spaces', async () => {
    const [defaults, capped] = await Promise.all([newSpaceMiB([]), newSpaceMiB(EMULATOR_NODE_FLAGS)]);
    expect(defaults).toBeGreaterThanOrEqual(16);
    expect(capped).toBeLessThanOrEqual(4);
  }, 60_000);

  it('are what `npm run emulator` starts node with (package.json cannot import them)', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['emulator']).toBe(`node ${EMULATOR_NODE_FLAGS.join(' ')} --import tsx main/emulator/cli.ts`);
  });
});
