// Seeded, deterministic fault decisions (issue 2 item 3). Every OSS request draws exactly one value per fault kind,
// in a fixed order, whatever the rates and whatever the operation, so request number N always meets the same draws:
// the same seed and the same request order reproduce the same faults.
import { NO_FAULTS, type FaultOptions } from '../emulator-types';
import { mulberry32 } from './mulberry32';

/** The faults chosen for one request. */
export interface FaultDraw {
  readonly error500: boolean;
  readonly error503: boolean;
  readonly malformedXml: boolean;
  readonly truncatedXml: boolean;
  /** Only acted on for UploadPart. */
  readonly resetPartBody: boolean;
}

const RATE_KEYS = ['resetPartBodyRate', 'error500Rate', 'error503Rate', 'malformedXmlRate', 'truncatedXmlRate'] as const;
const NON_NEGATIVE_KEYS = ['resetAfterBytes', 'latencyMs', 'bandwidthBytesPerSecond'] as const;

/** Checks a partial fault update; returns an error message, or undefined when it is acceptable. */
export function validateFaults(update: Partial<FaultOptions>): string | undefined {
  for (const key of RATE_KEYS) {
    const v = update[key];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= 1)) return `${key} must be a number in [0, 1]`;
  }
  for (const key of NON_NEGATIVE_KEYS) {
    const v = update[key];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) return `${key} must be a non-negative number`;
  }
  if (update.seed !== undefined && !Number.isInteger(update.seed)) return 'seed must be an integer';
  return undefined;
}

/** Holds the current fault options and the PRNG that decides each request's faults. */
export class FaultController {
  private current: FaultOptions;
  private random: () => number;

  constructor(initial: Partial<FaultOptions> = {}) {
    const problem = validateFaults(initial);
    if (problem !== undefined) throw new RangeError(problem);
    this.current = { ...NO_FAULTS, ...initial };
    this.random = mulberry32(this.current.seed);
  }

  /** The options in force. */
  get options(): FaultOptions {
    return this.current;
  }

  /** Merges an update; giving `seed` (even the same one) restarts the sequence. Throws RangeError when invalid. */
  update(update: Partial<FaultOptions>): FaultOptions {
    const problem = validateFaults(update);
    if (problem !== undefined) throw new RangeError(problem);
    this.current = { ...this.current, ...update };
    if (update.seed !== undefined) this.random = mulberry32(this.current.seed);
    return this.current;
  }

  /** Draws one request's faults. */
  draw(): FaultDraw {
    const o = this.current;
    const error500 = this.random() < o.error500Rate;
    const error503 = this.random() < o.error503Rate;
    const malformedXml = this.random() < o.malformedXmlRate;
    const truncatedXml = this.random() < o.truncatedXmlRate;
    const resetPartBody = this.random() < o.resetPartBodyRate;
    return { error500, error503, malformedXml, truncatedXml, resetPartBody };
  }
}
