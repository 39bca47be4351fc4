// What the harness serves has to be built first (issue 5 item 6): the renderer (Vite, renderer/vite.config.ts, into
// out/renderer) when it is missing or older than its sources, and the bridge script (Vite's library mode, one IIFE,
// into out/harness/bridge.js) when it is missing or older than its own sources. Vite is imported lazily, so a start
// with nothing to build does not load it.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Where the harness's inputs and outputs live, relative to the project root. */
export interface HarnessAssetPaths {
  readonly rendererConfig: string;
  readonly rendererDir: string;
  readonly rendererSources: readonly string[];
  readonly bridgeEntry: string;
  readonly bridgeFile: string;
  readonly bridgeSources: readonly string[];
}

/** The standard layout under `projectRoot`. */
export function harnessAssetPaths(projectRoot: string): HarnessAssetPaths {
  const at = (...parts: string[]): string => path.join(projectRoot, ...parts);
  return {
    rendererConfig: at('renderer', 'vite.config.ts'),
    rendererDir: at('out', 'renderer'),
    // The renderer bundles shared/ too: a contract change must rebuild it.
    rendererSources: [at('renderer'), at('shared')],
    bridgeEntry: at('main', 'harness', 'web-bridge', 'install-bridge.ts'),
    bridgeFile: at('out', 'harness', 'bridge.js'),
    bridgeSources: [at('main', 'harness', 'web-bridge'), at('main', 'harness', 'harness-protocol.ts'), at('shared')],
  };
}

const IGNORED = /(\.test\.tsx?|\.d\.ts)$|[\\/](node_modules|test-support)[\\/]/;

/** The newest modification time of the files under `sources` (files or folders), tests excluded; 0 when none. */
export async function newestSourceMtimeMs(sources: readonly string[]): Promise<number> {
  let newest = 0;
  for (const source of sources) {
    const info = await stat(source).catch(() => undefined);
    if (info === undefined) continue;
    if (info.isFile()) {
      newest = Math.max(newest, info.mtimeMs);
      continue;
    }
    const entries = await readdir(source, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (IGNORED.test(file)) continue;
      const fileInfo = await stat(file).catch(() => undefined);
      if (fileInfo !== undefined) newest = Math.max(newest, fileInfo.mtimeMs);
    }
  }
  return newest;
}

/** True when `output` is missing or older than the newest of `sources`. */
export async function isOutdated(output: string, sources: readonly string[]): Promise<boolean> {
  const built = await stat(output).catch(() => undefined);
  if (built === undefined) return true;
  return (await newestSourceMtimeMs(sources)) > built.mtimeMs;
}

/** Builds the renderer with its own Vite config (which writes out/renderer). */
export async function buildRenderer(paths: HarnessAssetPaths): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: paths.rendererConfig, logLevel: 'warn', mode: 'production' });
}

/** Bundles the bridge into one classic script (an IIFE: it must run before the renderer's module script). */
export async function buildBridge(paths: Pick<HarnessAssetPaths, 'bridgeEntry' | 'bridgeFile'>): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    root: path.dirname(paths.bridgeEntry),
    publicDir: false,
    build: {
      lib: { entry: paths.bridgeEntry, formats: ['iife'], name: 'uploaderHarnessBridge', fileName: () => path.basename(paths.bridgeFile) },
      outDir: path.dirname(paths.bridgeFile),
      emptyOutDir: false,
      target: 'chrome120',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
    },
  });
}

/** Options of ensureHarnessAssets. */
export interface EnsureAssetsOptions {
  readonly paths: HarnessAssetPaths;
  /** False with --no-build: serve whatever out/renderer holds (the bridge is still built when outdated). */
  readonly buildRenderer: boolean;
  readonly log: { info(line: string): void };
}

/** Builds what is outdated; resolves when both outputs are current. */
export async function ensureHarnessAssets(options: EnsureAssetsOptions): Promise<void> {
  const { paths, log } = options;
  if (options.buildRenderer && (await isOutdated(path.join(paths.rendererDir, 'index.html'), paths.rendererSources))) {
    log.info('Building the renderer (vite build --config renderer/vite.config.ts)…');
    await buildRenderer(paths);
  }
  if (await isOutdated(paths.bridgeFile, paths.bridgeSources)) {
    log.info('Building the harness bridge…');
    await buildBridge(paths);
  }
}
