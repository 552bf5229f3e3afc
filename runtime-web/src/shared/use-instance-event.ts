import { useEffect, useRef, useState } from 'react';
import { ApiError, type FieldErrorDetail } from '../api/api-error';
import { api } from '../api/client';
import type { Instance, JsonObject } from '../api/types';
import { mergeTimeline } from './merge-timeline';
import { useIdempotentSubmit } from './use-idempotent-submit';

export type EventOutcome = 'applied' | 'conflict' | 'invalid' | 'failed' | 'busy';

/**
 * Sends one event to an instance (POST /api/instances/{id}/events) with expectedVersion and an
 * Idempotency-Key per attempt. 422 field errors come back for the form; a 409 asks the page to
 * reload the instance while the dialog keeps what was typed. The reply's short timeline is merged
 * with what the page already showed.
 */
export function useInstanceEvent(input: { instance: Instance; onApplied: (instance: Instance) => void; onConflict: () => void }) {
  const { run, busy } = useIdempotentSubmit();
  const [serverErrors, setServerErrors] = useState<FieldErrorDetail[]>([]);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(input);
  useEffect(() => {
    latest.current = input;
  });

  async function send(event: { type: string; data: JsonObject; comment?: string }): Promise<EventOutcome> {
    const { instance } = latest.current;
    const result = await run((idempotencyKey) =>
      api.post<Instance>(
        `/instances/${instance.id}/events`,
        { type: event.type, data: event.data, expectedVersion: instance.version, ...(event.comment ? { comment: event.comment } : {}) },
        idempotencyKey,
      ),
    );
    if (result === null) return 'busy';
    if (result.ok) {
      setServerErrors([]);
      setError(null);
      latest.current.onApplied(mergeTimeline(instance, result.value));
      return 'applied';
    }
    const failure = result.error;
    if (failure instanceof ApiError && failure.status === 409) {
      setError(null);
      latest.current.onConflict();
      return 'conflict';
    }
    if (failure instanceof ApiError && failure.status === 422 && failure.fieldErrors.length > 0) {
      setServerErrors(failure.fieldErrors);
      setError(null);
      return 'invalid';
    }
    setError(failure);
    return 'failed';
  }

  function reset() {
    setServerErrors([]);
    setError(null);
  }

  return { send, busy, serverErrors, error, reset };
}
