import type { FormJsonSchema } from '@estateflow/model';
import type { MessageKey } from '../i18n/messages-zh-CN';

/** A palette entry: the JSON Schema and uiSchema a new field of this kind starts with. */
export interface FieldKind {
  id: string;
  label: MessageKey;
  key: string;
  schema: FormJsonSchema;
  ui?: Record<string, unknown>;
  /** Sections and repeating groups hold fields of their own. */
  container?: boolean;
}

const choices = [
  { const: 'a', title: '选项 A' },
  { const: 'b', title: '选项 B' },
];

// `ui:widget` names are the shared form set's (runtime-web/src/forms/widgets/index.ts).
export const FIELD_KINDS: FieldKind[] = [
  { id: 'text', label: 'field.text', key: 'text', schema: { type: 'string', title: '文本', maxLength: 200 } },
  {
    id: 'textarea',
    label: 'field.textarea',
    key: 'description',
    schema: { type: 'string', title: '描述', maxLength: 2000 },
    ui: { 'ui:widget': 'textarea' },
  },
  { id: 'number', label: 'field.number', key: 'number', schema: { type: 'number', title: '数字' } },
  { id: 'select', label: 'field.select', key: 'category', schema: { type: 'string', title: '类别', oneOf: choices } },
  {
    id: 'radio',
    label: 'field.radio',
    key: 'choice',
    schema: { type: 'string', title: '选择', oneOf: choices },
    ui: { 'ui:widget': 'radio' },
  },
  {
    id: 'checkboxes',
    label: 'field.checkboxes',
    key: 'options',
    schema: { type: 'array', title: '多选', uniqueItems: true, items: { type: 'string', enum: ['a', 'b'] } },
    ui: { 'ui:widget': 'checkboxes' },
  },
  { id: 'boolean', label: 'field.boolean', key: 'flag', schema: { type: 'boolean', title: '是否' } },
  { id: 'date', label: 'field.date', key: 'date', schema: { type: 'string', format: 'date', title: '日期' } },
  { id: 'datetime', label: 'field.datetime', key: 'time', schema: { type: 'string', format: 'date-time', title: '时间' } },
  { id: 'unit', label: 'field.unit', key: 'unitId', schema: { type: 'string', title: '房号' }, ui: { 'ui:widget': 'unit' } },
  { id: 'phone', label: 'field.phone', key: 'phone', schema: { type: 'string', title: '手机号' }, ui: { 'ui:widget': 'phone' } },
  {
    id: 'idNumber',
    label: 'field.idNumber',
    key: 'idNumber',
    schema: { type: 'string', title: '身份证号' },
    ui: { 'ui:widget': 'idNumber' },
  },
  {
    id: 'money',
    label: 'field.money',
    key: 'amount',
    schema: { type: 'integer', title: '金额', minimum: 0 },
    ui: { 'ui:widget': 'money' },
  },
  {
    id: 'dateRange',
    label: 'field.dateRange',
    key: 'period',
    schema: { type: 'array', title: '起止日期', items: { type: 'string', format: 'date' }, minItems: 2, maxItems: 2 },
    ui: { 'ui:widget': 'dateRange' },
  },
  {
    id: 'timeRange',
    label: 'field.timeRange',
    key: 'timeSlot',
    schema: { type: 'array', title: '时间段', items: { type: 'string', format: 'date-time' }, minItems: 2, maxItems: 2 },
    ui: { 'ui:widget': 'dateTimeRange' },
  },
  {
    id: 'photos',
    label: 'field.photos',
    key: 'photos',
    schema: { type: 'array', title: '照片', items: { type: 'string' }, maxItems: 9 },
    ui: { 'ui:widget': 'photos', 'ui:options': { maxFiles: 9, maxSizeMB: 10 } },
  },
  {
    id: 'files',
    label: 'field.files',
    key: 'files',
    schema: { type: 'array', title: '附件', items: { type: 'string' }, maxItems: 5 },
    ui: { 'ui:widget': 'upload', 'ui:options': { maxFiles: 5, maxSizeMB: 20 } },
  },
  {
    id: 'confirmation',
    label: 'field.confirmation',
    key: 'agreed',
    schema: { type: 'boolean', title: '我已阅读并同意' },
    ui: { 'ui:widget': 'confirm' },
  },
  {
    id: 'staff',
    label: 'field.staff',
    key: 'technicianId',
    schema: { type: 'string', title: '处理人' },
    ui: { 'ui:widget': 'staff', 'ui:options': { role: 'technician' } },
  },
  {
    id: 'rating',
    label: 'field.rating',
    key: 'rating',
    schema: { type: 'integer', title: '评分', minimum: 1, maximum: 5 },
    ui: { 'ui:widget': 'rating' },
  },
  {
    id: 'qrCode',
    label: 'field.qrCode',
    key: 'checkpointCode',
    schema: { type: 'string', title: '二维码', pattern: '^[A-Z0-9-]{2,32}$' },
    ui: { 'ui:widget': 'qrCode' },
  },
  { id: 'section', label: 'field.section', key: 'section', schema: { type: 'object', title: '分组', properties: {} }, container: true },
  {
    id: 'group',
    label: 'field.group',
    key: 'items',
    schema: { type: 'array', title: '列表', items: { type: 'object', properties: {} } },
    container: true,
  },
];

export function fieldKindOf(schema: FormJsonSchema, ui: Record<string, unknown> | undefined): FieldKind | undefined {
  const widget = ui?.['ui:widget'];
  if (typeof widget === 'string') {
    const byWidget = FIELD_KINDS.find((kind) => kind.ui?.['ui:widget'] === widget);
    if (byWidget) return byWidget;
  }
  if (schema.type === 'object') return FIELD_KINDS.find((kind) => kind.id === 'section');
  if (schema.type === 'array' && !Array.isArray(schema.items) && schema.items?.type === 'object')
    return FIELD_KINDS.find((kind) => kind.id === 'group');
  if (schema.oneOf || schema.enum) return FIELD_KINDS.find((kind) => kind.id === 'select');
  if (schema.format === 'date') return FIELD_KINDS.find((kind) => kind.id === 'date');
  if (schema.format === 'date-time') return FIELD_KINDS.find((kind) => kind.id === 'datetime');
  if (schema.type === 'boolean') return FIELD_KINDS.find((kind) => kind.id === 'boolean');
  if (schema.type === 'number' || schema.type === 'integer') return FIELD_KINDS.find((kind) => kind.id === 'number');
  return FIELD_KINDS.find((kind) => kind.id === 'text');
}
