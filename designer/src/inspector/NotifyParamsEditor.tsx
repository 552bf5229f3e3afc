import { Input, Select, Space, Typography } from 'antd';
import { useEditor } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import { isRecord } from '../util/isRecord';
import { renderTemplatePreview } from './renderTemplatePreview';
import { useDefinitionEdit } from './useDefinitionEdit';

const SAMPLE = {
  instance: { reference: 'BX-20261121-0007', title: '3栋2单元1201 漏水', stateLabel: '已派单' },
  data: { unit: '3栋2单元1201', description: '卫生间漏水', technicianName: '张师傅' },
  params: { respondMinutes: 30 },
  requester: { name: '李女士' },
};

const RECIPIENTS = [
  { value: 'requester', label: 'requester' },
  { value: 'assignee', label: 'assignee' },
  { value: 'role:front_desk', label: 'role: front_desk' },
  { value: 'role:technician', label: 'role: technician' },
  { value: 'role:engineering_supervisor', label: 'role: engineering_supervisor' },
  { value: 'role:estate_manager', label: 'role: estate_manager' },
];

function recipientKey(recipient: unknown): string {
  if (!isRecord(recipient)) return '';
  if (recipient.requester === true) return 'requester';
  if (recipient.assignee === true) return 'assignee';
  return typeof recipient.role === 'string' ? `role:${recipient.role}` : '';
}

function recipientOf(key: string): Record<string, unknown> {
  if (key === 'requester') return { requester: true };
  if (key === 'assignee') return { assignee: true };
  return { role: key.replace(/^role:/, '') };
}

/** Notify: pick or create a template, edit it per locale, see it rendered with sample data. */
export function NotifyParamsEditor(props: { params: Record<string, unknown>; onChange: (params: Record<string, unknown>) => void }) {
  const { t, locale } = useI18n();
  const { state } = useEditor();
  const edit = useDefinitionEdit();
  const templates = state.definition.notifications ?? {};
  const name = typeof props.params.template === 'string' ? props.params.template : '';
  const template = templates[name];
  const text = template?.[locale] ?? template?.['zh-CN'];
  const to = Array.isArray(props.params.to) ? props.params.to.map(recipientKey).filter(Boolean) : [];
  const setText = (patch: { title?: string; body?: string }) =>
    edit(`notification.${name}.${locale}`, (definition) => {
      const current = definition.notifications?.[name] ?? { 'zh-CN': { title: '', body: '' } };
      const localized = { ...(current[locale] ?? { title: '', body: '' }), ...patch };
      return { ...definition, notifications: { ...definition.notifications, [name]: { ...current, [locale]: localized } } };
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4}>
      <Select
        aria-label={t('action.template')}
        showSearch
        value={name || undefined}
        placeholder={t('action.template')}
        options={Object.keys(templates).map((key) => ({ value: key, label: key }))}
        onChange={(template: string) => props.onChange({ ...props.params, template })}
        popupRender={(menu) => (
          <>
            {menu}
            <Input.Search
              size="small"
              enterButton={t('action.newTemplate')}
              placeholder="dispatched"
              onSearch={(key) => {
                if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) return;
                edit(`notification.${key}.create`, (definition) => ({
                  ...definition,
                  notifications: {
                    ...definition.notifications,
                    [key]: definition.notifications?.[key] ?? {
                      'zh-CN': { title: key, body: '{{instance.reference}}' },
                      en: { title: key, body: '{{instance.reference}}' },
                    },
                  },
                }));
                props.onChange({ ...props.params, template: key });
              }}
            />
          </>
        )}
      />
      <Select
        mode="multiple"
        aria-label={t('action.to')}
        placeholder={t('action.to')}
        value={to}
        options={RECIPIENTS}
        onChange={(keys: string[]) => props.onChange({ ...props.params, to: keys.map(recipientOf) })}
      />
      {template && (
        <>
          <Input
            aria-label={t('action.templateTitle')}
            value={text?.title ?? ''}
            onChange={(event) => setText({ title: event.target.value })}
          />
          <Input.TextArea
            aria-label={t('action.templateBody')}
            rows={2}
            value={text?.body ?? ''}
            onChange={(event) => setText({ body: event.target.value })}
          />
          <div className="notify-preview" aria-label={t('action.preview')}>
            <Typography.Text type="secondary">{t('action.preview')}</Typography.Text>
            <div>
              <strong>{renderTemplatePreview(text?.title ?? '', SAMPLE)}</strong>
            </div>
            <div>{renderTemplatePreview(text?.body ?? '', SAMPLE)}</div>
          </div>
        </>
      )}
    </Space>
  );
}
