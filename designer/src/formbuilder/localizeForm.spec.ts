import { describe, expect, it } from 'vitest';
import { localizeUiSchema, withEnglishText } from './localizeForm';

describe('form labels in two languages', () => {
  it('turns the English labels into RJSF title overrides, nested fields too', () => {
    const ui = {
      phone: withEnglishText({ 'ui:widget': 'phone' }, { name: 'title', text: 'Mobile' }),
      workers: { items: { name: withEnglishText({}, { name: 'description', text: 'Full name' }) } },
    };
    expect(localizeUiSchema(ui, 'en')).toEqual({
      phone: { 'ui:widget': 'phone', 'ui:title': 'Mobile' },
      workers: { items: { name: { 'ui:description': 'Full name' } } },
    });
    expect(localizeUiSchema(ui, 'zh-CN')).toEqual({ phone: { 'ui:widget': 'phone' }, workers: { items: { name: {} } } });
  });
});
