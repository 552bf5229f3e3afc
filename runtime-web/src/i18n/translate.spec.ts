import { describe, expect, it } from 'vitest';
import { en } from './en';
import { pickText, translate } from './translate';
import { zhCN } from './zh-CN';

describe('dictionary i18n', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const value of [...Object.values(en), ...Object.values(zhCN)]) expect(value.trim()).not.toBe('');
  });
  it('fills placeholders and picks server labels', () => {
    expect(translate('zh-CN', 'portal.signIn.demoCode', { code: '123456' })).toBe('演示验证码：123456');
    expect(translate('en', 'common.tooManyRequests', { seconds: 30 })).toBe('Too many attempts. Try again in 30 s.');
    expect(pickText({ 'zh-CN': '已派单', en: 'Dispatched' }, 'en')).toBe('Dispatched');
    expect(pickText({ 'zh-CN': '已派单', en: '' }, 'en')).toBe('已派单');
    expect(pickText(undefined, 'en')).toBe('');
  });
});
