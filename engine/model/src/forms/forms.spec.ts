import { describe, expect, it } from 'vitest';
import { repairDefinition } from '../test-support/repair-fixture.js';
import { compileDefinitionForms } from './compile-definition-forms.js';
import { compileFormValidator } from './compile-form-validator.js';
import { checkRegexSafety } from './regex-safety.js';
import { sampleFormData } from './sample-form-data.js';
import { checkSchemaSafety } from './schema-safety.js';

const phoneForm = {
  type: 'object',
  required: ['contactPhone', 'rating'],
  additionalProperties: false,
  properties: {
    contactPhone: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
    rating: { type: 'integer', minimum: 1, maximum: 5 },
    note: { type: 'string', maxLength: 5 },
    urgency: { type: 'string', enum: ['normal', 'urgent'] },
    at: { type: 'string', format: 'date-time' },
  },
};

describe('checkRegexSafety', () => {
  it('accepts the patterns forms need', () => {
    for (const pattern of ['^1[3-9][0-9]{9}$', '^[0-9]{17}[0-9Xx]$', '^(normal|urgent)?$', '^\\d+栋\\d+单元\\d{3,4}$'])
      expect(checkRegexSafety(pattern)).toEqual({ safe: true });
  });

  it('refuses catastrophic, back-referencing, long and invalid patterns', () => {
    expect(checkRegexSafety('^(a+)+$')).toEqual({ safe: false, reason: 'nestedQuantifier' });
    expect(checkRegexSafety('(a|aa)*')).toEqual({ safe: false, reason: 'nestedQuantifier' });
    expect(checkRegexSafety('^(\\d{1,3}\\.?){4,}$')).toEqual({ safe: false, reason: 'nestedQuantifier' });
    expect(checkRegexSafety('(.*a){12}')).toEqual({ safe: false, reason: 'nestedQuantifier' });
    expect(checkRegexSafety('(a)\\1')).toEqual({ safe: false, reason: 'backreference' });
    expect(checkRegexSafety('a'.repeat(501))).toEqual({ safe: false, reason: 'tooLong' });
    expect(checkRegexSafety('(')).toEqual({ safe: false, reason: 'invalid' });
  });
});

