import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type QueryValue } from '../api/client';
import { subscribeLiveEvents, type LiveEvent } from './live-events';

export type ApiState<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
};

type Settled<T> = { key: string; path: string | null; data: T | undefined; error: unknown };

/**
 * GET an /api path and keep it fresh: re-fetches when path or query change, when `reload()` is
 * called, and when a live event matches `refreshOn`. The previous answer stays visible while the
 * same path reloads (never under another path). A null path fetches nothing.
 */
export function useApi<T>(path: string | null, query?: Record<string, QueryValue>, refreshOn?: (event: LiveEvent) => boolean): ApiState<T> {
  const [tick, setTick] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ key: '', path: null, data: undefined, error: null });
  const queryKey = JSON.stringify(query ?? {});
  const requestKey = `${path ?? ''}?${queryKey}#${tick}`;
  const refreshOnRef = useRef(refreshOn);
  useEffect(() => {
    refreshOnRef.current = refreshOn;
  });

  useEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    const parsedQuery: Record<string, QueryValue> = JSON.parse(queryKey);
    api
      .get<T>(path, parsedQuery, controller.signal)
      .then((data) => setSettled({ key: requestKey, path, data, error: null }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled((previous) => ({ key: requestKey, path, data: previous.path === path ? previous.data : undefined, error }));
      });
    return () => controller.abort();
  }, [path, queryKey, requestKey]);

  useEffect(
    () =>
      subscribeLiveEvents((event) => {
        if (event.kind === 'reconnected' || refreshOnRef.current?.(event)) setTick((value) => value + 1);
      }),
    [],
  );

  const reload = useCallback(() => setTick((value) => value + 1), []);
  return {
    data: settled.path === path ? settled.data : undefined,
    error: settled.path === path ? settled.error : null,
    loading: path !== null && settled.key !== requestKey,
    reload,
  };
}
