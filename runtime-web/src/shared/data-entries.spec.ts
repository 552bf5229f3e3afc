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
      { key: 'contactPhone', label: '联系电话', value: '138****5678', personal: 'phone' },
      { key: 'idNumber', label: '身份证号', value: '110101********1234', personal: 'idNumber' },
    ]);
    // A number stored before masking existed has nothing more to show.
    expect(dataEntries({ data: { contactPhone: '13812345678' }, yes: '是', no: '否', fields })).toEqual([
      { key: 'contactPhone', label: '联系电话', value: '13812345678' },
    ]);
  });
});
