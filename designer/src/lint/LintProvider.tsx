import { useDeferredValue, useMemo, type ReactNode } from 'react';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import { collectFindings, severityByElement } from './collectFindings';
import { LintContext } from './LintContext';

/** Lints the definition under edit as it changes (deferred, so typing never waits for it). */
export function LintProvider(props: { children: ReactNode }) {
  const { state } = useEditor();
  const { locale } = useI18n();
  const definition = useDeferredValue(state.definition);
  const value = useMemo(() => {
    const findings = collectFindings(definition, locale);
    return {
      findings,
      errorCount: findings.filter((finding) => finding.severity === 'error').length,
      severityByElement: severityByElement(findings),
    };
  }, [definition, locale]);
  return <LintContext.Provider value={value}>{props.children}</LintContext.Provider>;
}
