import type { Instance } from '../api/types';

/**
 * An event's reply carries only the newest timeline entries (docs/api.md); the page already
 * shows the earlier ones. Keeps those the reply leaves out (an instance's log is append-only, so
 * an entry with a given seq never changes), so the timeline and the attachments drawn from it
 * do not shrink after an action.
 */
export function mergeTimeline(previous: Pick<Instance, 'id' | 'timeline'>, next: Instance): Instance {
  if (previous.id !== next.id) return next;
  const firstNew = next.timeline[0]?.seq ?? Number.POSITIVE_INFINITY;
  const earlier = previous.timeline.filter((entry) => entry.seq < firstNew);
  return earlier.length === 0 ? next : { ...next, timeline: [...earlier, ...next.timeline] };
}
