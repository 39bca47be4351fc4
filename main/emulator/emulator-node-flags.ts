// Node flags for a standalone emulator process (`npm run emulator`, the benchmark's emulator). Measured in
// `npm run bench` (split cores, 1 GiB in 8 MiB parts): with V8's defaults the young generation's semi-space grows from
// 1 to 16 MiB within the first few hundred MiB, because some of what each request allocates lives across a scavenge.
// With a heap this small (~12 MiB live, a 28 MiB old-generation limit), 16 MiB is as much as the old generation has
// left, so V8 starts incremental marking again right after each full collection: 29-52 mark-compacts per GiB
// ("finalize incremental marking via task; GC in old space requested" in --trace-gc) where 0-2 are needed, costing
// the emulator ~0.5-1.5 s of CPU per GiB, at random. On loopback every client is held to what the emulator can take,
// so this slowed every client the benchmark compares by up to a fifth. A 2 MiB cap leaves ~60 scavenges of ~0.5 ms
// per GiB and no mark-compact storm.
//
// It has to be a command-line flag: by the time the emulator's code runs, tsx's start-up has grown the semi-space
// already, and V8 does not shrink it for a flag set later. The app's embedded emulator shares the main process with
// the upload engine and keeps V8's defaults.

/** Flags to start `node` with, before the script (emulator-node-flags.test.ts shows their effect). */
export const EMULATOR_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];
