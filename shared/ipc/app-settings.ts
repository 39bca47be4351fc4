// The user's settings as the renderer edits them and main applies them (engine limits, desktop behaviour, looks).
// Bounds live here, next to the type, so the schema (./schemas.ts), the settings screen and main agree on them.
import { DEFAULT_PART_SIZE_BYTES, MAX_PART_SIZE_BYTES, MIN_PART_SIZE_BYTES } from '../limits';

/** What quitting or closing the window does while uploads run: ask first, or pause them without asking. */
export const QUIT_BEHAVIOURS = ['ask', 'pause'] as const;
/** How unfinished jobs come back on the next start (issue 5 item 5). */
export const START_BEHAVIOURS = ['paused', 'resume'] as const;
/** Languages the renderer has strings for. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
/** Colour themes; `system` follows the OS. */
export const THEMES = ['system', 'light', 'dark'] as const;

/** One of QUIT_BEHAVIOURS. */
export type QuitBehaviour = (typeof QUIT_BEHAVIOURS)[number];
/** One of START_BEHAVIOURS. */
export type StartBehaviour = (typeof START_BEHAVIOURS)[number];
/** One of LANGUAGES. */
export type Language = (typeof LANGUAGES)[number];
/** One of THEMES. */
export type Theme = (typeof THEMES)[number];

/** Every setting, always complete (an update is a Partial of it). */
export interface AppSettings {
  /** Part size of new jobs; OSS allows 100 KB..5 GB per part (shared/limits.ts). */
  readonly partSizeBytes: number;
  /** Requests in flight across all jobs. */
  readonly maxRequests: number;
  /** Files uploading at once. */
  readonly maxFiles: number;
  /** Upload bandwidth cap; 0 = no cap. */
  readonly bandwidthBytesPerSecond: number;
  /** Attempts per request before a part fails (1 = no retry); the engine's `retry.maxAttempts`. */
  readonly maxAttempts: number;
  /** Native notification when a batch finishes or fails. */
  readonly notifications: boolean;
  readonly onQuit: QuitBehaviour;
  readonly onStart: StartBehaviour;
  readonly language: Language;
  readonly theme: Theme;
}

/** A partial update of the settings. */
export type AppSettingsPatch = Partial<AppSettings>;

/** Inclusive integer bounds of the numeric settings. */
export const SETTINGS_BOUNDS = {
  partSizeBytes: { min: MIN_PART_SIZE_BYTES, max: MAX_PART_SIZE_BYTES },
  // The SDKs clamp parallelism far lower (gov2 Routines ≤ 100, ossbrowser adapts from 5; oss-protocol.md §10); 64 keeps
  // one machine from tripping the server's throttling while leaving room for fast links.
  maxRequests: { min: 1, max: 64 },
  maxFiles: { min: 1, max: 16 },
  bandwidthBytesPerSecond: { min: 0, max: Number.MAX_SAFE_INTEGER },
  maxAttempts: { min: 1, max: 20 },
} as const satisfies Partial<Record<keyof AppSettings, { readonly min: number; readonly max: number }>>;

/** Settings of a fresh installation; the engine numbers match its own defaults (engine design notes). */
export const DEFAULT_SETTINGS: AppSettings = Object.freeze({
  partSizeBytes: DEFAULT_PART_SIZE_BYTES,
  maxRequests: 8,
  maxFiles: 3,
  bandwidthBytesPerSecond: 0,
  maxAttempts: 8,
  notifications: true,
  onQuit: 'ask',
  onStart: 'paused',
  language: 'en',
  theme: 'system',
});
