import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_SETTINGS, InvalidSettingsError, resolveEngineSettings } from './engine-settings';

describe('resolveEngineSettings', () => {
  it('has the issue\'s defaults', () => {
    expect(DEFAULT_ENGINE_SETTINGS).toEqual({
      partSizeBytes: 8 * 1024 * 1024,
      maxRequests: 8,
      maxFiles: 3,
      retry: { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 30_000 },
      bandwidthBytesPerSecond: 0,
      resumeOnStart: false,
    });
  });

  it('merges a partial update, including part of the retry policy', () => {
    const next = resolveEngineSettings(DEFAULT_ENGINE_SETTINGS, { maxRequests: 16, retry: { maxAttempts: 3 } });
    expect(next.maxRequests).toBe(16);
    expect(next.retry).toEqual({ maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 30_000 });
    expect(next.partSizeBytes).toBe(DEFAULT_ENGINE_SETTINGS.partSizeBytes);
  });

  it.each([
    [{ partSizeBytes: 100 * 1024 - 1 }, 'partSizeBytes'],
    [{ partSizeBytes: 5 * 1024 ** 3 + 1 }, 'partSizeBytes'],
    [{ maxRequests: 0 }, 'maxRequests'],
    [{ maxFiles: 1.5 }, 'maxFiles'],
    [{ retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
    [{ retry: { baseDelayMs: 1000, maxDelayMs: 10 } }, 'retry.maxDelayMs'],
    [{ bandwidthBytesPerSecond: -1 }, 'bandwidthBytesPerSecond'],
    [{ bandwidthBytesPerSecond: Number.NaN }, 'bandwidthBytesPerSecond'],
  ])('refuses %j', (update, field) => {
    let error: unknown;
    try {
      resolveEngineSettings(DEFAULT_ENGINE_SETTINGS, update);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidSettingsError);
    expect(error).toMatchObject({ code: 'InvalidSettings', field });
  });
});
