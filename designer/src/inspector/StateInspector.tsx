import type { StateMeta, TaskMeta } from '@estateflow/model';
import { Button, Divider, Form, Input, Select, Switch } from 'antd';
import { useState } from 'react';
import { select } from '../commands/editCommands';
import { renameState, setInitial, setStateKind, updateState } from '../definition/stateEdits';
import { getState, listStates, parentIdOf } from '../definition/stateTree';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import { useLint } from '../lint/LintContext';
import { ActionListEditor } from './ActionListEditor';
import { AssigneeInput } from './AssigneeInput';
import { LocalizedTextInput } from './LocalizedTextInput';
import { SlaDurationInput } from './SlaDurationInput';
import { slaFindings } from './slaCases';
import { useDefinitionEdit } from './useDefinitionEdit';

/** Edits one state: key, kind, names, owner progress text, its user task, entry and exit actions. */
export function StateInspector(props: { stateId: string }) {
  const { t } = useI18n();
  const { state, perform } = useEditor();
  const edit = useDefinitionEdit();
  const { findings } = useLint();
  const { definition } = state;
  const { stateId } = props;
  const config = getState(definition.machine, stateId);
  const entry = listStates(definition.machine).find((candidate) => candidate.id === stateId);
  // Keyed by state id (InspectorPanel): a rename mounts a fresh inspector.
  const [key, setKey] = useState(entry?.key ?? '');
  if (!config || !entry) return null;

  const meta: StateMeta = config.meta ?? {};
  const setMeta = (coalesce: string, patch: Partial<StateMeta>) =>
    edit(`${stateId}.${coalesce}`, (current) => updateState(current, stateId, (node) => ({ ...node, meta: { ...node.meta, ...patch } })));
  const task = meta.task;
  const setTask = (coalesce: string, patch: Partial<TaskMeta>) => task && setMeta(`task.${coalesce}`, { task: { ...task, ...patch } });
  const parameterNames = Object.keys(definition.parameters?.properties ?? {});
  // The lint findings about an SLA input, shown under it.
  const slaProblems = (part: 'sla.respond' | 'sla.complete') => {
    const messages = slaFindings(findings, { stateId, part });
    return messages.length === 0 ? {} : { validateStatus: 'error' as const, help: messages.join('；') };
  };
  const formOptions = Object.keys(definition.forms).map((name) => ({ value: name, label: name }));
  const commitKey = () => {
    if (key === entry.key) return;
    const parent = parentIdOf(stateId);
    const renamed = parent ? `${parent}.${key}` : key;
    edit(`${stateId}.key`, (current) => renameState(current, { id: stateId, key }));
    perform(select({ states: [renamed], transitions: [] }));
  };

  return (
    <Form layout="vertical" size="small" className="inspector-form">
      <Form.Item label={t('inspector.stateKey')}>
        <Input value={key} onChange={(event) => setKey(event.target.value)} onBlur={commitKey} onPressEnter={commitKey} />
      </Form.Item>
      <Form.Item label={t('inspector.stateType')}>
        <Select
          value={entry.kind}
          onChange={(kind: string) => {
            if (kind === 'atomic' || kind === 'compound' || kind === 'parallel' || kind === 'final')
              edit(`${stateId}.kind`, (current) => setStateKind(current, { id: stateId, kind }));
          }}
          options={(['atomic', 'compound', 'parallel', 'final'] as const).map((kind) => ({
            value: kind,
            label: t(`inspector.stateType.${kind}`),
          }))}
        />
      </Form.Item>
      {!entry.isInitial && (
        <Button
          size="small"
          onClick={() => edit(`${stateId}.initial`, (current) => setInitial(current, stateId))}
          style={{ marginBottom: 12 }}
        >
          {t('cmd.setInitial')}
        </Button>
      )}
      <Form.Item label={t('common.name')}>
        <LocalizedTextInput
          value={meta.label}
          labels={[t('common.nameZh'), t('common.nameEn')]}
          onChange={(label) => setMeta('label', { label })}
        />
      </Form.Item>
      <Form.Item label={t('inspector.progress')}>
        <LocalizedTextInput
          value={meta.progress}
          labels={[t('inspector.progress'), t('inspector.progressEn')]}
          onChange={(progress) => setMeta('progress', { progress })}
        />
      </Form.Item>
      {entry.kind !== 'final' && (
        <>
          <Divider titlePlacement="start">{t('inspector.userTask')}</Divider>
          <Form.Item label={t('inspector.hasTask')}>
            <Switch
              checked={task !== undefined}
              onChange={(on) =>
                setMeta('task', { task: on ? { name: meta.label ?? { 'zh-CN': entry.key }, assignee: { role: 'front_desk' } } : undefined })
              }
            />
          </Form.Item>
          {task && (
            <>
              <Form.Item label={t('inspector.taskName')}>
                <LocalizedTextInput
                  value={task.name}
                  labels={[t('common.nameZh'), t('common.nameEn')]}
                  onChange={(name) => setTask('name', { name: name ?? { 'zh-CN': '' } })}
                />
              </Form.Item>
              <Form.Item label={t('inspector.form')}>
                <Select allowClear value={task.form} options={formOptions} onChange={(form?: string) => setTask('form', { form })} />
              </Form.Item>
              <Form.Item label={t('inspector.assignee')}>
                <AssigneeInput value={task.assignee} onChange={(assignee) => setTask('assignee', { assignee })} />
              </Form.Item>
              <Form.Item label={t('inspector.slaRespond')} {...slaProblems('sla.respond')}>
                <SlaDurationInput
                  label={t('inspector.slaRespond')}
                  parameterNames={parameterNames}
                  value={task.sla?.respond}
                  onChange={(respond) => setTask('sla.respond', { sla: { ...task.sla, respond } })}
                />
              </Form.Item>
              <Form.Item label={t('inspector.slaComplete')} {...slaProblems('sla.complete')}>
                <SlaDurationInput
                  label={t('inspector.slaComplete')}
                  parameterNames={parameterNames}
                  value={task.sla?.complete}
                  onChange={(complete) => setTask('sla.complete', { sla: { ...task.sla, complete } })}
                />
              </Form.Item>
            </>
          )}
        </>
      )}
      <Divider titlePlacement="start">{t('inspector.entryActions')}</Divider>
      <ActionListEditor
        scope={`${stateId}.entry`}
        actions={config.entry ?? []}
        onChange={(entryActions) =>
          edit(`${stateId}.entry`, (current) => updateState(current, stateId, (node) => ({ ...node, entry: entryActions })))
        }
      />
      <Divider titlePlacement="start">{t('inspector.exitActions')}</Divider>
      <ActionListEditor
        scope={`${stateId}.exit`}
        actions={config.exit ?? []}
        onChange={(exitActions) =>
          edit(`${stateId}.exit`, (current) => updateState(current, stateId, (node) => ({ ...node, exit: exitActions })))
        }
      />
    </Form>
  );
}
