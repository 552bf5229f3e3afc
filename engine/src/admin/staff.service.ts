import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { AuditService, auditActorOf } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import type { Principal } from '../auth/principal';
import { ConflictError, ForbiddenError, UnprocessableError } from '../common/errors';
import { maskPhone } from '../privacy/masking';
import { isMobilePhone, normalisePhone } from '../privacy/normalise';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import type { RoleView, StaffView } from './admin.types';
import { isUniqueViolation } from './prisma-errors';
import { type StaffRow, StaffRepository } from './staff.repository';

/** Roles only a company admin hands out, and only company-wide. */
const COMPANY_ROLES = ['company_admin', 'consultant'] as const;

export interface NewStaff {
  email: string;
  name: string;
  password: string;
  phone?: string;
  locale?: 'zh-CN' | 'en';
  roles: RoleView[];
}

function roleKey(role: RoleView): string {
  return `${role.estateId ?? '*'}:${role.role}`;
}

/**
 * Staff accounts and their roles per estate. Company admins manage everyone; an estate manager
 * manages the roles others hold in the estates they manage, never company-wide roles. Every
 * permission change is audited with what was added and removed.
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly repository: StaffRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async list(principal: Principal, estateId?: string): Promise<StaffView[]> {
    this.access.require(principal, 'staff.read', estateId === undefined ? {} : { estateId, what: 'The estate' });
    const granted = this.access.estatesWith(principal, 'staff.read');
    const estateIds = estateId !== undefined ? [estateId] : granted;
    const rows = await this.repository.list({ companyId: principal.companyId, estateIds });
    return rows.map((row) => this.view(row, granted));
  }

  async get(principal: Principal, staffUserId: string): Promise<StaffView> {
    const row = await this.visibleStaff(principal, staffUserId, 'staff.read');
    return this.view(row, this.access.estatesWith(principal, 'staff.read'));
  }

  async create(principal: Principal, input: NewStaff): Promise<StaffView> {
    this.access.require(principal, 'staff.manage');
    await this.checkRoles(principal, input.roles);
    const phone = this.phone(input.phone);
    try {
      const row = await this.repository.create({
        companyId: principal.companyId,
        email: input.email.trim().toLowerCase(),
        name: input.name,
        passwordHash: await hashPassword(input.password),
        phoneCipher: phone === null ? null : this.cipher.encrypt('phone', phone),
        phoneIndex: phone === null ? null : this.cipher.blindIndex('phone', phone),
        locale: input.locale ?? 'zh-CN',
        roles: dedupeRoles(input.roles),
      });
      await this.audit.record({
        actor: auditActorOf(principal),
        action: 'staff.create',
        target: { type: 'staff', id: row.id },
        detail: { roles: row.roles.map(roleKey) },
      });
      return this.view(row, this.access.estatesWith(principal, 'staff.read'));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('A staff account with this e-mail exists already.');
      throw error;
    }
  }

  async update(
    principal: Principal,
    input: { staffUserId: string; changes: { name?: string; active?: boolean; locale?: 'zh-CN' | 'en'; phone?: string | null } },
  ): Promise<StaffView> {
    const row = await this.visibleStaff(principal, input.staffUserId, 'staff.manage');
    this.requireManagesEveryRole(principal, row.roles);
    if (input.changes.active === false && principal.kind !== 'person' && row.id === ('userId' in principal ? principal.userId : '')) {
      throw new UnprocessableError('You cannot deactivate your own account.');
    }
    const { phone, ...rest } = input.changes;
    const normalised = phone === undefined || phone === null ? null : this.phone(phone);
    await this.repository.update({
      companyId: principal.companyId,
      id: row.id,
      changes: {
        ...rest,
        ...(phone === undefined
          ? {}
          : {
              phoneCipher: normalised === null ? null : this.cipher.encrypt('phone', normalised),
              phoneIndex: normalised === null ? null : this.cipher.blindIndex('phone', normalised),
            }),
      },
    });
    if (input.changes.active !== undefined && input.changes.active !== row.active) {
      await this.audit.record({
        actor: auditActorOf(principal),
        action: input.changes.active ? 'staff.activate' : 'staff.deactivate',
        target: { type: 'staff', id: row.id },
      });
    }
    return this.get(principal, row.id);
  }

  /**
   * Sets the roles the caller manages: a company admin replaces all of them; an estate manager
   * only those in the estates they manage (roles elsewhere are kept). Audited with the change.
   */
  async setRoles(principal: Principal, input: { staffUserId: string; roles: RoleView[] }): Promise<StaffView> {
    const row = await this.visibleStaff(principal, input.staffUserId, 'staff.manage');
    const scope = this.access.estatesWith(principal, 'staff.manage');
    await this.checkRoles(principal, input.roles);
    const before = row.roles.map(roleKey);
    const wanted = dedupeRoles(input.roles);
    if (scope !== null && row.roles.some((role) => role.estateId === null)) {
      throw new ForbiddenError('Only a company admin may change the roles of someone who holds a company-wide role.');
    }
    if (
      'userId' in principal &&
      principal.userId === row.id &&
      scope === null &&
      !wanted.some((role) => role.role === 'company_admin' && role.estateId === null)
    ) {
      // Locking oneself out of administration is never what an admin means to do here.
      throw new UnprocessableError('You cannot remove your own company admin role.');
    }
    await this.repository.replaceRoles({ companyId: principal.companyId, staffUserId: row.id, scope, roles: wanted });
    const after = await this.get(principal, row.id);
    const afterKeys = after.roles.map(roleKey);
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'staff.roles_change',
      target: { type: 'staff', id: row.id },
      detail: { added: afterKeys.filter((key) => !before.includes(key)), removed: before.filter((key) => !afterKeys.includes(key)) },
    });
    return after;
  }

  /** A staff account of the company that the principal sees (shares an estate with), else 404. */
  private async visibleStaff(principal: Principal, staffUserId: string, action: 'staff.read' | 'staff.manage'): Promise<StaffRow> {
    const row = await this.repository.find({ companyId: principal.companyId, id: staffUserId });
    const granted = this.access.estatesWith(principal, 'staff.read');
    const visible =
      row !== null &&
      (granted === null ||
        row.roles.some((role) => role.estateId === null || granted.includes(role.estateId)) ||
        ('userId' in principal && principal.userId === row.id));
    if (!row || !visible) throw this.access.hidden({ principal, action, what: 'The staff account', id: staffUserId });
    this.access.require(principal, action);
    return row;
  }

  private requireManagesEveryRole(principal: Principal, roles: RoleView[]): void {
    const scope = this.access.estatesWith(principal, 'staff.manage');
    if (scope === null) return;
    if (roles.some((role) => role.estateId === null || !scope.includes(role.estateId))) {
      throw new ForbiddenError('This person also works in estates you do not manage; ask a company admin.');
    }
  }

  /** Roles must name estates of the company the caller manages; company-wide roles only by company admins. */
  private async checkRoles(principal: Principal, roles: RoleView[]): Promise<void> {
    const scope = this.access.estatesWith(principal, 'staff.manage');
    for (const role of roles) {
      const companyRole = COMPANY_ROLES.some((name) => name === role.role);
      if (companyRole && role.estateId !== null)
        throw new UnprocessableError(`${role.role} is a company-wide role: give it without an estate.`);
      if (!companyRole && role.estateId === null && role.role !== 'estate_manager' && role.role !== 'finance') {
        throw new UnprocessableError(`${role.role} is held in an estate: name the estate.`);
      }
      if (scope !== null && (role.estateId === null || !scope.includes(role.estateId))) {
        throw new ForbiddenError('You may only give roles in the estates you manage.');
      }
    }
    const estateIds = [...new Set(roles.flatMap((role) => (role.estateId === null ? [] : [role.estateId])))];
    const known = await this.repository.estatesOfCompany({ companyId: principal.companyId, ids: estateIds });
    const unknown = estateIds.find((id) => !known.includes(id));
    if (unknown !== undefined) throw this.access.hidden({ principal, action: 'staff.manage', what: 'The estate', id: unknown });
  }

  private phone(raw: string | undefined): string | null {
    if (raw === undefined || raw.trim() === '') return null;
    const phone = normalisePhone(raw);
    if (!isMobilePhone(phone)) throw new UnprocessableError('The phone is not a mobile number: 11 digits starting with 1.');
    return phone;
  }

  /** Masked phone; roles limited to the estates the viewer sees (a manager does not learn the rest). */
  private view(row: StaffRow, visibleEstates: string[] | null): StaffView {
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      active: row.active,
      locale: row.locale,
      phoneMasked: row.phoneCipher === null ? null : maskPhone(this.cipher.decrypt('phone', row.phoneCipher)),
      roles: row.roles.filter((role) => visibleEstates === null || role.estateId === null || visibleEstates.includes(role.estateId)),
      createdAt: row.createdAt.toISOString(),
    };
  }
}

function dedupeRoles(roles: RoleView[]): RoleView[] {
  const seen = new Map<string, RoleView>();
  for (const role of roles) seen.set(roleKey(role), role);
  return [...seen.values()];
}
