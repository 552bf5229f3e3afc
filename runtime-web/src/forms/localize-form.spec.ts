import { describe, expect, it } from 'vitest';
import { localizeForm } from './localize-form';

const schema = {
  type: 'object',
  properties: {
    category: {
      type: 'string',
      title: '报修类别',
      oneOf: [
        { const: 'lift', title: '电梯' },
        { const: 'other', title: '其他' },
      ],
    },
    urgency: { type: 'string', title: '紧急程度', enum: ['normal', 'urgent'] },
    items: { type: 'array', items: { type: 'object', properties: { name: { type: 'string', title: '项目' } } } },
  },
};
const uiSchema = {
  category: { 'ui:locale': { en: { title: 'Category', options: { lift: 'Lift', other: 'Other' } } } },
  urgency: { 'ui:widget': 'radio', 'ui:locale': { en: { title: 'Urgency', description: 'How soon', options: { normal: 'Normal' } } } },
  items: { 'ui:locale': { en: { title: 'Items', items: { name: 'Item' } } } },
  'ui:locale': { en: { submitText: 'Submit' } },
};

describe('per-locale form texts (ui:locale)', () => {
  it('applies the English texts and option labels', () => {
    const localized = localizeForm({ schema, uiSchema, locale: 'en' });
    expect(localized.uiSchema).toEqual({
      category: { 'ui:title': 'Category' },
      urgency: { 'ui:widget': 'radio', 'ui:title': 'Urgency', 'ui:description': 'How soon', 'ui:enumNames': ['Normal', 'urgent'] },
      items: { 'ui:title': 'Items', items: { name: { 'ui:title': 'Item' } } },
      'ui:submitButtonOptions': { submitText: 'Submit' },
    });
    expect(localized.schema.properties.category.oneOf.map((option) => option.title)).toEqual(['Lift', 'Other']);
    expect(schema.properties.category.oneOf[0]?.title).toBe('电梯');
  });

  it('keeps the schema (zh-CN) texts when the locale has no entry, dropping ui:locale', () => {
    const localized = localizeForm({ schema, uiSchema, locale: 'zh-CN' });
    expect(localized.uiSchema.category).toEqual({});
    expect(localized.schema.properties.category.oneOf[0]?.title).toBe('电梯');
  });
});
