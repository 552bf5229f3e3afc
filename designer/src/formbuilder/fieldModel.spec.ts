import type { FormDefinition } from '@estateflow/model';
import { describe, expect, it } from 'vitest';
import { addField, listFields, moveField, removeField, renameField, setRequired, setVisibility, updateField } from './fieldModel';

const empty = (): FormDefinition => ({ schema: { type: 'object', properties: {} }, uiSchema: {} });

describe('the form builder', () => {
  it('adds palette fields with their widget, in order, with unique keys', () => {
    let form = empty();
    form = addField(form, { containerPath: [], kindId: 'phone' }).form;
    form = addField(form, { containerPath: [], kindId: 'text' }).form;
    form = addField(form, { containerPath: [], kindId: 'text' }).form;
    expect(listFields(form).map((field) => [field.key, field.kind?.id])).toEqual([
      ['phone', 'phone'],
      ['text', 'text'],
      ['text_2', 'text'],
    ]);
    expect(form.uiSchema?.phone).toEqual({ 'ui:widget': 'phone' });
  });

  it('builds a repeating group of workers with fields inside it', () => {
    let form = addField(empty(), { containerPath: [], kindId: 'group' }).form;
    form = addField(form, { containerPath: ['items'], kindId: 'text' }).form;
    form = addField(form, { containerPath: ['items'], kindId: 'idNumber' }).form;
    form = renameField(form, { path: ['items'], key: 'workers' }).form;
    form = setRequired(form, { path: ['workers', 'idNumber'], required: true });
    const [workers] = listFields(form);
    expect(workers?.children?.map((field) => [field.key, field.required])).toEqual([
      ['text', false],
      ['idNumber', true],
    ]);
    expect(form.schema.properties?.workers?.items).toMatchObject({ type: 'object', required: ['idNumber'] });
    expect(form.uiSchema?.workers).toMatchObject({ items: { idNumber: { 'ui:widget': 'idNumber' } } });
  });

  it('reorders fields by dragging (ui:order)', () => {
    let form = empty();
    for (const kindId of ['text', 'number', 'date']) form = addField(form, { containerPath: [], kindId }).form;
    form = moveField(form, { path: ['date'], toIndex: 0 });
    expect(listFields(form).map((field) => field.key)).toEqual(['date', 'text', 'number']);
  });

  it('shows a field only when another has a value, with JSON Schema if/then, and back', () => {
    let form = empty();
    form = addField(form, { containerPath: [], kindId: 'select' }).form;
    form = addField(form, { containerPath: [], kindId: 'textarea' }).form;
    form = setRequired(form, { path: ['description'], required: true });
    form = setVisibility(form, { path: ['description'], when: { field: 'category', equals: 'b' } });
    expect(form.schema.allOf).toEqual([
      {
        if: { properties: { category: { const: 'b' } }, required: ['category'] },
        then: { properties: { description: expect.objectContaining({ type: 'string' }) }, required: ['description'] },
      },
    ]);
    expect(listFields(form).map((field) => [field.key, field.visibleWhen, field.required])).toEqual([
      ['category', null, false],
      ['description', { field: 'category', equals: 'b' }, true],
    ]);
    form = updateField(form, { path: ['description'], schema: (schema) => ({ ...schema, title: '说明' }) });
    form = setVisibility(form, { path: ['description'], when: null });
    expect(form.schema.allOf).toBeUndefined();
    expect(form.schema.properties?.description?.title).toBe('说明');
    expect(form.schema.required).toEqual(['description']);
  });

  it('removes a field with its uiSchema and requiredness', () => {
    let form = addField(empty(), { containerPath: [], kindId: 'phone' }).form;
    form = setRequired(form, { path: ['phone'], required: true });
    form = removeField(form, ['phone']);
    expect(form.schema).toEqual({ type: 'object', properties: {} });
    expect(form.uiSchema).toEqual({ 'ui:order': [] });
  });
});
