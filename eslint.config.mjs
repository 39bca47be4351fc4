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
