import { validateDefinition } from '@estateflow/model';
import { useEffect } from 'react';
import { useEditor } from './EditorContext';

declare global {
  interface Window {
    estateflowDesigner?: { load: (definition: unknown) => boolean; stateCount: () => number };
  }
}

/** Exposes `window.estateflowDesigner.load(definition)` on the local editor page (bench and e2e use it). */
export function LocalDefinitionHookEffect() {
  const { reset, state, viewRef } = useEditor();
  useEffect(() => {
    window.estateflowDesigner = {
      load: (definition) => {
        const checked = validateDefinition(definition);
        if (checked.ok) {
          reset(checked.definition);
          setTimeout(() => viewRef.current?.showStart(), 50);
        }
        return checked.ok;
      },
      stateCount: () => document.querySelectorAll('.react-flow__node').length,
    };
    return () => {
      delete window.estateflowDesigner;
    };
  }, [reset, state.definition, viewRef]);
  return null;
}
