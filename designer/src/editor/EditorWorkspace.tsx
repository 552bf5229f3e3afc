import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { FormsTab } from '../formbuilder/FormsTab';
import { useI18n } from '../i18n/I18nContext';
import { LintProvider } from '../lint/LintProvider';
import { ParametersTab } from '../parameters/ParametersTab';
import { SimulatorTab } from '../simulator/SimulatorTab';
import { useEditor } from './EditorContext';
import { JsonTab } from './JsonTab';
import { StatechartTab } from './StatechartTab';

function isTab(value: string): value is 'canvas' | 'forms' | 'parameters' | 'simulator' | 'versions' | 'json' {
  return ['canvas', 'forms', 'parameters', 'simulator', 'versions', 'json'].includes(value);
}

/** The tabs of one workflow; `header` (save state, publish) and `versions` come from the page that loaded it. */
export function EditorWorkspace(props: { header: ReactNode; versions?: ReactNode }) {
  const { t } = useI18n();
  const { tab, setTab } = useEditor();
  const items = [
    { key: 'canvas', label: t('editor.tab.canvas'), children: <StatechartTab /> },
    { key: 'forms', label: t('editor.tab.forms'), children: <FormsTab /> },
    { key: 'parameters', label: t('editor.tab.parameters'), children: <ParametersTab /> },
    { key: 'simulator', label: t('editor.tab.simulator'), children: <SimulatorTab /> },
    ...(props.versions ? [{ key: 'versions', label: t('editor.tab.versions'), children: props.versions }] : []),
    { key: 'json', label: t('editor.tab.json'), children: <JsonTab /> },
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
