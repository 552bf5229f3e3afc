import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { newIdempotencyKey } from '../api/idempotency-key';

/**
 * One Idempotency-Key per submit attempt: a second tap while the first is in flight is ignored,
 * and a retry after a network failure (no answer) reuses the key so the server applies it once.
 * Any answer from the server ends the attempt; the next submit gets a fresh key.
 */
export function useIdempotentSubmit() {
  const keyRef = useRef<string | null>(null);
  const busyRef = useRef(false);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async <T>(send: (idempotencyKey: string) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown } | null> => {
      if (busyRef.current) return null;
      busyRef.current = true;
      setBusy(true);
      keyRef.current ??= newIdempotencyKey();
      try {
        const value = await send(keyRef.current);
        keyRef.current = null;
        return { ok: true, value };
      } catch (error) {
        if (!(error instanceof ApiError && error.isNetworkError)) keyRef.current = null;
        return { ok: false, error };
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [],
  );

  /** The current attempt's key, creating it (the portal's outbox stores it). */
  const currentKey = useCallback(() => (keyRef.current ??= newIdempotencyKey()), []);
  const forgetKey = useCallback(() => {
    keyRef.current = null;
  }, []);

  return { run, busy, currentKey, forgetKey };
}
