#!/usr/bin/env node
// `npm start` until the desktop shell lands: runs the built-in OSS emulator on 127.0.0.1 with
// credentials generated once for this checkout (kept in .oss-data/, which git ignores), and
// prints how to point `oss-upload` at it. The Electron window replaces this (issue 5).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dataDir = join(root, '.oss-data');
const credsFile = join(dataDir, 'local-account.json');
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
if (!existsSync(credsFile)) {
  const account = {
    accessKeyId: `LOCAL${randomBytes(8).toString('hex').toUpperCase()}`,
    accessKeySecret: randomBytes(24).toString('base64url'),
    bucket: 'local',
  };
  writeFileSync(credsFile, JSON.stringify(account, null, 2), { mode: 0o600 });
}
const account = JSON.parse(readFileSync(credsFile, 'utf8'));

console.log('The desktop window is not built yet (see README, Status). Starting the local OSS emulator instead.');
console.log(`Credentials for this checkout: ${credsFile}`);
const child = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'main/emulator/cli.ts'), '--port', process.env.PORT ?? '9000', '--data-dir', join(dataDir, 'emulator'),
    '--bucket', account.bucket, '--access-key-id', account.accessKeyId, '--access-key-secret', account.accessKeySecret],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
);
child.stdout.setEncoding('utf8');
child.stdout.on('data', (text) => {
  process.stdout.write(text);
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(text)?.[0];
  if (url) {
    console.log('\nTry it (in another terminal):');
    console.log(`  export OSS_ACCESS_KEY_ID=${account.accessKeyId} OSS_ACCESS_KEY_SECRET=$(node -p "require('./.oss-data/local-account.json').accessKeySecret")`);
    console.log(`  npm run oss-upload -- put ./README.md oss://${account.bucket}/docs/ --endpoint ${url} --region cn-hangzhou`);
    console.log(`  npm run oss-upload -- uploads oss://${account.bucket}/ --endpoint ${url} --region cn-hangzhou`);
    console.log('\nCtrl-C stops the emulator; its data stays in .oss-data/.');
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
