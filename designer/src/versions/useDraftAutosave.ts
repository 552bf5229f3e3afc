import { ApiError } from '@estateflow/runtime-web/api';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { designerApi } from '../api/designerApi';
import type { Definition } from '../definition/types';
import { useEditor } from '../editor/EditorContext';

export type SaveStatus =
  { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'conflict' } | { kind: 'failed'; message: string };

const DEBOUNCE_MS = 800;

/**
 * Saves the draft a moment after each change, with the revision it was loaded at. A 409 means
 * someone else saved first: saving stops and the conflict is shown, never overwritten.
 */
export function useDraftAutosave(input: { definitionId: string; revision: number }): {
  status: SaveStatus;
  flush: () => Promise<boolean>;
} {
  const { state } = useEditor();
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const revision = useRef(input.revision);
  const savedChange = useRef(state.changeCount);
  const latest = useRef<{ definition: Definition; changeCount: number }>({ definition: state.definition, changeCount: state.changeCount });
  const inFlight = useRef<Promise<boolean> | null>(null);
  const conflicted = useRef(false);
  const [loadedRevision, setLoadedRevision] = useState(input.revision);
  // A reload (after a conflict) brings a new revision: the draft is saved as loaded.
  if (loadedRevision !== input.revision) {
    setLoadedRevision(input.revision);
    setStatus({ kind: 'saved' });
  }
  useLayoutEffect(() => {
    latest.current = { definition: state.definition, changeCount: state.changeCount };
  }, [state.definition, state.changeCount]);
  useLayoutEffect(() => {
    revision.current = input.revision;
    savedChange.current = latest.current.changeCount;
    conflicted.current = false;
  }, [input.revision]);

  const save = useCallback(async (): Promise<boolean> => {
    if (conflicted.current) return false;
    if (inFlight.current) await inFlight.current;
    const { definition, changeCount } = latest.current;
    if (changeCount === savedChange.current) return true;
    setStatus({ kind: 'saving' });
    const request = designerApi
      .saveDraft({ id: input.definitionId, draft: JSON.parse(JSON.stringify(definition)), draftRevision: revision.current })
      .then((answer) => {
        revision.current = answer.draftRevision;
        savedChange.current = changeCount;
        setStatus(latest.current.changeCount === changeCount ? { kind: 'saved' } : { kind: 'pending' });
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 409) {
          conflicted.current = true;
          setStatus({ kind: 'conflict' });
        } else setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
        return false;
      });
    inFlight.current = request;
    const ok = await request;
    inFlight.current = null;
    return ok;
  }, [input.definitionId]);

  useEffect(() => {
    if (state.changeCount === savedChange.current || conflicted.current) return;
    setStatus({ kind: 'pending' });
    const timer = setTimeout(() => void save(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [state.changeCount, save]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current.changeCount !== savedChange.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return { status, flush: save };
}
