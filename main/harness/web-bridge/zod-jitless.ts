// Imported first by install-bridge.ts, before any module that builds a zod schema. The bridge validates picker
// arguments with the contract's schemas, and zod 4 decides when a schema is BUILT whether to compile a fast parser
// with `new Function`, probing eval to find out. The page's CSP (script-src 'self', no 'unsafe-eval') refuses that
// probe and reports a violation on every load; jitless parsing skips it and gives the same results.
import { config } from 'zod/v4/core';

config({ jitless: true });
