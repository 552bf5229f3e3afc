import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { AuditService, auditActorOf } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { ConflictError, ForbiddenError, UnprocessableError } from '../common/errors';
import type { ResidencyKind } from '../generated/prisma/enums';
import { Clock } from '../timers/clock';
import { isValidIdNumber } from '../privacy/id-number';
import { maskIdNumber, maskPhone } from '../privacy/masking';
import { isMobilePhone, normaliseIdNumber, normalisePhone } from '../privacy/normalise';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import type { Page, PersonView } from './admin.types';
import { EstatesService } from './estates.service';
import { isUniqueViolation } from './prisma-errors';
import { type NewResidency, type ResidentRow, ResidentsRepository } from './residents.repository';

export interface ResidencyInput {
  unitId: string;
  kind: ResidencyKind;
  moveInAt?: string;
}

export interface NewResident {
  name: string;
  phone: string;
  idNumber?: string;
  residencies: ResidencyInput[];
}

/**
 * Owners and tenants and the units they own or rent. Phone and ID number are encrypted at rest
 * with a blind index (privacy module) and only ever leave masked; the full values are read
 * through the people module's audited unmask.
 */
@Injectable()
export class ResidentsService {
  constructor(
    private readonly repository: ResidentsRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    private readonly estates: EstatesService,
  ) {}

  async list(
    principal: Principal,
    input: { estateId: string; q?: string; phone?: string; includeLeft: boolean; page: number; pageSize: number },
  ): Promise<Page<PersonView>> {
    await this.requireEstate(principal, input.estateId);
    const phone = input.phone === undefined || input.phone === '' ? null : this.phone(input.phone);
    const { rows, total } = await this.repository.list({
      companyId: principal.companyId,
      estateId: input.estateId,
      q: input.q === undefined || input.q.trim() === '' ? null : input.q.trim().slice(0, 100),
      phoneIndexes: phone === null ? null : this.cipher.blindIndexCandidates('phone', phone),
      includeLeft: input.includeLeft,
      page: input.page,
      pageSize: input.pageSize,
    });
    return { items: rows.map((row) => this.view(row, principal)), total, page: input.page, pageSize: input.pageSize };
  }

  async get(principal: Principal, personId: string): Promise<PersonView> {
    return this.view(await this.visiblePerson(principal, personId, 'person.read'), principal);
  }

  async create(principal: Principal, input: NewResident): Promise<PersonView> {
    const residencies = await this.residencies(principal, input.residencies);
    const phone = this.phone(input.phone);
    const idNumber = input.idNumber === undefined || input.idNumber.trim() === '' ? null : this.idNumber(input.idNumber);
    try {
      const row = await this.repository.create({
        companyId: principal.companyId,
        name: input.name.trim(),
        phoneCipher: this.cipher.encrypt('phone', phone),
        phoneIndex: this.cipher.blindIndex('phone', phone),
        idNumberCipher: idNumber === null ? null : this.cipher.encrypt('idNumber', idNumber),
        idNumberIndex: idNumber === null ? null : this.cipher.blindIndex('idNumber', idNumber),
        residencies,
      });
      await this.audit.record({
        actor: auditActorOf(principal),
        action: 'person.create',
        target: { type: 'person', id: row.id },
        ...(residencies[0] ? { estateId: residencies[0].estateId } : {}),
      });
      return this.view(row, principal);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('Someone with this phone number is on record already: find them by phone and add the unit to them.');
      throw error;
    }
  }

  async update(
    principal: Principal,
    input: { personId: string; changes: { name?: string; phone?: string; idNumber?: string | null } },
  ): Promise<PersonView> {
    const row = await this.visiblePerson(principal, input.personId, 'person.write');
    const { name, phone, idNumber } = input.changes;
    const phoneValue = phone === undefined ? undefined : this.phone(phone);
    const idValue =
      idNumber === undefined || idNumber === null || idNumber.trim() === ''
        ? idNumber === undefined
          ? undefined
          : null
        : this.idNumber(idNumber);
    try {
      await this.repository.update({
        companyId: principal.companyId,
        id: row.id,
        changes: {
          ...(name === undefined ? {} : { name: name.trim() }),
          ...(phoneValue === undefined
            ? {}
            : { phoneCipher: this.cipher.encrypt('phone', phoneValue), phoneIndex: this.cipher.blindIndex('phone', phoneValue) }),
          ...(idValue === undefined
            ? {}
            : {
                idNumberCipher: idValue === null ? null : this.cipher.encrypt('idNumber', idValue),
                idNumberIndex: idValue === null ? null : this.cipher.blindIndex('idNumber', idValue),
              }),
        },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('Someone else is on record with this phone number.');
      throw error;
    }
    if (phoneValue !== undefined || idValue !== undefined) {
      await this.audit.record({
        actor: auditActorOf(principal),
        action: 'person.update_personal_data',
        target: { type: 'person', id: row.id },
        detail: { phone: phoneValue !== undefined, idNumber: idValue !== undefined },
      });
    }
    return this.get(principal, row.id);
  }

  async addResidency(principal: Principal, input: { personId: string; residency: ResidencyInput }): Promise<PersonView> {
    const row = await this.visiblePerson(principal, input.personId, 'person.write');
    const [residency] = await this.residencies(principal, [input.residency]);
    if (!residency) throw new UnprocessableError('Name a unit.');
    await this.repository.addResidency({ companyId: principal.companyId, personId: row.id, residency });
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'residency.add',
      target: { type: 'person', id: row.id },
      estateId: residency.estateId,
      detail: { unitId: residency.unitId, kind: residency.kind },
    });
    return this.get(principal, row.id);
  }

