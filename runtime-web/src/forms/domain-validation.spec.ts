import { describe, expect, it } from 'vitest';
import { findDomainErrors } from './domain-validation';

describe('domain widget validation', () => {
  const uiSchema = {
    ownerId: { 'ui:widget': 'idNumber' },
    contact: { phone: { 'ui:widget': 'phone' } },
    workers: { items: { idNumber: { 'ui:widget': 'idNumber' } } },
    commitment: { 'ui:widget': 'confirm' },
  };

  it('finds a bad check digit, a bad phone, a bad worker ID and an unticked confirmation', () => {
    const errors = findDomainErrors(
      {
        ownerId: '11010519491231003X',
        contact: { phone: '1234' },
        workers: [{ idNumber: '11010519491231002X' }, { idNumber: '440304199003070019' }],
      },
      uiSchema,
    );
    expect(errors).toEqual([
      { path: ['ownerId'], kind: 'idNumber' },
      { path: ['contact', 'phone'], kind: 'phone' },
      { path: ['workers', '1', 'idNumber'], kind: 'idNumber' },
      { path: ['commitment'], kind: 'confirm' },
    ]);
  });

  it('is quiet for good data and leaves empty optional fields to JSON Schema', () => {
    const errors = findDomainErrors({ ownerId: '11010519491231002X', contact: { phone: '13812345678' }, commitment: true }, uiSchema);
    expect(errors).toEqual([]);
    expect(findDomainErrors({ commitment: true }, uiSchema)).toEqual([]);
  });
});
