import { describe, expect, it } from 'vitest';
import { dataEntries } from './data-entries';
import { fieldLabels } from './field-labels';

describe('instance data for reading', () => {
  it('takes field titles and option labels from the form in the chosen language', () => {
    const labels = fieldLabels({
      schema: {
        type: 'object',
        properties: { category: { type: 'string', title: '报修类别', oneOf: [{ const: 'lift', title: '电梯' }] } },
      },
      uiSchema: { category: { 'ui:locale': { en: { title: 'Category', options: { lift: 'Lift' } } } } },
      locale: 'en',
    });
    expect(labels).toEqual({ category: { title: 'Category', options: { lift: 'Lift' } } });
  });

  it('lists plain fields and leaves attachments out', () => {
    const photo = { id: 'a1', fileName: 'x.jpg', contentType: 'image/jpeg', size: 1, url: '/api/attachments/a1' };
    expect(
      dataEntries({
        data: {
          category: 'plumbing',
          urgent: true,
          tags: ['漏水', '厨房'],
          photos: [photo],
          empty: '',
          range: ['2026-01-01', '2026-01-31'],
          unitId: '49a5d819-2890-418c-84a5-d681d7355c16',
        },
        yes: '是',
        no: '否',
        fields: { category: { title: '报修类别', options: { plumbing: '水电' } } },
      }),
    ).toEqual([{ key: 'category', label: '报修类别', value: '水电' }]);
    expect(
      dataEntries({ data: { urgent: true, tags: ['漏水', '厨房'], range: ['2026-01-01', '2026-01-31'] }, yes: '是', no: '否' }),
    ).toEqual([
      { key: 'urgent', label: 'urgent', value: '是' },
      { key: 'tags', label: 'tags', value: '漏水、厨房' },
      { key: 'range', label: 'range', value: '2026-01-01、2026-01-31' },
    ]);
  });

  it('marks masked phone and ID numbers, whose full value the reader may ask for', () => {
    const fields = fieldLabels({
      schema: {
        type: 'object',
        properties: { contactPhone: { type: 'string', title: '联系电话' }, idNumber: { type: 'string', title: '身份证号' } },
      },
      uiSchema: { contactPhone: { 'ui:widget': 'phone' }, idNumber: { 'ui:widget': 'idNumber' } },
      locale: 'zh-CN',
    });
    expect(dataEntries({ data: { contactPhone: '138****5678', idNumber: '110101********1234' }, yes: '是', no: '否', fields })).toEqual([
      { key: 'contactPhone', label: '联系电话', value: '138****5678', personal: { kind: 'phone', path: '/contactPhone' } },
      { key: 'idNumber', label: '身份证号', value: '110101********1234', personal: { kind: 'idNumber', path: '/idNumber' } },
    ]);
    // A number stored before masking existed has nothing more to show.
    expect(dataEntries({ data: { contactPhone: '13812345678' }, yes: '是', no: '否', fields })).toEqual([
      { key: 'contactPhone', label: '联系电话', value: '13812345678' },
    ]);
  });

  it('marks free text with a masked number written in it, and says when one is an ID number', () => {
    const fields = fieldLabels({
      schema: {
        type: 'object',
        properties: {
          description: { type: 'string', title: '问题描述' },
          note: { type: 'string', title: '备注' },
          category: { type: 'string', title: '类别', oneOf: [{ const: 'a', title: '138****5678' }] },
        },
      },
      uiSchema: {},
      locale: 'zh-CN',
    });
    const data = { description: '请联系 138****5678 或座机 075*****1234', note: '工人 110105********002X', category: 'a' };
    expect(dataEntries({ data, yes: '是', no: '否', fields })).toEqual([
      { key: 'description', label: '问题描述', value: data.description, personal: { kind: 'text', path: '/description' } },
      { key: 'note', label: '备注', value: data.note, personal: { kind: 'text', path: '/note', idNumber: true } },
      // An option's label is the form's own text, never a sealed number.
      { key: 'category', label: '类别', value: '138****5678' },
    ]);
    expect(dataEntries({ data: { description: '总价 2****元' }, yes: '是', no: '否', fields })).toEqual([
      { key: 'description', label: '问题描述', value: '总价 2****元' },
    ]);
    expect(dataEntries({ data: { description: '座机 075*****1234' }, yes: '是', no: '否', fields })).toEqual([
      { key: 'description', label: '问题描述', value: '座机 075*****1234', personal: { kind: 'text', path: '/description' } },
    ]);
  });

  it('labels the fields inside an object and inside each item of a list, with their own paths', () => {
    const fields = fieldLabels({
      schema: {
        type: 'object',
        properties: {
          contractor: {
            type: 'object',
            title: '装修公司',
            properties: { name: { type: 'string', title: '公司名称' }, siteManagerPhone: { type: 'string', title: '负责人电话' } },
          },
          workers: {
            type: 'array',
            title: '施工人员',
            items: {
              type: 'object',
              properties: { name: { type: 'string', title: '姓名' }, idNumber: { type: 'string', title: '身份证号' } },
            },
          },
        },
      },
      uiSchema: {
        contractor: {
          siteManagerPhone: { 'ui:widget': 'phone' },
          'ui:locale': { en: { title: 'Contractor', items: { name: 'Company', siteManagerPhone: 'Site manager phone' } } },
        },
        workers: {
          items: { idNumber: { 'ui:widget': 'idNumber' } },
          'ui:locale': { en: { title: 'Workers', items: { name: 'Name', idNumber: 'ID number' } } },
        },
      },
      locale: 'en',
    });
    const entries = dataEntries({
      data: {
        contractor: { name: '好家装饰', siteManagerPhone: '139****0000' },
        workers: [{ name: '李四', idNumber: '110101********1235' }, { name: '王五' }],
      },
      yes: 'Yes',
      no: 'No',
      fields,
    });
    expect(entries).toEqual([
      {
        key: 'contractor',
        label: 'Contractor',
        value: '',
        children: [
          { key: 'name', label: 'Company', value: '好家装饰' },
          {
            key: 'siteManagerPhone',
            label: 'Site manager phone',
            value: '139****0000',
            personal: { kind: 'phone', path: '/contractor/siteManagerPhone' },
          },
        ],
      },
      {
        key: 'workers',
        label: 'Workers',
        value: '',
        rows: [
          [
            { key: 'name', label: 'Name', value: '李四' },
            {
              key: 'idNumber',
              label: 'ID number',
              value: '110101********1235',
              personal: { kind: 'idNumber', path: '/workers/0/idNumber' },
            },
          ],
          [{ key: 'name', label: 'Name', value: '王五' }],
        ],
      },
    ]);
  });

  it('names each chosen option of a multiple choice, in the chosen language', () => {
    const form = {
      schema: {
        type: 'object',
        properties: { scope: { type: 'array', title: '装修范围', items: { type: 'string', enum: ['waterproofing', 'balcony'] } } },
      },
      uiSchema: {
        scope: {
          'ui:widget': 'checkboxes',
          'ui:enumNames': ['防水', '阳台'],
          'ui:locale': { en: { title: 'Scope', options: { waterproofing: 'Waterproofing', balcony: 'Balcony' } } },
        },
      },
    };
    const data = { scope: ['balcony', 'waterproofing'] };
    expect(dataEntries({ data, yes: '是', no: '否', fields: fieldLabels({ ...form, locale: 'zh-CN' }) })).toEqual([
      { key: 'scope', label: '装修范围', value: '阳台、防水' },
    ]);
    expect(dataEntries({ data, yes: 'Yes', no: 'No', fields: fieldLabels({ ...form, locale: 'en' }) })).toEqual([
      { key: 'scope', label: 'Scope', value: 'Balcony、Waterproofing' },
    ]);
  });
});
