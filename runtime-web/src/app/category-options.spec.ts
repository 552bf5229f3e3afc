import { describe, expect, it } from 'vitest';
import type { StartableWorkflow } from '../api/types';
import { categoryOptions } from './category-options';

const repair: StartableWorkflow = {
  key: 'repair',
  name: '报修工单',
  version: 1,
  startForm: {
    schema: {
      type: 'object',
      properties: {
        category: {
          type: 'string',
          oneOf: [
            { const: 'plumbing_electric', title: '水电' },
            { const: 'lift', title: '电梯' },
          ],
        },
      },
    },
    uiSchema: { category: { 'ui:locale': { en: { options: { plumbing_electric: 'Plumbing / electric' } } } } },
  },
};
const complaint: StartableWorkflow = {
  key: 'complaint',
  name: '投诉',
  version: 1,
  startForm: {
    schema: {
      type: 'object',
      properties: {
        category: {
          type: 'string',
          oneOf: [
            { const: 'noise', title: '噪音' },
            { const: 'lift', title: '电梯' },
          ],
        },
      },
    },
  },
};

describe('categoryOptions', () => {
  it('offers every category of the workflows once, titled in Chinese', () => {
    expect(categoryOptions([repair, complaint], 'zh-CN')).toEqual([
      { value: 'plumbing_electric', label: '水电' },
      { value: 'lift', label: '电梯' },
      { value: 'noise', label: '噪音' },
    ]);
  });

  it('uses the English option texts where the form has them, else the title', () => {
    expect(categoryOptions([repair], 'en')).toEqual([
      { value: 'plumbing_electric', label: 'Plumbing / electric' },
      { value: 'lift', label: '电梯' },
    ]);
  });

  it('ignores workflows without a category field or a start form', () => {
    expect(categoryOptions([{ key: 'x', name: 'x', version: 1, startForm: null }], 'zh-CN')).toEqual([]);
  });
});
