import { describe, expect, it } from 'vitest';
import { lintNotificationTemplate } from './lint-notification-template';
import { renderNotificationTemplate } from './render-notification-template';
import { TemplateError } from './template-problem';

const render = (source: string, context: Record<string, unknown> = {}) =>
  renderNotificationTemplate({ source, context, timezone: 'Asia/Shanghai' });

describe('notification templates', () => {
  it('renders instance fields and helpers in Shanghai time', () => {
    const context = {
      instance: { reference: 'BX-20261121-0007', createdAt: '2026-11-21T06:30:00.000Z' },
      data: { depositFen: 200000, phone: '13812345678', idNumber: '110101199003071234' },
    };
    expect(render('{{instance.reference}} 于 {{date instance.createdAt}} 提交', context)).toBe('BX-20261121-0007 于 2026-11-21 14:30 提交');
    expect(render('押金 {{money data.depositFen}}', context)).toBe('押金 ¥2,000.00');
    expect(render('{{maskPhone data.phone}} / {{maskId data.idNumber}}', context)).toBe('138****5678 / 110101********1234');
    expect(render('{{date instance.createdAt "date"}}', context)).toBe('2026-11-21');
  });

  it('leaves text as text: no HTML escaping for in-app and SMS', () => {
    expect(render('{{data.note}}', { data: { note: 'A & B <ok>' } })).toBe('A & B <ok>');
  });

  it('turns wrong helper arguments into nothing rather than guessing', () => {
    expect(render('[{{money data.x}}][{{date data.x}}]', { data: { x: 'abc' } })).toBe('[][]');
  });

  it('refuses triple-stash, partials, @data, unknown helpers and prototype paths', () => {
    for (const source of [
      '{{{data.note}}}',
      '{{& data.note}}',
      '{{> footer}}',
      '{{@root.x}}',
      '{{lookup data "constructor"}}',
      '{{data.constructor}}',
      '{{__proto__}}',
      '{{#each data}}{{this.__proto__}}{{/each}}',
      '{{log "x"}}',
      '{{#money data.x}}{{/money}}',
    ]) {
      expect(lintNotificationTemplate(source), source).not.toEqual([]);
      expect(() => render(source), source).toThrow(TemplateError);
    }
  });

  it('reports syntax errors with a message people can act on', () => {
    const [problem] = lintNotificationTemplate('{{#if data.x}}open');
    expect(problem?.message.en).toMatch(/syntax/i);
  });

  it('cannot reach Object.prototype through data that looks like it', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).length;
    const context = JSON.parse('{"data":{"__proto__":{"polluted":"yes"},"items":[{"a":1}]}}');
    expect(render('{{#each data.items}}{{a}}{{/each}}{{data.polluted}}', context)).toBe('1');
    expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(before);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });
});
