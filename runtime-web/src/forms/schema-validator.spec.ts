import { describe, expect, it } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import { localizeValidationErrors } from './localize-errors';
import { schemaValidator } from './schema-validator';

const repairForm: RJSFSchema = {
  type: 'object',
  required: ['category', 'description'],
  properties: {
    category: { type: 'string', enum: ['plumbing', 'electric', 'other'] },
    description: { type: 'string', minLength: 5, maxLength: 500 },
    contact: { type: 'object', properties: { phone: { type: 'string', pattern: '^1[3-9]\\d{9}$' } } },
    visit: { type: 'string', format: 'date' },
    photos: { type: 'array', maxItems: 2, items: { type: 'string' } },
  },
};

describe('the eval-free form validator', () => {
  it('reports each failing field once, where RJSF puts it', () => {
    const result = schemaValidator.validateFormData(
      { category: 'roof', description: 'bad', contact: { phone: '123' }, visit: 'tomorrow', photos: ['a', 'b', 'c'] },
      repairForm,
    );
    expect(result.errors.map((error) => [error.property, error.name])).toEqual(
      expect.arrayContaining([
        ['.category', 'enum'],
        ['.description', 'minLength'],
        ['.contact.phone', 'pattern'],
        ['.visit', 'format'],
        ['.photos', 'maxItems'],
      ]),
    );
    expect(result.errors).toHaveLength(5);
    expect(result.errorSchema).toMatchObject({ description: { __errors: [expect.any(String)] } });
  });

  it('puts a missing required field on that field, with localizable params', () => {
    const result = schemaValidator.validateFormData({ category: 'other' }, repairForm, undefined, (errors) =>
      localizeValidationErrors(errors, 'zh-CN'),
    );
    expect(result.errors.map((error) => [error.property, error.message])).toEqual([['.description', '必填']]);
    const tooShort = schemaValidator.validateFormData({ category: 'other', description: 'abc' }, repairForm, undefined, (errors) =>
      localizeValidationErrors(errors, 'zh-CN'),
    );
    expect(tooShort.errors[0]?.message).toBe('至少 5 个字符');
  });

  it('answers isValid for oneOf matching, resolving refs against the root schema', () => {
    const root: RJSFSchema = { definitions: { code: { type: 'string', minLength: 2 } }, type: 'object', properties: {} };
    expect(schemaValidator.isValid({ $ref: '#/definitions/code' }, 'ab', root)).toBe(true);
    expect(schemaValidator.isValid({ $ref: '#/definitions/code' }, 'a', root)).toBe(false);
    expect(schemaValidator.validateFormData({ category: 'other', description: 'leaking pipe' }, repairForm).errors).toEqual([]);
  });
});