  async endResidency(principal: Principal, residencyId: string): Promise<PersonView> {
    const residency = await this.repository.findResidency({ companyId: principal.companyId, id: residencyId });
    if (!residency) throw this.access.hidden({ principal, action: 'person.write', what: 'The residency', id: residencyId });
    this.access.require(principal, 'person.write', { estateId: residency.estateId, what: 'The residency' });
    if (residency.endedAt !== null) throw new ConflictError('This residency has ended already.');
    const { personLeft } = await this.repository.endResidency({
      companyId: principal.companyId,
      id: residency.id,
      personId: residency.personId,
      at: this.clock.now(),
    });
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'residency.end',
      target: { type: 'person', id: residency.personId },
      estateId: residency.estateId,
      detail: { personLeft },
    });
    return this.get(principal, residency.personId);
  }

  private async requireEstate(principal: Principal, estateId: string): Promise<void> {
    await this.estates.estateFor(principal, { estateId, action: 'person.read' });
  }

  /** A person of the company with a residency (past or present) in an estate the principal sees; else 404. */
  private async visiblePerson(principal: Principal, personId: string, action: 'person.read' | 'person.write'): Promise<ResidentRow> {
    const row = await this.repository.find({ companyId: principal.companyId, id: personId });
    const estates = [...new Set(row?.residencies.map((residency) => residency.estateId) ?? [])];
    const seen =
      principal.kind === 'person' ? [] : estates.filter((estateId) => this.access.allows(principal, 'estate.read', { estateId }));
    if (!row || seen.length === 0) throw this.access.hidden({ principal, action, what: 'The person', id: personId });
    if (!seen.some((estateId) => this.access.allows(principal, action, { estateId })))
      throw new ForbiddenError(`Your role does not allow this (${action}).`);
    return row;
  }

  /** Units must be the company's and in estates where the principal may write people. */
  private async residencies(principal: Principal, input: ResidencyInput[]): Promise<NewResidency[]> {
    const estates = await this.repository.unitEstates({ companyId: principal.companyId, unitIds: input.map((item) => item.unitId) });
    return input.map((item) => {
      const estateId = estates.get(item.unitId);
      if (estateId === undefined) throw this.access.hidden({ principal, action: 'person.write', what: 'The unit', id: item.unitId });
      this.access.require(principal, 'person.write', { estateId, what: 'The unit' });
      return {
        unitId: item.unitId,
        estateId,
        kind: item.kind,
        moveInAt: item.moveInAt === undefined ? null : new Date(`${item.moveInAt}T00:00:00+08:00`),
      };
    });
  }

  private phone(raw: string): string {
    const phone = normalisePhone(raw);
    if (!isMobilePhone(phone)) throw new UnprocessableError('The phone is not a mobile number: 11 digits starting with 1.');
    return phone;
  }

  private idNumber(raw: string): string {
    const value = normaliseIdNumber(raw);
    if (!isValidIdNumber(value))
      throw new UnprocessableError('The ID number is not valid: 18 characters with a correct birth date and check digit.');
    return value;
  }

  /** Masked always; residencies limited to the estates the viewer sees. */
  private view(row: ResidentRow, principal: Principal): PersonView {
    return {
      id: row.id,
      name: row.name,
      phoneMasked: maskPhone(this.cipher.decrypt('phone', row.phoneCipher)),
      idNumberMasked: row.idNumberCipher === null ? null : maskIdNumber(this.cipher.decrypt('idNumber', row.idNumberCipher)),
      leftAt: row.leftAt?.toISOString() ?? null,
      residencies: row.residencies
        .filter((residency) => this.access.allows(principal, 'estate.read', { estateId: residency.estateId }))
        .map((residency) => ({
          id: residency.id,
          unitId: residency.unitId,
          unitLabel: residency.unit.label,
          estateId: residency.estateId,
          kind: residency.kind,
          moveInAt: residency.moveInAt?.toISOString() ?? null,
          endedAt: residency.endedAt?.toISOString() ?? null,
        })),
    };
  }
}
