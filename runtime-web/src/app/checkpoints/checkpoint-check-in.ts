import type { Instance } from '../../api/types';
import { checkpointsOf, type Checkpoint } from './checkpoint-labels';

/** An inspection round the caller may check in at a checkpoint now; `start`: it must be started first. */
export type CheckInChoice = { instance: Instance; checkpoint: Checkpoint; start: boolean };

/**
 * The rounds a scanned checkpoint label can check in at: those whose route has the checkpoint and
 * has not checked it yet, and that the caller may check in (CHECK_IN allowed) or start (START).
 */
export function checkInChoices(code: string, rounds: readonly Instance[]): CheckInChoice[] {
  return rounds.flatMap((instance): CheckInChoice[] => {
    const checkpoint = checkpointsOf(instance.data['checkpoints']).find((candidate) => candidate.code === code);
    const checked = instance.data['checkedCodes'];
    if (checkpoint === undefined || (Array.isArray(checked) && checked.includes(code))) return [];
    const allowed = new Set(instance.allowedEvents.map((event) => event.type));
    if (allowed.has('CHECK_IN')) return [{ instance, checkpoint, start: false }];
    if (allowed.has('START')) return [{ instance, checkpoint, start: true }];
    return [];
  });
}
