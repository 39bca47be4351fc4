// @ts-check
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'stream', 'child_process', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'dist/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The bin shim is plain CommonJS that Node runs directly (no build step can run before it).
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // shared/ is pure TypeScript used by every process: no Node, no Electron, no React.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'shared/ must not import Node built-ins.' },
          { group: ['electron', 'react', 'react-dom', 'zustand', 'undici'], message: 'shared/ is pure TypeScript.' },
          { group: ['../main/*', '../../main/*', '../renderer/*', '../../renderer/*'], message: 'shared/ must not import process code.' },
        ],
      }],
    },
  },
  {
    // Only window/, preload/ and index.ts may touch Electron (the ipcMain binding lives in window/); the rest runs on plain Node.
    files: ['main/oss/**/*.ts', 'main/emulator/**/*.ts', 'main/uploads/**/*.ts', 'main/incomplete/**/*.ts', 'main/cli/**/*.ts', 'main/accounts/**/*.ts', 'main/harness/**/*.ts', 'main/app/**/*.ts', 'main/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron'], message: 'This folder must run on plain Node: no electron import.' }],
      }],
    },
  },
  {
    // The preload runs in a sandboxed renderer and is bundled into one file: only `electron` and shared/, no Node
    // built-ins and no main/ code. ipcRenderer appears in main/preload/index.ts alone (architecture.md).
    files: ['main/preload/**/*.ts'],
    ignores: ['main/preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'The sandboxed preload has no Node built-ins.' },
          { regex: '^\\.\\./(?!\\.\\./shared/)', message: 'The preload may import only shared/ and its own folder.' },
        ],
      }],
    },
  },
  {
    files: ['main/preload/**/*.ts'],
    ignores: ['main/preload/index.ts', 'main/preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only main/preload/index.ts touches electron; pass what you need in.' }],
        patterns: [
          { group: nodeBuiltins, message: 'The sandboxed preload has no Node built-ins.' },
          { regex: '^\\.\\./(?!\\.\\./shared/)', message: 'The preload may import only shared/ and its own folder.' },
        ],
      }],
    },
  },
  {
    // The harness's in-page bridge is bundled for the browser: no Node built-ins, no electron, nothing from main/
    // except the harness wire protocol beside it.
    files: ['main/harness/web-bridge/**/*.ts'],
    ignores: ['main/harness/web-bridge/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...nodeBuiltins, 'electron', 'ws'], message: 'The web bridge runs in the browser.' },
          { regex: '^\\.\\./(?!harness-protocol$|\\.\\./\\.\\./shared/)', message: 'The web bridge may import only shared/ and ../harness-protocol.' },
        ],
      }],
    },
  },
  {
    // Raw IPC lives in one place: main/window/bind-ipc.ts binds the dispatcher, which checks the sender and validates
    // every argument. Anything else in window/ would be a way around those checks.
    files: ['main/window/**/*.ts'],
    ignores: ['main/window/bind-ipc.ts', 'main/window/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Raw IPC only in main/window/bind-ipc.ts.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'The renderer has no Node: ask main through window.uploader.' },
          { group: ['electron'], message: 'The renderer talks only to window.uploader.' },
          { group: ['../main/*', '../../main/*', '../../../main/*'], message: 'The renderer must not import main code.' },
        ],
      }],
    },
  },
);
