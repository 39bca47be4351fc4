import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JobId } from '../models/job';
import {
  COMMAND_NAMES,
  EVENT_NAMES,
  PRELOAD_ONLY_COMMANDS,
  isCommandName,
  type BridgeApi,
  type CommandArgs,
  type CommandName,
  type CommandValue,
  type EventName,
  type HandlerMap,
} from './contract';
import { exactNames } from './exact-names';
import type { Result } from './result';
import { COMMAND_SCHEMAS } from './schemas';

// Compile-time checks: each `@ts-expect-error` line must fail to compile, or `tsc -b` reports the unused directive.
// They live in a function that never runs; the compiler checks it all the same.
function compileTimeChecks(handlers: HandlerMap, api: BridgeApi): void {
  // A name list missing a command does not compile…
  // @ts-expect-error 'uploads.pause' and the rest are missing
  exactNames<CommandName>()(['uploads.addPaths']);
  // …nor one with a name the contract lacks.
  // @ts-expect-error 'uploads.explode' is not a command
  exactNames<CommandName>()([...COMMAND_NAMES, 'uploads.explode']);
  exactNames<EventName>()([...EVENT_NAMES]);

  // A handler map without a handler does not compile.
  const { 'uploads.pause': _dropped, ...withoutPause } = handlers;
  // @ts-expect-error 'uploads.pause' is missing
  const incomplete: HandlerMap = withoutPause;

  // A schema table without a schema, or with a schema of the wrong output type, does not compile.
  type SchemaTable = { readonly [N in CommandName]: z.ZodType<CommandArgs<N>> };
  const { 'uploads.list': _noList, ...withoutList } = COMMAND_SCHEMAS;
  // @ts-expect-error 'uploads.list' has no schema
  const missingSchema: SchemaTable = withoutList;
  // @ts-expect-error jobId must be a JobId, not a number
  const wrongSchema: SchemaTable = { ...COMMAND_SCHEMAS, 'uploads.pause': z.object({ jobId: z.number() }) };

  // The bridge is namespaced, returns Results, and hides preload-only commands.
  const paused: Promise<Result<CommandValue<'uploads.pause'>>> = api.uploads.pause({ jobId: 'j1' as JobId });
  const listed: Promise<Result<readonly unknown[]>> = api.uploads.list();
  // @ts-expect-error the page may not grant paths itself
  void api.desktop.grantDroppedPaths({ paths: ['/etc/passwd'] });
  // @ts-expect-error args are checked: `server` is 'keep' | 'abort'
  void api.uploads.remove({ jobId: 'j1' as JobId, server: 'maybe' });
  void [incomplete, missingSchema, wrongSchema, paused, listed];
}

describe('the IPC contract at run time', () => {
  it('names every command once, as namespace.verb', () => {
    expect(new Set(COMMAND_NAMES).size).toBe(COMMAND_NAMES.length);
    for (const name of COMMAND_NAMES) expect(name).toMatch(/^[a-z]+\.[A-Za-z]+$/);
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
  });

  it('has a schema for every command and none for anything else', () => {
    expect(Object.keys(COMMAND_SCHEMAS).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const name of COMMAND_NAMES) expect(COMMAND_SCHEMAS[name]).toBeInstanceOf(z.ZodType);
  });

  it('lists only real commands as preload-only', () => {
    for (const name of PRELOAD_ONLY_COMMANDS) expect(COMMAND_NAMES).toContain(name);
  });

  it('recognises command names and nothing else', () => {
    expect(isCommandName('uploads.pause')).toBe(true);
    expect(isCommandName('uploads.pause ')).toBe(false);
    expect(isCommandName('toString')).toBe(false);
    expect(isCommandName('__proto__')).toBe(false);
    expect(isCommandName(42)).toBe(false);
    expect(isCommandName(undefined)).toBe(false);
  });

  it('keeps the compile-time checks referenced', () => {
    expect(typeof compileTimeChecks).toBe('function');
  });
});
