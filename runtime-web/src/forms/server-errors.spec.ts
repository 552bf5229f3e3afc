import { describe, expect, it } from 'vitest';
import { fieldErrorsToErrorSchema, splitErrorPath } from './server-errors';

describe('server 422 errors onto fields', () => {
  it('reads JSON pointers, dotted and bracket paths', () => {
    expect(splitErrorPath('/photos/0/url')).toEqual(['photos', '0', 'url']);
    expect(splitErrorPath('photos[0].url')).toEqual(['photos', '0', 'url']);
    expect(splitErrorPath('/a~1b')).toEqual(['a/b']);
    expect(splitErrorPath('')).toEqual([]);
  });

  it('builds the extraErrors tree in the chosen locale', () => {
    const tree = fieldErrorsToErrorSchema(
      [
        { path: '/description', message: { 'zh-CN': '请描述问题', en: 'Describe the problem' } },
        { path: '/description', message: { 'zh-CN': '太短', en: 'Too short' } },
        { path: '/contact/phone', message: { 'zh-CN': '手机号不正确', en: 'Bad phone' } },
        { path: '', message: '整体错误' },
      ],
      'zh-CN',
    );
    expect(tree).toEqual({
      __errors: ['整体错误'],
      description: { __errors: ['请描述问题', '太短'] },
      contact: { phone: { __errors: ['手机号不正确'] } },
    });
    expect(fieldErrorsToErrorSchema([{ path: '/a', message: { 'zh-CN': '甲', en: 'A' } }], 'en')).toEqual({ a: { __errors: ['A'] } });
  });
});
