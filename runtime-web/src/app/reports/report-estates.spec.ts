import { describe, expect, it } from 'vitest';
import type { StaffMe } from '../../api/types';
import { reportEstates } from './report-estates';

function staff(estates: { id: string; roles: string[] }[], companyRoles: string[] = []): StaffMe {
  return {
    kind: 'staff',
    id: 'u1',
    name: '王经理',
    email: 'manager@demo.estateflow.cn',
    company: { id: 'c1', code: 'demo', name: '示例物业' },
    estates: estates.map((estate) => ({ ...estate, code: estate.id, name: estate.id })),
    companyRoles,
  };
}

describe('who sees reports', () => {
  it('keeps the estates where the person manages, supervises engineering or does the accounts', () => {
    const me = staff([
      { id: 'sunshine', roles: ['estate_manager'] },
      { id: 'galaxy', roles: ['technician'] },
      { id: 'anju', roles: ['finance', 'front_desk'] },
    ]);
    expect(reportEstates(me).map((estate) => estate.id)).toEqual(['sunshine', 'anju']);
  });
  it('gives a company admin every estate, and a technician or the front desk none', () => {
    const admin = staff(
      [
        { id: 'sunshine', roles: ['company_admin'] },
        { id: 'galaxy', roles: ['company_admin'] },
      ],
      ['company_admin'],
    );
    expect(reportEstates(admin)).toHaveLength(2);
    expect(reportEstates(staff([{ id: 'sunshine', roles: ['technician', 'front_desk'] }]))).toEqual([]);
  });
});
