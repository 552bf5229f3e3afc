import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export type RemoteOption = { value: string; label: string };

/** Options for a picker from an /api list, re-fetched (debounced) as the search text changes. */
export function useRemoteOptions<T>(input: {
  path: string | null;
  query: Record<string, string | undefined>;
  toOption: (item: T) => RemoteOption;
}): { options: RemoteOption[]; loading: boolean } {
  const [options, setOptions] = useState<RemoteOption[]>([]);
  const [loading, setLoading] = useState(false);
  const { path, toOption } = input;
  const queryKey = JSON.stringify(input.query);
  useEffect(() => {
    if (!path) return undefined;
    const controller = new AbortController();
    const query: Record<string, string> = JSON.parse(queryKey);
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<T[]>(path, query, controller.signal)
        .then((items) => setOptions(Array.isArray(items) ? items.map(toOption) : []))
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [path, queryKey, toOption]);
  return { options, loading };
}
