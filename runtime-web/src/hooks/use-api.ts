import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type QueryValue } from '../api/client';
import { subscribeLiveEvents, type LiveEvent } from './live-events';

export type ApiState<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
};

/**
 * GET an /api path and keep it fresh: re-fetches when path or query change, when `reload()` is
 * called, and when a live event matches `refreshOn`. Old data stays visible while reloading.
 * A null path fetches nothing.
 */
export function useApi<T>(
  path: string | null,
  query?: Record<string, QueryValue>,
  refreshOn?: (event: LiveEvent) => boolean,
): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const queryKey = JSON.stringify(query ?? {});
  const refreshOnRef = useRef(refreshOn);
  refreshOnRef.current = refreshOn;

  // A different resource: do not show the previous one's data under the new heading.
  useEffect(() => setData(undefined), [path]);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return undefined;
    }
    const controller = new AbortController();
    const parsedQuery: Record<string, QueryValue> = JSON.parse(queryKey);
    setLoading(true);
    api
      .get<T>(path, parsedQuery, controller.signal)
      .then((result) => {
        setData(result);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, queryKey, tick]);

  useEffect(
    () =>
      subscribeLiveEvents((event) => {
        if (event.kind === 'reconnected' || refreshOnRef.current?.(event)) setTick((value) => value + 1);
      }),
    [],
  );

  const reload = useCallback(() => setTick((value) => value + 1), []);
  return { data, error, loading, reload };
}
