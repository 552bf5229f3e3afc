import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Definition } from '../definition/types';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import { isRecord } from '../util/isRecord';
import { collectFindings, isFindingList, severityByElement } from './collectFindings';
import { LintContext, type DesignerFinding } from './LintContext';

const LINT_DELAY_MS = 150;

/**
 * Lints the definition under edit a moment after it changes, in a worker: linting a big workflow
 * takes hundreds of milliseconds, which must never sit between a click or a drag and the screen.
 */
export function LintProvider(props: { children: ReactNode }) {
  const { state } = useEditor();
  const { locale } = useI18n();
  const [result, setResult] = useState<{ definition: Definition | null; findings: DesignerFinding[] }>({ definition: null, findings: [] });
  const worker = useRef<Worker | null>(null);
  const pending = useRef<{ id: number; definition: Definition } | null>(null);

  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    const created = new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<unknown>) => {
      const answer = event.data;
      const asked = pending.current;
      if (!isRecord(answer) || !asked || answer.id !== asked.id || !isFindingList(answer.findings)) return;
      setResult({ definition: asked.definition, findings: answer.findings });
    };
    worker.current = created;
    return () => {
      created.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    const definition = state.definition;
    const timer = setTimeout(() => {
      if (worker.current) {
        const id = (pending.current?.id ?? 0) + 1;
        pending.current = { id, definition };
        worker.current.postMessage({ id, definition, locale });
      } else setResult({ definition, findings: collectFindings(definition, locale) });
    }, LINT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state.definition, locale]);

  const value = useMemo(
    () => ({
      findings: result.findings,
      errorCount: result.findings.filter((finding) => finding.severity === 'error').length,
      severityByElement: severityByElement(result.findings),
      current: result.definition === state.definition,
    }),
    [result, state.definition],
  );
  return <LintContext.Provider value={value}>{props.children}</LintContext.Provider>;
}
