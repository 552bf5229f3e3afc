import { Injectable } from '@nestjs/common';
import type { PersonalDataKind, PersonalFieldTree } from '@estateflow/model';
import { AccessService } from '../access/access.service';
import { auditActorOf, AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../common/errors';
import { DatabaseService } from '../database/database.service';
import {
  type FormToken,
  formTokens,
  maskFormTokens,
  parseFormToken,
  textTokens,
  unsealFormData,
  unsealText,
} from '../privacy/form-personal-data';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { maySeeInstance } from './instance-actor';
import type { InstanceRecord } from './instance-record';
import { InstanceReaderRepository } from './instance-reader.repository';

/** The value at a JSON pointer ("/contactPhone", "/siteManager/phone", "/workers/0/idNumber"). */
function valueAt(data: unknown, pointer: string): unknown {
  if (pointer === '' || !pointer.startsWith('/')) return undefined;
  let value = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(value) && /^\d+$/.test(key)) value = value[Number(key)];
    else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key))
      value = (value as Record<string, unknown>)[key];
    else return undefined;
  }
  return value;
}

function isCompanyAdmin(principal: Principal): boolean {
  return principal.kind === 'staff' && principal.roles.some((held) => held.role === 'company_admin' && held.estateId === null);
}

/**
 * The phone and ID numbers typed into an instance's forms (privacy/form-personal-data.ts) — into a
 * phone or ID number field, or written inside free text — read back in full: by staff who may see people's numbers, by the staff member the request's open
 * task is assigned to (who has to call), and by the requester themself — each read audited.
 * An ID number only by a company admin, as for people (PeopleService.unmask).
 */
@Injectable()
export class PersonalValuesService {
  constructor(
    private readonly reader: InstanceReaderRepository,
    private readonly database: DatabaseService,
    private readonly cipher: PersonalDataCipher,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async unmask(input: {
    principal: Principal;
    instanceId: string;
    path: string;
    reason: string;
  }): Promise<{ path: string; kind: PersonalDataKind | 'text'; value: string }> {
    const record = await this.visibleRecord(input.principal, input.instanceId);
    const stored = valueAt(record.data, input.path);
    // A phone or ID number field holds one token; free text may hold several, written inside it.
    const field = parseFormToken(stored);
    const tokens = field !== null ? [field] : typeof stored === 'string' ? textTokens(stored) : [];
    if (tokens.length === 0)
      throw new ValidationError(`There is no phone or ID number at "${input.path}" in this request's data.`, {
        fields: [{ field: 'path', message: 'not a phone or ID number field of this request, nor text with one written in it' }],
      });
    const kind = field !== null ? field.kind : 'text';
    const plain = await this.read({ ...input, record, tokens, where: `at "${input.path}"`, detail: { path: input.path, kind } });
    const value = field !== null ? (plain.get(field.id) ?? '') : unsealText(String(stored), plain);
    return { path: input.path, kind, value: maskFormTokens(value) };
  }

  /** The comment of the log entry `seq`, with the numbers written in it in full: under the same rules, audited. */
  async unmaskComment(input: {
    principal: Principal;
    instanceId: string;
    seq: number;
    reason: string;
  }): Promise<{ seq: number; kind: 'text'; value: string }> {
    const record = await this.visibleRecord(input.principal, input.instanceId);
    const entry = await this.database.prisma.instanceEvent.findFirst({
      where: { companyId: input.principal.companyId, instanceId: record.id, seq: input.seq },
      select: { comment: true },
    });
    const tokens = entry?.comment == null ? [] : textTokens(entry.comment);
    if (entry?.comment == null || tokens.length === 0)
      throw new ValidationError(`Entry ${input.seq} of this request's timeline has no comment with a phone or ID number in it.`, {
        fields: [{ field: 'seq', message: 'no comment with a phone or ID number in it' }],
      });
    const plain = await this.read({
      ...input,
      record,
      tokens,
      where: `in the comment of entry ${input.seq}`,
      detail: { seq: input.seq, kind: 'text' },
    });
    return { seq: input.seq, kind: 'text', value: maskFormTokens(unsealText(entry.comment, plain)) };
  }

  private async visibleRecord(principal: Principal, instanceId: string): Promise<InstanceRecord> {
    const record = await this.reader.read({ companyId: principal.companyId, instanceId, idempotencyKey: null });
    if (record === null || !maySeeInstance(principal, record)) throw new NotFoundError('That request');
    return record;
  }

  /**
   * The full values of `tokens` (id → value), when the principal may read each kind: only values
   * typed into this request (or passed on from the request that started it). The read is audited.
   */
  private async read(input: {
    principal: Principal;
    record: InstanceRecord;
    tokens: FormToken[];
    reason: string;
    where: string;
    detail: Record<string, unknown>;
  }): Promise<Map<string, string>> {
    const { principal, record, tokens } = input;
    for (const kind of new Set(tokens.map((token) => token.kind))) this.checkMayRead(principal, record, kind);
    const owners = [record.id, ...(record.parentInstanceId === null ? [] : [record.parentInstanceId])];
    const rows = await this.database.prisma.personalValue.findMany({
      where: { id: { in: tokens.map((token) => token.id) }, companyId: principal.companyId, instanceId: { in: owners } },
      select: { id: true, kind: true, cipher: true },
    });
    const found = new Map(rows.map((row) => [row.id, row]));
    if (tokens.some((token) => found.get(token.id)?.kind !== token.kind))
      throw new DomainError(
        'not_found',
        404,
        `The full number ${input.where} is no longer kept: it is erased once the request has been finished for the company's retention period.`,
      );
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'instance.unmask',
      target: { type: 'Instance', id: record.id },
      estateId: record.estateId,
      detail: { ...input.detail, reason: input.reason },
    });
    return new Map(rows.map((row) => [row.id, this.cipher.decrypt(row.kind, row.cipher)]));
  }

  private checkMayRead(principal: Principal, record: InstanceRecord, kind: PersonalDataKind): void {
    if (kind === 'idNumber') {
      if (!isCompanyAdmin(principal)) throw new ForbiddenError('Only a company admin may see a full ID number.');
      return;
    }
    if (principal.kind === 'person') return; // maySeeInstance: their own request
    if (this.access.allows(principal, 'person.unmask', { estateId: record.estateId })) return;
    const assignee = record.tasks.some(
      (task) => task.assigneeUserId === principal.userId && (task.status === 'open' || task.status === 'claimed'),
    );
    if (!assignee) throw new ForbiddenError('Your role may not see full phone numbers; the staff member this request is assigned to may.');
  }

  /**
   * A child workflow's start data with the parent's tokens at the child form's personal fields
   * read back, so that the child's form checks the real value and seals it as its own.
   */
  async unsealFromParent(input: {
    companyId: string;
    parentInstanceId: string;
    data: Record<string, unknown>;
    fields: PersonalFieldTree | null;
  }): Promise<Record<string, unknown>> {
    const ids = formTokens(input.data, input.fields).map((token) => token.id);
    if (ids.length === 0) return input.data;
    const rows = await this.database.prisma.personalValue.findMany({
      where: { id: { in: ids }, companyId: input.companyId, instanceId: input.parentInstanceId },
      select: { id: true, kind: true, cipher: true },
    });
    const plain = new Map(rows.map((row) => [row.id, this.cipher.decrypt(row.kind, row.cipher)]));
    return unsealFormData(input.data, input.fields, plain);
  }
}
