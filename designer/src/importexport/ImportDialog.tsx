import { Alert, App, Input, List, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { designerApi } from '../api/designerApi';
import type { Definition } from '../definition/types';
import { useI18n } from '../i18n/I18nContext';
import { definitionsInPack } from './definitionsInPack';
import { JsonFileInput } from './JsonFileInput';
import { importXStateMachine, type ImportProblem } from './xstateImport';

type Checked = { definition: Definition; unmapped: ImportProblem[] } | { refused: ImportProblem[]; unmapped: ImportProblem[] } | null;

/** Import a definition JSON or an XState machine: checked first, saved whole or not at all. */
export function ImportDialog(props: { open: boolean; onClose: () => void; onImported: (id: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [format, setFormat] = useState<'definition' | 'xstate'>('definition');
  const [checked, setChecked] = useState<Checked>(null);
  const [key, setKey] = useState('');
  const check = (json: unknown) => {
    if (format === 'xstate') {
      const result = importXStateMachine(json);
      setChecked(
        result.ok ? { definition: result.definition, unmapped: result.unmapped } : { refused: result.refused, unmapped: result.unmapped },
      );
      if (result.ok) setKey(result.definition.key);
      return;
    }
    const [definition] = definitionsInPack(json);
    setChecked(
      definition
        ? { definition, unmapped: [] }
        : { refused: [{ path: '', reason: t('import.invalid', { message: 'schema' }) }], unmapped: [] },
    );
    if (definition) setKey(definition.key);
  };
  const ready = checked !== null && 'definition' in checked;
  const save = async () => {
    if (!checked || !('definition' in checked)) return;
    const definition: Definition = { ...checked.definition, key, machine: checked.definition.machine };
    try {
      const created = await designerApi.createDefinition({ key, name: definition.name['zh-CN'], definition });
      props.onImported(created.id);
    } catch (error) {
      message.error(t('common.error', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('import.title')}
      onCancel={props.onClose}
      onOk={() => void save()}
      okButtonProps={{ disabled: !ready || !/^[a-z][a-z0-9_]*$/.test(key) }}
      okText={t('import.confirm')}
      destroyOnHidden
      width={640}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group
          value={format}
          onChange={(event) => (setFormat(event.target.value === 'xstate' ? 'xstate' : 'definition'), setChecked(null))}
        >
          <Radio.Button value="definition">{t('import.json')}</Radio.Button>
          <Radio.Button value="xstate">{t('import.xstate')}</Radio.Button>
        </Radio.Group>
        <JsonFileInput onJson={check} />
        {checked && 'refused' in checked && (
          <Alert
            type="error"
            showIcon
            title={t('import.refused')}
            description={
              <List
                size="small"
                dataSource={checked.refused}
                renderItem={(problem) => (
                  <List.Item>
                    <code>{problem.path || '/'}</code> {problem.reason}
                  </List.Item>
                )}
              />
            }
          />
        )}
        {checked && 'definition' in checked && (
          <>
            <Alert type="success" showIcon title={t('import.ok', { count: Object.keys(checked.definition.machine.states).length })} />
            <Input addonBefore={t('common.key')} value={key} onChange={(event) => setKey(event.target.value)} />
          </>
        )}
        {checked && checked.unmapped.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('import.unmapped')}
            description={
              <List
                size="small"
                dataSource={checked.unmapped}
                renderItem={(problem) => (
                  <List.Item>
                    <code>{problem.path}</code> {problem.reason}
                  </List.Item>
                )}
              />
            }
          />
        )}
      </Space>
    </Modal>
  );
}
