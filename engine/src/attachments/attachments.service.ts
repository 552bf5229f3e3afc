import { createHash } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { type Principal, rolesInEstate } from '../auth/principal';
import { NotFoundError, UnprocessableError, ValidationError } from '../common/errors';
import { maySeeInstance } from '../instances/instance-actor';
import { detectContentType } from './detect-content-type';
import { AttachmentStorage } from './attachment-storage';
import { type AttachmentRow, AttachmentsRepository } from './attachments.repository';
import { isUploadedFile, type UploadedFile } from '../common/uploaded-file';
export { isUploadedFile, type UploadedFile };

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  url: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A name to show and to offer on download: no folders, no control characters, not too long. */
function displayName(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean || 'file').slice(0, 200);
}

function view(row: AttachmentRow): AttachmentView {
  return { id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size, url: `/api/attachments/${row.id}` };
}

/** Photos and drawings attached to requests (RELIABILITY 15). */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly repository: AttachmentsRepository,
    private readonly storage: AttachmentStorage,
  ) {}

  async upload(principal: Principal, input: { file: unknown; estateId: unknown; instanceId: unknown }): Promise<AttachmentView> {
    if (!isUploadedFile(input.file))
      throw new ValidationError('Choose a file to upload (form field "file").', { fields: [{ field: 'file', message: 'required' }] });
    if (typeof input.estateId !== 'string' || !UUID.test(input.estateId))
      throw new ValidationError('"estateId" is required.', { fields: [{ field: 'estateId', message: 'uuid' }] });
    const instanceId = input.instanceId === undefined || input.instanceId === '' ? null : input.instanceId;
    if (instanceId !== null && (typeof instanceId !== 'string' || !UUID.test(instanceId)))
      throw new ValidationError('"instanceId" is not an id.', { fields: [{ field: 'instanceId', message: 'uuid' }] });
    const estateId = input.estateId;
    if (
      !this.belongsToEstate(principal, estateId) ||
      !(await this.repository.estateExists({ companyId: principal.companyId, id: estateId }))
    )
      throw new NotFoundError('That estate');
    if (instanceId !== null) {
      const instance = await this.repository.instance({ companyId: principal.companyId, id: instanceId });
      if (!instance || instance.estateId !== estateId || !maySeeInstance(principal, instance)) throw new NotFoundError('That request');
    }
    const { file } = input;
    if (file.size > MAX_ATTACHMENT_BYTES || file.buffer.length > MAX_ATTACHMENT_BYTES)
      throw new UnprocessableError('The file is larger than 10 MB.');
    const contentType = detectContentType(file.buffer);
    if (contentType === null)
      throw new UnprocessableError('Only photos (JPEG, PNG, WebP, HEIC) and PDF drawings can be attached; this file is none of them.');
    const storageKey = await this.storage.save(file.buffer);
    try {
      const row = await this.repository.create({
        companyId: principal.companyId,
        estateId,
        instanceId,
        uploadedKind: principal.kind,
        uploadedById: principal.kind === 'person' ? principal.personId : principal.userId,
        fileName: displayName(file.originalname),
        contentType,
        size: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        storageKey,
      });
      return view(row);
    } catch (error) {
      await this.storage.remove(storageKey);
      throw error;
    }
  }

  /** The file, to those who may see its request; to anyone else it does not exist. */
  async open(principal: Principal, id: string): Promise<{ attachment: AttachmentView; stream: ReadStream }> {
    const row = await this.repository.find({ companyId: principal.companyId, id });
    if (!row || !(await this.maySee(principal, row))) throw new NotFoundError('That file');
    return { attachment: view(row), stream: this.storage.open(row.storageKey) };
  }

  private async maySee(principal: Principal, row: AttachmentRow): Promise<boolean> {
    if (row.instanceId !== null) {
      const instance = await this.repository.instance({ companyId: principal.companyId, id: row.instanceId });
      if (instance && maySeeInstance(principal, instance)) return true;
    } else if (principal.kind !== 'person' && rolesInEstate(principal, row.estateId).length > 0) {
      return true;
    }
    // Not yet attached to a request (or the uploader's own): the uploader still sees it.
    const me = principal.kind === 'person' ? principal.personId : principal.userId;
    return row.uploadedById === me && (row.uploadedKind === 'person') === (principal.kind === 'person');
  }

  private belongsToEstate(principal: Principal, estateId: string): boolean {
    if (principal.kind === 'person') return principal.units.some((unit) => unit.estateId === estateId);
    return rolesInEstate(principal, estateId).length > 0;
  }
}
