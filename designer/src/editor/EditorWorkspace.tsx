import { Spin, Tabs } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { LintProvider } from '../lint/LintProvider';
import { useEditor } from './EditorContext';
import { StatechartTab } from './StatechartTab';

// Only the canvas is needed to open a workflow; the other tabs (the form builder with RJSF, the
// simulator, parameters, JSON) load when first shown, keeping the first paint's bundle small.
const FormsTab = lazy(() => import('../formbuilder/FormsTab').then((module) => ({ default: module.FormsTab })));
const ParametersTab = lazy(() => import('../parameters/ParametersTab').then((module) => ({ default: module.ParametersTab })));
const SimulatorTab = lazy(() => import('../simulator/SimulatorTab').then((module) => ({ default: module.SimulatorTab })));
const JsonTab = lazy(() => import('./JsonTab').then((module) => ({ default: module.JsonTab })));

function Loading(props: { children: ReactNode }) {
  return <Suspense fallback={<Spin className="tab-loading" />}>{props.children}</Suspense>;
}

function isTab(value: string): value is 'canvas' | 'forms' | 'parameters' | 'simulator' | 'versions' | 'json' {
  return ['canvas', 'forms', 'parameters', 'simulator', 'versions', 'json'].includes(value);
}

/** The tabs of one workflow; `header` (save state, publish) and `versions` come from the page that loaded it. */
export function EditorWorkspace(props: { header: ReactNode; versions?: ReactNode }) {
  const { t } = useI18n();
  const { tab, setTab } = useEditor();
  const items = [
    { key: 'canvas', label: t('editor.tab.canvas'), children: <StatechartTab /> },
    {
      key: 'forms',
      label: t('editor.tab.forms'),
      children: (
        <Loading>
          <FormsTab />
        </Loading>
      ),
    },
    {
      key: 'parameters',
      label: t('editor.tab.parameters'),
      children: (
        <Loading>
          <ParametersTab />
        </Loading>
      ),
    },
    {
      key: 'simulator',
      label: t('editor.tab.simulator'),
      children: (
        <Loading>
          <SimulatorTab />
        </Loading>
      ),
    },
    ...(props.versions ? [{ key: 'versions', label: t('editor.tab.versions'), children: <Loading>{props.versions}</Loading> }] : []),
    {
      key: 'json',
      label: t('editor.tab.json'),
      children: (
        <Loading>
          <JsonTab />
        </Loading>
      ),
    },
  ];
  return (
    <LintProvider>
      <div className="workspace">
        <Tabs
          className="workspace-tabs"
          activeKey={tab}
          onChange={(key) => isTab(key) && setTab(key)}
          tabBarExtraContent={props.header}
          items={items}
          destroyOnHidden
        />
      </div>
    </LintProvider>
  );
}
