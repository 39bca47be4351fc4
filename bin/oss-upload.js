#!/usr/bin/env node
// `oss-upload` command: a thin CommonJS shim that runs the compiled CLI (main/cli/oss-upload.ts → out/node/...).
// Plain Node, no Electron. The build is not committed, so say how to make it instead of printing a stack trace.
'use strict';

const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'out', 'node', 'main', 'cli', 'oss-upload.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(`oss-upload: the compiled CLI is missing (${entry}).\nRun \`npm run build\` first (or \`npm run oss-upload -- ...\` to run from source).\n`);
  process.exit(1);
}
require(entry).runFromProcess();