describe('checkSchemaSafety', () => {
  it('accepts every form of the repair fixture', () => {
    for (const form of Object.values(repairDefinition().forms)) expect(checkSchemaSafety(form?.schema)).toEqual({ ok: true });
  });

  it('refuses remote, file and $data references', () => {
    const remote = checkSchemaSafety({ type: 'object', properties: { a: { $ref: 'https://evil.example/schema.json' } } });
    expect(remote.ok === false && remote.problems[0]?.path).toBe('/properties/a/$ref');
    expect(checkSchemaSafety({ $ref: 'file:///etc/passwd' }).ok).toBe(false);
    expect(checkSchemaSafety({ properties: { a: { maximum: { $data: '1/b' } } } }).ok).toBe(false);
    expect(checkSchemaSafety({ $id: 'http://evil.example/', type: 'object' }).ok).toBe(false);
    expect(checkSchemaSafety({ definitions: { a: { type: 'string' } }, properties: { b: { $ref: '#/definitions/a' } } })).toEqual({
      ok: true,
    });
  });

  it('refuses huge and deep schemas', () => {
    const properties = Object.fromEntries(Array.from({ length: 6000 }, (_unused, index) => [`f${index}`, { type: 'string' }]));
    expect(checkSchemaSafety({ type: 'object', properties }).ok).toBe(false);
    let deep: Record<string, unknown> = { type: 'string' };
    for (let depth = 0; depth < 100; depth += 1) deep = { type: 'object', properties: { x: deep } };
    expect(checkSchemaSafety(deep).ok).toBe(false);
  });

  it('refuses catastrophic patterns, also as patternProperties names', () => {
    expect(checkSchemaSafety({ type: 'string', pattern: '^(a+)+$' }).ok).toBe(false);
    expect(checkSchemaSafety({ type: 'object', patternProperties: { '^(a|aa)*$': { type: 'string' } } }).ok).toBe(false);
  });

  it('refuses prototype names, but a property called "type" or "pattern" is fine', () => {
    expect(checkSchemaSafety(JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}')).ok).toBe(false);
    expect(checkSchemaSafety({ type: 'object', properties: { type: { type: 'string' }, pattern: { type: 'string' } } })).toEqual({
      ok: true,
    });
  });
});

describe('compileFormValidator', () => {
  it('gives per-field errors in zh-CN and en', () => {
    const compiled = compileFormValidator(phoneForm);
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    const validate = compiled.validate;
    expect(validate({ contactPhone: '13812345678', rating: 5 })).toEqual({ ok: true });
    expect(validate({ rating: 5 })).toEqual({
      ok: false,
      errors: [{ path: '/contactPhone', message: { 'zh-CN': '此项为必填', en: 'is required' } }],
    });
    expect(validate({ contactPhone: '12345', rating: 5 })).toEqual({
      ok: false,
      errors: [{ path: '/contactPhone', message: { 'zh-CN': '格式不正确', en: 'has the wrong format' } }],
    });
    expect(validate({ contactPhone: '13812345678', rating: 9 })).toEqual({
      ok: false,
      errors: [{ path: '/rating', message: { 'zh-CN': '不能大于 5', en: 'must be at most 5' } }],
    });
    expect(validate({ contactPhone: '13812345678', rating: 0 })).toMatchObject({
      errors: [{ path: '/rating', message: { en: 'must be at least 1' } }],
    });
    expect(validate({ contactPhone: '13812345678', rating: 'five' })).toMatchObject({
      errors: [{ path: '/rating', message: { 'zh-CN': '应为整数' } }],
    });
    expect(validate({ contactPhone: '13812345678', rating: 1, note: '太长太长太长' })).toMatchObject({
      errors: [{ path: '/note', message: { en: 'must be at most 5 characters' } }],
    });
    expect(validate({ contactPhone: '13812345678', rating: 1, urgency: 'later' })).toMatchObject({
      errors: [{ path: '/urgency', message: { en: 'is not one of the allowed values' } }],
    });
    expect(validate({ contactPhone: '13812345678', rating: 1, at: 'tomorrow' })).toMatchObject({
      errors: [{ path: '/at', message: { en: 'must be a date and time' } }],
    });
    expect(validate({ contactPhone: '13812345678', rating: 1, extra: 1 })).toMatchObject({
      errors: [{ path: '/extra', message: { en: 'is not an allowed field' } }],
    });
  });

  it('gives a select of labelled options (a oneOf of consts) one message, not one per option', () => {
    const compiled = compileFormValidator({
      type: 'object',
      properties: {
        category: {
          type: 'string',
          oneOf: [
            { const: 'plumbing', title: '水电' },
            { const: 'doors', title: '门窗' },
            { const: 'walls', title: '墙面' },
          ],
        },
        contact: {
          anyOf: [
            { type: 'string', pattern: '^1\\d{10}$' },
            { type: 'string', format: 'email' },
          ],
        },
        size: {
          oneOf: [
            { type: 'integer', minimum: 1 },
            { type: 'integer', maximum: 10 },
          ],
        },
      },
    });
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(compiled.validate({ category: 'doors', contact: '13812345678', size: 20 })).toEqual({ ok: true });
    expect(compiled.validate({ category: 'roof' })).toEqual({
      ok: false,
      errors: [{ path: '/category', message: { 'zh-CN': '不在可选项之内', en: 'is not one of the allowed options' } }],
    });
    expect(compiled.validate({ contact: 'somewhere' })).toEqual({
      ok: false,
      errors: [{ path: '/contact', message: { 'zh-CN': '不在可选项之内', en: 'is not one of the allowed options' } }],
    });
    expect(compiled.validate({ size: 5 })).toEqual({
      ok: false,
      errors: [{ path: '/size', message: { 'zh-CN': '同时符合多个选项', en: 'matches more than one of the options' } }],
    });
  });

  it('refuses unsafe schemas and schemas AJV cannot compile', () => {
    expect(compileFormValidator({ type: 'string', pattern: '(a+)+' }).ok).toBe(false);
    const typo = compileFormValidator({ type: 'object', properties: { a: { type: 'strng' } } });
    expect(typo.ok).toBe(false);
    expect(compileFormValidator({ type: 'object', requird: ['a'] }).ok).toBe(false);
  });

  it('compiles a definition version once into a map of validators', () => {
    const forms = compileDefinitionForms(repairDefinition());
    expect(forms.problems).toEqual([]);
    expect([...forms.forms.keys()]).toContain('report');
    expect(forms.forms.get('rating')?.({ rating: 4 })).toEqual({ ok: true });
    expect(forms.parameters?.({ lowRatingThreshold: 9 })).toMatchObject({ ok: false });
  });
});

describe('sampleFormData', () => {
  it('makes minimal data every fixture form accepts', () => {
    const definition = repairDefinition();
    const forms = compileDefinitionForms(definition);
    for (const [name, form] of Object.entries(definition.forms)) {
      if (form === undefined) continue;
      expect({ name, verdict: forms.forms.get(name)?.(sampleFormData(form.schema)) }).toEqual({ name, verdict: { ok: true } });
      expect({ name, verdict: forms.forms.get(name)?.(sampleFormData(form.schema, { fill: 'all' })) }).toEqual({
        name,
        verdict: { ok: true },
      });
    }
  });
});
