// `npm run dev:web -- --port P [--data-dir DIR] [--no-build]` (issue 5 item 6): the browser harness. Prints a line
// containing `http://127.0.0.1:P` once it listens; SIGINT or SIGTERM shuts the core down (jobs persisted) and exits 0.
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { startHarness } from './start-harness';

/** Where --data-dir points by default (relative to the working directory). */
export const DEFAULT_DATA_DIR = path.join('.oss-data', 'harness');

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port > 65_535) throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return port;
}

async function main(argv: readonly string[]): Promise<void> {
  const program = new Command()
    .name('dev:web')
    .description('The OSS Upload Manager in a browser: the app core on plain Node behind a WebSocket bridge, on 127.0.0.1.')
    .option('--port <port>', 'port on 127.0.0.1 (0 picks a free one)', parsePort, 0)
    .option('--data-dir <dir>', 'data folder (accounts, PLAIN-TEXT secrets, jobs, staged files, log)', DEFAULT_DATA_DIR)
    .option('--no-build', 'do not build the renderer, serve out/renderer as it is')
    .parse(argv, { from: 'user' });
  const options = program.opts<{ port: number; dataDir: string; build: boolean }>();

  const harness = await startHarness({
    port: options.port,
    dataDir: options.dataDir,
    projectRoot: path.resolve(__dirname, '..', '..'),
    buildRenderer: options.build,
    echo: (line) => console.error(line),
  });
  console.log(`OSS Upload Manager harness: ${harness.url}`);
  console.log(`Embedded OSS emulator: ${harness.emulatorUrl ?? '(not running)'}`);
  console.log(`Data: ${path.resolve(options.dataDir)} (secrets in plain text: development only); log: ${harness.logFile}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting for the shutdown.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: pausing uploads and shutting down…`);
    harness.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`The harness could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
