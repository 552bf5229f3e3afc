import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { auditActorOf, AuditService } from '../audit/audit.service';
import { type Principal, visibleEstateIds } from '../auth/principal';
import { ForbiddenError, NotFoundError, ValidationError } from '../common/errors';
import { type EstateKind, StaffRole } from '../generated/prisma/enums';
import { maskIdNumber, maskPhone } from '../privacy/masking';
import { isMobilePhone, normalisePhone } from '../privacy/normalise';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { type PersonRow, PeopleRepository } from './people.repository';

export interface EstateSummary {
  id: string;
  code: string;
  name: string;
  kind: EstateKind;
  address: string | null;
  timezone: string;
}

/** An owner or tenant as staff see them: phone and ID number masked, always. */
export interface PersonSummary {
  id: string;
  name: string;
  phoneMasked: string;
  idNumberMasked: string | null;
  units: { id: string; label: string; estateId: string; kind: 'owner' | 'tenant' }[];
}

export interface StaffSummary {
  id: string;
  name: string;
  roles: StaffRole[];
}

export interface UnitSummary {
  id: string;
  label: string;
  building: { id: string; name: string };
  entrance: number;
  floor: number;
  room: string;
}

export type UnmaskField = 'phone' | 'idNumber';

const LIMIT = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isStaffRole(value: string): value is StaffRole {
  return Object.values(StaffRole).some((role) => role === value);
}

/** Estates, units, staff and people lookups for the staff app, and audited unmasking (PIPL). */
@Injectable()
export class PeopleService {
  constructor(
    private readonly repository: PeopleRepository,
    private readonly access: AccessService,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
  ) {}

  estates(principal: Principal): Promise<EstateSummary[]> {
    return this.repository.estates({ companyId: principal.companyId, ids: visibleEstateIds(principal) });
  }

  async people(input: { principal: Principal; estateId: string; phone?: string; unit?: string }): Promise<PersonSummary[]> {
    await this.requireInEstate({ principal: input.principal, estateId: input.estateId, action: 'person.read' });
    let phoneIndexes: string[] | null = null;
    if (input.phone !== undefined && input.phone !== '') {
      const phone = normalisePhone(input.phone);
      if (!isMobilePhone(phone))
        throw new ValidationError('"phone" is not a mobile phone number: 11 digits starting with 1.', {
          fields: [{ field: 'phone', message: 'not a mobile phone number' }],
        });
      phoneIndexes = this.cipher.blindIndexCandidates('phone', phone);
    }
    const unit = input.unit?.trim() || null;
    const rows = await this.repository.people({
      companyId: input.principal.companyId,
      estateId: input.estateId,
      phoneIndexes,
      unitId: unit !== null && UUID.test(unit) ? unit.toLowerCase() : null,
      unitLabel: unit !== null && !UUID.test(unit) ? unit : null,
      limit: LIMIT,
    });
    return rows.map((row) => this.summary(row));
  }

  async staff(input: { principal: Principal; estateId: string; role?: string }): Promise<StaffSummary[]> {
    await this.requireInEstate({ principal: input.principal, estateId: input.estateId, action: 'staff.read' });
    const role = input.role === undefined || input.role === '' ? null : input.role;
    if (role !== null && !isStaffRole(role)) {
      throw new ValidationError(`"role" must be one of ${Object.values(StaffRole).join(', ')}.`, {
        fields: [{ field: 'role', message: 'unknown role' }],
      });
    }
    return this.repository.staff({ companyId: input.principal.companyId, estateId: input.estateId, role });
  }

  /** The estate's buildings (staff of that estate), e.g. for the inbox's building filter. */
  async buildings(input: { principal: Principal; estateId: string }): Promise<{ id: string; name: string }[]> {
    await this.requireInEstate({ principal: input.principal, estateId: input.estateId, action: 'unit.read' });
    return this.repository.buildings({ companyId: input.principal.companyId, estateId: input.estateId });
  }

  async units(input: { principal: Principal; estateId: string; q?: string }): Promise<UnitSummary[]> {
    const { principal } = input;
    let unitIds: string[] | null = null;
    if (principal.kind === 'person') {
      // Owners and tenants pick among their own units only; an estate they do not live in is a 404.
      unitIds = principal.units.filter((unit) => unit.estateId === input.estateId).map((unit) => unit.unitId);
      if (unitIds.length === 0) throw new NotFoundError('The estate');
    } else {
      await this.requireInEstate({ principal, estateId: input.estateId, action: 'unit.read' });
    }
    const rows = await this.repository.units({
      companyId: principal.companyId,
      estateId: input.estateId,
      q: input.q?.trim() || null,
      limit: LIMIT,
      unitIds,
    });
    return rows.map((row) => ({
      id: row.id,
      label: row.label,
      building: row.building,
      entrance: row.entrance,
      floor: row.floor,
      room: row.room,
    }));
  }

  /**
   * The full phone or ID number, for those who must call or verify: phone for company admins,
   * estate managers and front desk; ID number for company admins only. Every read is audited.
   */
  async unmask(input: {
    principal: Principal;
    personId: string;
    field: UnmaskField;
    reason: string;
  }): Promise<{ field: UnmaskField; value: string }> {
    const { principal } = input;
    const person = await this.repository.person({ companyId: principal.companyId, personId: input.personId });
    const estateIds = [...new Set(person?.residencies.map((residency) => residency.unit.estateId) ?? [])];
    const visible = visibleEstateIds(principal);
    if (!person || (visible !== null && !estateIds.some((id) => visible.includes(id)))) {
      throw this.access.hidden({ principal, action: 'person.unmask', what: 'The person', id: input.personId });
    }
    const grantedIn = estateIds.find((estateId) => this.access.allows(principal, 'person.unmask', { estateId }));
    if (grantedIn === undefined) throw new ForbiddenError('Your role may not see full phone or ID numbers.');
    if (
      input.field === 'idNumber' &&
      !(principal.kind === 'staff' && principal.roles.some((held) => held.role === 'company_admin' && held.estateId === null))
    ) {
      throw new ForbiddenError('Only a company admin may see a full ID number.');
    }
    const cipher = input.field === 'phone' ? person.phoneCipher : person.idNumberCipher;
    if (cipher === null) throw new NotFoundError('An ID number for this person');
    const value = this.cipher.decrypt(input.field, cipher);
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'person.unmask',
      target: { type: 'Person', id: person.id },
      estateId: grantedIn,
      detail: { field: input.field, reason: input.reason },
    });
    return { field: input.field, value };
  }

  private summary(row: PersonRow): PersonSummary {
    return {
      id: row.id,
      name: row.name,
      phoneMasked: maskPhone(this.cipher.decrypt('phone', row.phoneCipher)),
      idNumberMasked: row.idNumberCipher === null ? null : maskIdNumber(this.cipher.decrypt('idNumber', row.idNumberCipher)),
      units: row.residencies.map((residency) => ({
        id: residency.unit.id,
        label: residency.unit.label,
        estateId: residency.unit.estateId,
        kind: residency.kind,
      })),
    };
  }

  /** Another company's estate, or one the principal does not see, is a 404; a missing role a 403. */
  private async requireInEstate(input: {
    principal: Principal;
    estateId: string;
    action: 'person.read' | 'staff.read' | 'unit.read';
  }): Promise<void> {
    if (!(await this.repository.estateExists({ companyId: input.principal.companyId, estateId: input.estateId }))) {
      throw this.access.hidden({ principal: input.principal, action: input.action, what: 'The estate', id: input.estateId });
    }
    this.access.require(input.principal, input.action, { estateId: input.estateId, what: 'The estate' });
  }
}
