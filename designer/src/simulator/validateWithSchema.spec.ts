import { describe, expect, it } from 'vitest';
import { validateWithSchema } from './validateWithSchema';

// The served designer checks forms with the runtime's eval-free validator; its messages are the
// runtime form's, in both languages.
describe('validateWithSchema', () => {
  const schema = {
    type: 'object',
    required: ['description'],
    properties: {
      description: { type: 'string', minLength: 5 },
      category: { type: 'string', enum: ['plumbing', 'doors'] },
    },
  };

  it('accepts valid data', () => {
    expect(validateWithSchema(schema, { description: '厨房水管漏水', category: 'doors' })).toEqual([]);
  });

  it('gives each field its message in zh-CN and en', () => {
    expect(validateWithSchema(schema, { description: '漏水', category: 'roof' })).toEqual(
      expect.arrayContaining([
        { path: '/description', message: { 'zh-CN': '至少 5 个字符', en: 'At least 5 characters' } },
        { path: '/category', message: { 'zh-CN': '请从选项中选择', en: 'Choose one of the options' } },
      ]),
    );
    expect(validateWithSchema(schema, {})).toEqual([{ path: '/description', message: { 'zh-CN': '必填', en: 'Required' } }]);
  });
});
