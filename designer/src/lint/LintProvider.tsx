import { useDeferredValue, useMemo, type ReactNode } from 'react';
import { useEditor } from '../editor/EditorContext';
import { collectFindings, severityByElement } from './collectFindings';
import { LintContext } from './LintContext';

/** Lints the definition under edit as it changes (deferred, so typing never waits for it). */
export function LintProvider(props: { children: ReactNode }) {
  const { state } = useEditor();
  const definition = useDeferredValue(state.definition);
  const value = useMemo(() => {
    const findings = collectFindings(definition);
    return { findings, errorCount: findings.filter((finding) => finding.severity === 'error').length, severityByElement: severityByElement(findings) };
  }, [definition]);
  return <LintContext.Provider value={value}>{props.children}</LintContext.Provider>;
}
