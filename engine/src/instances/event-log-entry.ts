import type { Actor } from '@estateflow/model';

/**
 * What an InstanceEvent's `data` column holds: the form data, and what replay needs besides it
 * (the actor with the roles they had, and for the start the parameters the instance ran with).
 */
export interface LoggedEventData {
  data: Record<string, unknown>;
  actor?: Actor;
  parameters?: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a stored event's data column back (it is our own JSON, but checked, not cast). */
export function readLoggedEventData(value: unknown): LoggedEventData {
  if (!isRecord(value)) return { data: {} };
  const entry: LoggedEventData = { data: isRecord(value['data']) ? value['data'] : {} };
  const actor = value['actor'];
  if (isRecord(actor) && typeof actor['id'] === 'string') {
    const roles = Array.isArray(actor['roles']) ? actor['roles'].filter((role): role is string => typeof role === 'string') : [];
    entry.actor = { id: actor['id'], roles };
  }
  if (isRecord(value['parameters'])) entry.parameters = value['parameters'];
  return entry;
}
