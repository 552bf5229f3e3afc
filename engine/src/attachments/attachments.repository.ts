import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import type { PrincipalKind } from '../generated/prisma/enums';

export interface AttachmentRow {
  id: string;
  companyId: string;
  estateId: string;
  instanceId: string | null;
  uploadedKind: PrincipalKind;
  uploadedById: string | null;
  fileName: string;
  contentType: string;
  size: number;
  storageKey: string;
  createdAt: Date;
}

/** Attachment rows, and the instance facts that decide who may see one. */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly database: DatabaseService) {}

  create(input: Omit<AttachmentRow, 'id' | 'createdAt'> & { sha256: string }): Promise<AttachmentRow> {
    return this.database.prisma.attachment.create({ data: input });
  }

  find(input: { companyId: string; id: string }): Promise<AttachmentRow | null> {
    return this.database.prisma.attachment.findFirst({ where: { id: input.id, companyId: input.companyId } });
  }

  instance(input: { companyId: string; id: string }): Promise<{ estateId: string; requesterPersonId: string | null } | null> {
    return this.database.prisma.instance.findFirst({
      where: { id: input.id, companyId: input.companyId },
      select: { estateId: true, requesterPersonId: true },
    });
  }

  estateExists(input: { companyId: string; id: string }): Promise<boolean> {
    return this.database.prisma.estate.count({ where: { id: input.id, companyId: input.companyId } }).then((count) => count > 0);
  }
}
