import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { groupToCel, parseCel, type Condition, type ConditionGroup, type ConditionOperator } from './guardConditions';

const OPERATORS: ConditionOperator[] = ['==', '!=', '<', '<=', '>', '>=', 'in', 'isSet'];

function isOperator(value: string): value is ConditionOperator {
  return OPERATORS.some((operator) => operator === value);
}

function valueText(value: Condition['value']): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

function parseValue(text: string, operator: ConditionOperator): Condition['value'] {
  if (operator === 'in')
    return text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  return text;
}

/** A guard as rows of field · operator · value, or as the CEL expression it writes. */
export function GuardBuilder(props: {
  expression: string | undefined;
  fields: { value: string; label: string }[];
  onChange: (expression: string | undefined) => void;
}) {
  const { t } = useI18n();
  const parsed = parseCel(props.expression ?? '');
  const [mode, setMode] = useState<'visual' | 'text'>(parsed ? 'visual' : 'text');
  const group: ConditionGroup = parsed ?? { join: 'all', conditions: [] };
  const write = (next: ConditionGroup) => props.onChange(next.conditions.length ? groupToCel(next) : undefined);
  const update = (index: number, patch: Partial<Condition>) =>
    write({
      ...group,
      conditions: group.conditions.map((condition, position) => (position === index ? { ...condition, ...patch } : condition)),
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={6}>
      <Segmented
        size="small"
        value={mode}
        onChange={(value) => setMode(value === 'text' ? 'text' : 'visual')}
        options={[
          { value: 'visual', label: t('inspector.guardVisual'), disabled: parsed === null },
          { value: 'text', label: t('inspector.guardExpression') },
        ]}
      />
      {mode === 'text' || !parsed ? (
        <Input.TextArea
          aria-label={t('inspector.guardExpression')}
          rows={3}
          style={{ fontFamily: 'monospace' }}
          value={props.expression ?? ''}
          onChange={(event) => props.onChange(event.target.value || undefined)}
        />
      ) : (
        <>
          {group.conditions.length > 1 && (
            <Segmented
              size="small"
              value={group.join}
              onChange={(join) => write({ ...group, join: join === 'any' ? 'any' : 'all' })}
              options={[
                { value: 'all', label: t('inspector.guardAll') },
                { value: 'any', label: t('inspector.guardAny') },
              ]}
            />
          )}
          {group.conditions.map((condition, index) => (
            <Space.Compact key={index} style={{ width: '100%' }}>
              <Select
                aria-label={t('action.field')}
                showSearch
                style={{ flex: 2, minWidth: 0 }}
                value={condition.field}
                options={props.fields}
                onChange={(field: string) => update(index, { field })}
              />
              <Select
                aria-label="operator"
                style={{ width: 70 }}
                value={condition.operator}
                options={OPERATORS.map((operator) => ({ value: operator, label: operator }))}
                onChange={(operator: string) =>
                  isOperator(operator) && update(index, { operator, value: parseValue(valueText(condition.value), operator) })
                }
              />
              {condition.operator !== 'isSet' && (
                <Input
                  aria-label="value"
                  style={{ flex: 1, minWidth: 0 }}
                  value={valueText(condition.value)}
                  onChange={(event) => update(index, { value: parseValue(event.target.value, condition.operator) })}
                />
              )}
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => write({ ...group, conditions: group.conditions.filter((_, position) => position !== index) })}
              />
            </Space.Compact>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() =>
              write({
                ...group,
                conditions: [...group.conditions, { field: props.fields[0]?.value ?? 'data.field', operator: '==', value: '' }],
              })
            }
          >
            {t('inspector.guardAdd')}
          </Button>
          {props.expression && (
            <Typography.Text code className="guard-expression">
              {props.expression}
            </Typography.Text>
          )}
        </>
      )}
    </Space>
  );
}
