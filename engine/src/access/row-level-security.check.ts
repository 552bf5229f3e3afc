import { Injectable } from '@nestjs/common';
import { APP_ROLE } from '../database/database.service';
import { PROTECTED_TABLES, type RowLevelSecurityFacts, RowLevelSecurityRepository } from './row-level-security.repository';

export interface RowLevelSecurityStatus {
  status: 'enforced' | 'not_enforced';
  role: string;
  tables: string[];
  problems: string[];
}

/** What must hold for the second wall to stand; each broken rule is one readable problem. */
export function rowLevelSecurityProblems(facts: RowLevelSecurityFacts): string[] {
  const problems: string[] = [];
  if (facts.role !== APP_ROLE) problems.push(`tenant connections run as ${facts.role}, not ${APP_ROLE}`);
  if (facts.superuser) problems.push(`${facts.role} is a superuser`);
  if (facts.bypassRls) problems.push(`${facts.role} bypasses row-level security`);
  for (const table of PROTECTED_TABLES) {
    const found = facts.tables.find((row) => row.table === table);
    if (!found) problems.push(`table ${table} is missing`);
    else {
      if (!found.enabled || !found.forced) problems.push(`row-level security is not forced on ${table}`);
      if (!found.hasPolicy) problems.push(`${table} has no tenant_isolation policy for ${APP_ROLE}`);
      if (found.ownedByRole) problems.push(`${table} is owned by the runtime role`);
    }
  }
  if (facts.auditUpdatable || facts.auditDeletable) problems.push(`${facts.role} may UPDATE or DELETE the audit log`);
  if (facts.peopleVisibleWithoutTenant > 0) problems.push(`${facts.peopleVisibleWithoutTenant} people are visible without a tenant`);
  return problems;
}

/** The health detail that fails when row-level security is not in force (RELIABILITY 18). */
@Injectable()
export class RowLevelSecurityCheck {
  constructor(private readonly repository: RowLevelSecurityRepository) {}

  async status(): Promise<RowLevelSecurityStatus> {
    let facts: RowLevelSecurityFacts;
    try {
      facts = await this.repository.facts();
    } catch (error) {
      return {
        status: 'not_enforced',
        role: APP_ROLE,
        tables: [...PROTECTED_TABLES],
        problems: [`the runtime role cannot connect: ${error instanceof Error ? error.message : String(error)}`],
      };
    }
    const problems = rowLevelSecurityProblems(facts);
    return { status: problems.length === 0 ? 'enforced' : 'not_enforced', role: facts.role, tables: [...PROTECTED_TABLES], problems };
  }
}
