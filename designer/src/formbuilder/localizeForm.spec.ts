import { describe, expect, it } from 'vitest';
import { englishText, withEnglishText, withLocaleConvention } from './localizeForm';

describe('form labels in two languages', () => {
  it('writes English labels as ui:locale, the convention of runtime-web and the template packs', () => {
    const ui = withEnglishText({ 'ui:widget': 'phone' }, { name: 'title', text: 'Mobile' });
    expect(ui).toEqual({ 'ui:widget': 'phone', 'ui:locale': { en: { title: 'Mobile' } } });
    expect(englishText(withEnglishText(ui, { name: 'description', text: '11 digits' }), 'description')).toBe('11 digits');
  });

  it('keeps options and item labels a template pack wrote beside the title', () => {
    const ui = { 'ui:locale': { en: { title: 'Category', options: { water: 'Water' } } } };
    expect(withEnglishText(ui, { name: 'title', text: 'Kind' })).toEqual({
      'ui:locale': { en: { title: 'Kind', options: { water: 'Water' } } },
    });
  });

  it('reads the legacy ui:i18n as ui:locale, nested fields too, and rewrites it on edit', () => {
    const legacy = {
      phone: { 'ui:widget': 'phone', 'ui:i18n': { en: { title: 'Mobile' } } },
      workers: { items: { name: { 'ui:i18n': { en: { description: 'Full name' } } } } },
    };
    expect(withLocaleConvention(legacy)).toEqual({
      phone: { 'ui:widget': 'phone', 'ui:locale': { en: { title: 'Mobile' } } },
      workers: { items: { name: { 'ui:locale': { en: { description: 'Full name' } } } } },
    });
    expect(englishText(legacy.phone, 'title')).toBe('Mobile');
    expect(withEnglishText(legacy.phone, { name: 'description', text: '11 digits' })).toEqual({
      'ui:widget': 'phone',
      'ui:locale': { en: { title: 'Mobile', description: '11 digits' } },
    });
  });
});
