import { describe, expect, it } from 'vitest';
import { mapFreeText, mapPersonalFields, personalFieldErrors, personalFieldTree } from './personal-fields.js';

const seal = (value: string, kind: string) => `<${kind}:${value}>`;

describe('personalFieldTree', () => {
  it('finds phone and ID number widgets at any depth, in objects and in array items', () => {
    const tree = personalFieldTree({
      'ui:order': ['name', 'phone'],
      name: { 'ui:placeholder': '姓名' },
      phone: { 'ui:widget': 'phone' },
      company: { siteManager: { idNumber: { 'ui:widget': 'idNumber' }, phone: { 'ui:widget': 'phone' } } },
      workers: { items: { idNumber: { 'ui:widget': 'idNumber' }, name: {} } },
    });
    const data = {
      name: '张三',
      phone: '13800138000',
      company: { name: '好家装饰', siteManager: { idNumber: '110101199003071234', phone: '13900139000' } },
      workers: [{ name: '李四', idNumber: '110101199003071235' }, { name: '王五' }],
    };
    expect(tree).not.toBeNull();
    if (tree === null) return;
    expect(mapPersonalFields(data, tree, seal)).toEqual({
      name: '张三',
      phone: '<phone:13800138000>',
      company: { name: '好家装饰', siteManager: { idNumber: '<idNumber:110101199003071234>', phone: '<phone:13900139000>' } },
      workers: [{ name: '李四', idNumber: '<idNumber:110101199003071235>' }, { name: '王五' }],
    });
  });

  it('is null for a form of free text only, and marks other widgets opaque', () => {
    expect(personalFieldTree({ reason: { 'ui:widget': 'textarea' }, note: { 'ui:placeholder': '备注' } })).toBeNull();
    expect(personalFieldTree(undefined)).toBeNull();
    const tree = personalFieldTree({ reason: { 'ui:widget': 'textarea' }, technicianId: { 'ui:widget': 'select' } });
    expect(tree).toEqual({ properties: new Map([['technicianId', 'opaque']]), items: null });
    // Opaque fields are not personal fields.
    if (tree === null) return;
    expect(mapPersonalFields({ technicianId: '13800138000' }, tree, seal)).toEqual({ technicianId: '13800138000' });
  });

  it('leaves the data it was given untouched, and shares what it did not change', () => {
    const tree = personalFieldTree({ phone: { 'ui:widget': 'phone' } });
    if (tree === null) throw new Error('expected a tree');
    const photos = ['a.jpg'];
    const data = Object.freeze({ phone: '13800138000', photos });
    const sealed = mapPersonalFields(data, tree, seal);
    expect(data.phone).toBe('13800138000');
    expect(sealed).toEqual({ phone: '<phone:13800138000>', photos });
    expect((sealed as { photos: unknown }).photos).toBe(photos);
    // Nothing to replace: the very same object comes back.
    expect(mapPersonalFields({ photos }, tree, seal)).toEqual({ photos });
    const empty = { phone: '' };
    expect(mapPersonalFields(empty, tree, seal)).toBe(empty);
  });

  it('does not reach the prototype through a field named __proto__', () => {
    const tree = personalFieldTree(JSON.parse('{"__proto__": {"ui:widget": "phone"}}'));
    if (tree === null) throw new Error('expected a tree');
    const sealed = mapPersonalFields(JSON.parse('{"__proto__": "13800138000"}'), tree, seal);
    expect(Object.getPrototypeOf(sealed)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(sealed, '__proto__')?.value).toBe('<phone:13800138000>');
    expect(({} as Record<string, unknown>)['phone']).toBeUndefined();
  });

  it('checks what JSON Schema cannot: a mobile number, an ID number’s birth date and check character', () => {
    const tree = personalFieldTree({
      phone: { 'ui:widget': 'phone' },
      workers: { items: { idNumber: { 'ui:widget': 'idNumber' } } },
    });
    if (tree === null) throw new Error('expected a tree');
    expect(personalFieldErrors({ phone: '+86 138 0013 8000', workers: [{ idNumber: '11010519491231002x' }] }, tree)).toEqual([]);
    expect(
      personalFieldErrors(
        { phone: '010-12345678', workers: [{ idNumber: '11010519491231002X' }, { idNumber: '110105194912310021' }] },
        tree,
      ),
    ).toEqual([
      { path: '/phone', message: { 'zh-CN': '手机号格式不正确', en: 'not a valid mobile number' } },
      { path: '/workers/1/idNumber', message: { 'zh-CN': '身份证号校验不通过，请检查', en: 'this ID number fails its check digit' } },
    ]);
    // An empty optional field is the schema's business, not a wrong number.
    expect(personalFieldErrors({ phone: '' }, tree)).toEqual([]);
  });
});

describe('mapFreeText', () => {
  const mark = (value: string, path: readonly string[]) => `<${path.join('.')}:${value}>`;

  it('reaches every string but personal and opaque fields, also fields the uiSchema does not name', () => {
    const tree = personalFieldTree({
      phone: { 'ui:widget': 'phone' },
      photos: { 'ui:widget': 'photos' },
      description: { 'ui:widget': 'textarea' },
      workers: { items: { idNumber: { 'ui:widget': 'idNumber' } } },
    });
    const data = {
      phone: '13800138000',
      photos: ['13800138000.jpg'],
      description: '联系13800138000',
      extra: { note: 'n' },
      workers: [{ name: '李四', idNumber: '110101199003071235' }],
      count: 3,
      empty: '',
    };
    expect(mapFreeText(data, tree, mark)).toEqual({
      phone: '13800138000',
      photos: ['13800138000.jpg'],
      description: '<description:联系13800138000>',
      extra: { note: '<extra.note:n>' },
      workers: [{ name: '<workers.0.name:李四>', idNumber: '110101199003071235' }],
      count: 3,
      empty: '',
    });
    expect(mapFreeText({ a: ['x'] }, null, mark)).toEqual({ a: ['<a.0:x>'] });
  });

  it('shares what it did not change, and does not reach the prototype', () => {
    const data = Object.freeze({ photos: Object.freeze(['a.jpg']), count: 1 });
    const tree = personalFieldTree({ photos: { 'ui:widget': 'photos' } });
    expect(mapFreeText(data, tree, mark)).toBe(data);
    const mapped = mapFreeText(JSON.parse('{"__proto__": "x"}'), null, mark);
    expect(Object.getPrototypeOf(mapped)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(mapped, '__proto__')?.value).toBe('<__proto__:x>');
  });
});
