import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Definition } from '../definition/types';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import { collectFindings, severityByElement } from './collectFindings';
import { LintContext, type DesignerFinding } from './LintContext';

const LINT_DELAY_MS = 250;

/**
 * Lints the definition under edit a moment after it stops changing: linting a big workflow takes
 * a few hundred milliseconds, which must never sit between a keystroke or a drag and the screen.
 */
export function LintProvider(props: { children: ReactNode }) {
  const { state } = useEditor();
  const { locale } = useI18n();
  const [result, setResult] = useState<{ definition: Definition | null; findings: DesignerFinding[] }>({ definition: null, findings: [] });
  useEffect(() => {
    const definition = state.definition;
    const timer = setTimeout(() => setResult({ definition, findings: collectFindings(definition, locale) }), LINT_DELAY_MS);
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
