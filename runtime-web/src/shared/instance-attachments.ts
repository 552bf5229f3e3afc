import type { Attachment, Instance } from '../api/types';
import { collectAttachments } from '../forms/attachment-value';

/** Every attachment of an instance (its data and its events' data), each once. */
export function instanceAttachments(instance: Pick<Instance, 'data' | 'timeline'>): Attachment[] {
  const all = [...collectAttachments(instance.data), ...instance.timeline.flatMap((entry) => collectAttachments(entry.data ?? {}))];
  const seen = new Set<string>();
  return all.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}
