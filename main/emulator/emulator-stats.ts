// Counters tests read through `stats()` or `GET /__emulator/stats`, e.g. to prove how many part bytes a resumed
// upload re-sent.
import type { EmulatorStats } from './emulator-types';

function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

/** Mutable counters behind EmulatorStats. */
export class StatsRecorder {
  private requests: Record<string, number> = {};
  private uploadPartBytesReceived = 0;
  private uploadPartBytesByPart: Record<string, number> = {};
  private uploadPartAttemptsByPart: Record<string, number> = {};
  private faultsInjected: Record<string, number> = {};

  /** Counts one request of `operation`. */
  request(operation: string): void {
    bump(this.requests, operation);
  }

  /** Counts one UploadPart attempt for `partId` (`<uploadId>/<partNumber>`). */
  partAttempt(partId: string): void {
    bump(this.uploadPartAttemptsByPart, partId);
  }

  /** Counts UploadPart body bytes as they arrive. */
  partBytes(partId: string, bytes: number): void {
    this.uploadPartBytesReceived += bytes;
    bump(this.uploadPartBytesByPart, partId, bytes);
  }

  /** Counts one injected fault of `kind`. */
  fault(kind: string): void {
    bump(this.faultsInjected, kind);
  }

  /** A copy of the counters. */
  snapshot(): EmulatorStats {
    return {
      requests: { ...this.requests },
      uploadPartBytesReceived: this.uploadPartBytesReceived,
      uploadPartBytesByPart: { ...this.uploadPartBytesByPart },
      uploadPartAttemptsByPart: { ...this.uploadPartAttemptsByPart },
      faultsInjected: { ...this.faultsInjected },
    };
  }

  /** Zeroes every counter. */
  reset(): void {
    this.requests = {};
    this.uploadPartBytesReceived = 0;
    this.uploadPartBytesByPart = {};
    this.uploadPartAttemptsByPart = {};
    this.faultsInjected = {};
  }
}
