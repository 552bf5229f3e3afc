import { describe, expect, it } from 'vitest';
import { prefillUnit } from './prefill';

describe('unit prefill', () => {
  it('fills unit-picker fields that are still empty', () => {
    const uiSchema = { unitId: { 'ui:widget': 'unit' }, description: { 'ui:widget': 'textarea' } };
    expect(prefillUnit({ uiSchema, data: { description: 'x' }, unitId: 'u1' })).toEqual({ description: 'x', unitId: 'u1' });
    expect(prefillUnit({ uiSchema, data: { unitId: 'u2' }, unitId: 'u1' })).toEqual({ unitId: 'u2' });
    expect(prefillUnit({ uiSchema, data: {}, unitId: undefined })).toEqual({});
  });
});
