import type { DurationByCase, SlaDuration } from '../generated/definition.js';

/** An SLA chosen by the instance's data (`{ cases, otherwise? }`) rather than one fixed duration. */
export function isDurationByCase(duration: SlaDuration): duration is DurationByCase {
  return typeof duration === 'object' && 'cases' in duration;
}
