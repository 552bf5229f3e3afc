import type { TransitionMeta } from '@estateflow/model';
import { Divider, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { select } from '../commands/editCommands';
import { listStates, parseTransitionId, resolveTarget } from '../definition/stateTree';
import { getTransition, retargetTransition, setTransitionTrigger, updateTransition } from '../definition/transitionEdits';
import type { TransitionKind } from '../definition/types';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import { pickText } from '../i18n/translate';
import { ActionListEditor } from './ActionListEditor';
import { roleOptions } from './AssigneeInput';
import { GuardBuilder } from './GuardBuilder';
import { guardFields } from './guardFields';
import { LocalizedTextInput } from './LocalizedTextInput';
import { useDefinitionEdit } from './useDefinitionEdit';

function isKind(value: string): value is TransitionKind {
  return value === 'on' || value === 'after' || value === 'always' || value === 'onDone';
}

/** Edits one transition: trigger, target, label, form, roles, guard and actions. */
export function TransitionInspector(props: { transitionId: string }) {
  const { t, locale } = useI18n();
  const { state, perform } = useEditor();
  const edit = useDefinitionEdit();
  const { definition } = state;
  const { transitionId } = props;
  const address = parseTransitionId(transitionId);
  const config = getTransition(definition, transitionId);
  // Keyed by transition id (InspectorPanel): a new trigger mounts a fresh inspector.
  const [key, setKey] = useState(address?.key ?? '');
  if (!address || !config) return null;

  const meta: TransitionMeta = config.meta ?? {};
  const setMeta = (coalesce: string, patch: Partial<TransitionMeta>) =>
    edit(`${transitionId}.${coalesce}`, (current) =>
      updateTransition(current, transitionId, (transition) => ({ ...transition, meta: { ...transition.meta, ...patch } })),
    );
  const changeTrigger = (kind: TransitionKind, nextKey: string) => {
    const input = { id: transitionId, kind, key: nextKey };
    edit(`${transitionId}.trigger`, (current) => setTransitionTrigger(current, input).definition);
    perform(select({ states: [], transitions: [setTransitionTrigger(definition, input).id] }));
  };
  const states = listStates(definition.machine);
  const expression = config.guard?.type === 'expr' && typeof config.guard.params?.expr === 'string' ? config.guard.params.expr : undefined;
  const delayOptions = Object.keys(definition.delays ?? {}).map((name) => ({ value: name, label: name }));

  return (
    <Form layout="vertical" size="small" className="inspector-form">
      <Typography.Text type="secondary">{`${address.sourceId} → ${config.target ?? '∅'}`}</Typography.Text>
      <Form.Item label={t('inspector.eventKind')}>
        <Select
          value={address.kind}
          onChange={(kind: string) =>
            isKind(kind) && changeTrigger(kind, kind === 'on' ? 'NEXT' : kind === 'after' ? (delayOptions[0]?.value ?? 'PT24H') : '')
          }
          options={[
            ...(['on', 'after', 'always'] as const).map((kind): { value: string; label: string } => ({
              value: kind,
              label: t(`inspector.eventKind.${kind}`),
            })),
            { value: 'onDone', label: 'onDone' },
          ]}
        />
      </Form.Item>
      {address.kind === 'on' && (
        <Form.Item label={t('inspector.eventType')}>
          <Input
            value={key}
            onChange={(event) => setKey(event.target.value.toUpperCase())}
            onBlur={() => key !== address.key && /^[A-Z][A-Z0-9_]*$/.test(key) && changeTrigger('on', key)}
            onPressEnter={() => key !== address.key && changeTrigger('on', key)}
          />
        </Form.Item>
      )}
      {address.kind === 'after' && (
        <Form.Item label={t('inspector.delay')}>
          <Select showSearch value={address.key} options={delayOptions} onChange={(delay: string) => changeTrigger('after', delay)} />
        </Form.Item>
      )}
      <Form.Item label={t('inspector.target')}>
        <Select
          showSearch
          value={
            config.target === undefined
              ? undefined
              : (resolveTarget({ machine: definition.machine, sourceId: address.sourceId, target: config.target, states }) ?? undefined)
          }
          options={states.map((entry) => ({
            value: entry.id,
            label: `${pickText(entry.config.meta?.label, locale) || entry.key} · ${entry.id}`,
          }))}
          onChange={(targetId: string) =>
            edit(`${transitionId}.target`, (current) => retargetTransition(current, { id: transitionId, targetId }))
          }
        />
      </Form.Item>
      <Form.Item label={t('common.name')}>
        <LocalizedTextInput
          value={meta.label}
          labels={[t('inspector.label'), t('inspector.labelEn')]}
          onChange={(label) => setMeta('label', { label })}
        />
      </Form.Item>
      <Form.Item label={t('inspector.form')}>
        <Select
          allowClear
          value={meta.form}
          options={Object.keys(definition.forms).map((name) => ({ value: name, label: name }))}
          onChange={(form?: string) => setMeta('form', { form })}
        />
      </Form.Item>
      <Form.Item label={t('inspector.roles')}>
        <Select
          mode="multiple"
          value={meta.roles ?? []}
          options={roleOptions}
          onChange={(roles: string[]) => setMeta('roles', { roles: roles.length ? roles : undefined })}
        />
      </Form.Item>
      <Divider titlePlacement="start">{t('inspector.guard')}</Divider>
      <GuardBuilder
        expression={expression}
        fields={guardFields(definition, meta.form)}
        onChange={(expr) =>
          edit(`${transitionId}.guard`, (current) =>
            updateTransition(current, transitionId, (transition) => {
              const next = { ...transition };
              if (expr === undefined) delete next.guard;
              else next.guard = { type: 'expr', params: { expr } };
              return next;
            }),
          )
        }
      />
      <Divider titlePlacement="start">{t('inspector.actions')}</Divider>
      <ActionListEditor
        scope={`${transitionId}.actions`}
        actions={config.actions ?? []}
        onChange={(actions) =>
          edit(`${transitionId}.actions`, (current) =>
            updateTransition(current, transitionId, (transition) => ({ ...transition, actions })),
          )
        }
      />
    </Form>
  );
}
