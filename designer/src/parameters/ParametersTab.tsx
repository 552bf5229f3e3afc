import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormJsonSchema } from '@estateflow/model';
import { Button, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { uniqueKey } from '../definition/stateEdits';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import { DurationInput } from '../inspector/DurationInput';
import { useDefinitionEdit } from '../inspector/useDefinitionEdit';
import { renameParameter, setParameter, type ParameterType } from './parameterEdits';

interface ParameterRow {
  name: string;
  schema: FormJsonSchema;
}

function parameterType(schema: FormJsonSchema): ParameterType {
  return schema.type === 'number' || schema.type === 'string' || schema.type === 'boolean' ? schema.type : 'integer';
}

/** Per-estate parameters (name, type, default, description) and the named delays timers use. */
export function ParametersTab() {
  const { t } = useI18n();
  const { definition } = useEditor().state;
  const edit = useDefinitionEdit();
  const rows: ParameterRow[] = Object.entries(definition.parameters?.properties ?? {}).flatMap(([name, schema]) =>
    schema ? [{ name, schema }] : [],
  );
  const parameterNames = rows.map((row) => row.name);
  const put = (row: ParameterRow, patch: Partial<FormJsonSchema>, coalesce: string) =>
    edit(`param.${row.name}.${coalesce}`, (current) => setParameter(current, { name: row.name, schema: { ...row.schema, ...patch } }));
  const delays = Object.entries(definition.delays ?? {});
  return (
    <div className="page-scroll">
      <Typography.Title level={4}>{t('params.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('params.hint')}</Typography.Paragraph>
      <Table<ParameterRow>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('params.name'),
            render: (_, row) => (
              <Input
                defaultValue={row.name}
                aria-label={t('params.name')}
                onBlur={(event) =>
                  edit(`param.${row.name}.rename`, (current) => renameParameter(current, { from: row.name, to: event.target.value }))
                }
              />
            ),
          },
          {
            title: t('common.type'),
            render: (_, row) => (
              <Select<ParameterType>
                aria-label={t('common.type')}
                style={{ width: 110 }}
                value={parameterType(row.schema)}
                onChange={(type) => put(row, { type, default: undefined }, 'type')}
                options={(['integer', 'number', 'string', 'boolean'] as const).map((type) => ({
                  value: type,
                  label: t(`params.type.${type}`),
                }))}
              />
            ),
          },
          {
            title: t('common.default'),
            render: (_, row) => {
              const type = parameterType(row.schema);
              if (type === 'boolean')
                return (
                  <Switch
                    aria-label={t('common.default')}
                    checked={row.schema.default === true}
                    onChange={(value) => put(row, { default: value }, 'default')}
                  />
                );
              if (type === 'string')
                return (
                  <Input
                    aria-label={t('common.default')}
                    value={typeof row.schema.default === 'string' ? row.schema.default : ''}
                    onChange={(event) => put(row, { default: event.target.value }, 'default')}
                  />
                );
              return (
                <InputNumber
                  aria-label={t('common.default')}
                  value={typeof row.schema.default === 'number' ? row.schema.default : null}
                  onChange={(value) => put(row, { default: value ?? undefined }, 'default')}
                />
              );
            },
          },
          {
            title: t('common.description'),
            render: (_, row) => (
              <Input
                aria-label={t('common.description')}
                value={row.schema.title ?? ''}
                onChange={(event) => put(row, { title: event.target.value }, 'title')}
              />
            ),
          },
          {
            title: '',
            render: (_, row) => (
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => edit(`param.${row.name}.delete`, (current) => setParameter(current, { name: row.name, schema: null }))}
              />
            ),
          },
        ]}
      />
      <Button
        style={{ marginTop: 8 }}
        icon={<PlusOutlined />}
        onClick={() =>
          edit('param.add', (current) =>
            setParameter(current, {
              name: uniqueKey(parameterNames, 'param'),
              schema: { type: 'integer', default: 30, minimum: 0, title: '' },
            }),
          )
        }
      >
        {t('params.add')}
      </Button>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('inspector.delay')}
      </Typography.Title>
      <Space orientation="vertical" style={{ width: '100%', maxWidth: 560 }}>
        {delays.map(([name, duration]) => (
          <Space key={name} style={{ width: '100%' }}>
            <Typography.Text code style={{ width: 140, display: 'inline-block' }}>
              {name}
            </Typography.Text>
            <DurationInput
              label={name}
              parameterNames={parameterNames}
              value={duration}
              onChange={(value) =>
                edit(`delay.${name}`, (current) => ({ ...current, delays: { ...current.delays, [name]: value ?? 'PT24H' } }))
              }
            />
          </Space>
        ))}
        <Input.Search
          placeholder="autoConfirm"
          enterButton={t('common.add')}
          aria-label={t('inspector.delay')}
          onSearch={(name) =>
            /^[A-Za-z][A-Za-z0-9_]*$/.test(name) &&
            edit(`delay.${name}.add`, (current) => ({ ...current, delays: { ...current.delays, [name]: 'PT24H' } }))
          }
        />
      </Space>
    </div>
  );
}
