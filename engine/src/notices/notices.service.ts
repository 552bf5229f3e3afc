import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { AuditService, auditActorOf } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { UnprocessableError, ValidationError } from '../common/errors';
import { Clock } from '../timers/clock';
import { NOTICE_JOB } from './notice-job.handler';
import { type NoticeRow, NoticesRepository } from './notices.repository';
import type { NoticeAudience, NoticeChannel, NoticePreview, NoticeRequest, NoticeView } from './notices.types';

/** The sent notices a list shows. */
const LIST_LIMIT = 50;

function view(row: NoticeRow): NoticeView {
  return {
    id: row.id,
    estateId: row.estateId,
    title: row.title,
    body: row.body,
    audience: row.audience as NoticeAudience,
    channels: row.channels as NoticeChannel[],
    recipientCount: row.recipientCount,
    createdBy: row.createdById === null ? null : { id: row.createdById, name: row.createdByName ?? '' },
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Notices (公告) to residents (DOMAIN.md: "notices to owners, grouped — only the high floors for a
 * lift outage — by in-app message, SMS or WeChat template message"). Sending stores the notice and
 * its delivery job in one transaction; the job delivers to every resident the audience reaches
 * (engine/src/notices/notice-job.handler.ts), each once.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly repository: NoticesRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async send(principal: Principal, estateId: string, request: NoticeRequest): Promise<NoticeView | NoticePreview> {
    await this.estateFor(principal, estateId);
    const audience = await this.audience(principal, estateId, request.audience ?? {});
    const recipients = await this.repository.recipients({ companyId: principal.companyId, estateId, audience });
    if (request.dryRun === true) return { recipientCount: recipients.length };
    if (recipients.length === 0)
      throw new UnprocessableError('No resident lives where this notice is addressed; widen the buildings or floors.', {
        fields: [{ field: 'audience', message: 'No resident lives here.' }],
      });
    const notice = {
      id: randomUUID(),
      estateId,
      title: request.title.trim(),
      body: request.body.trim(),
      audience,
      channels: [...new Set<NoticeChannel>(request.channels ?? ['inApp'])],
      recipientCount: recipients.length,
      createdById: principal.kind === 'staff' ? principal.userId : null,
    };
    const createdAt = await this.repository.create({
      ...notice,
      companyId: principal.companyId,
      job: {
        companyId: principal.companyId,
        instanceId: null,
        kind: NOTICE_JOB,
        payload: { noticeId: notice.id },
        dedupeKey: `notice:${notice.id}`,
        runAt: this.clock.now(),
      },
    });
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'notice.send',
      estateId,
      target: { type: 'notice', id: notice.id },
      detail: { recipients: recipients.length, channels: notice.channels },
    });
    return view({ ...notice, createdByName: principal.name, createdAt });
  }

  async list(principal: Principal, estateId: string): Promise<NoticeView[]> {
    await this.estateFor(principal, estateId);
    return (await this.repository.list({ companyId: principal.companyId, estateId, limit: LIST_LIMIT })).map(view);
  }

  private async estateFor(principal: Principal, estateId: string): Promise<void> {
    this.access.require(principal, 'notice.send', { estateId, what: 'The estate' });
    const estate = await this.repository.estate({ companyId: principal.companyId, estateId });
    if (estate === null) throw this.access.hidden({ principal, action: 'notice.send', what: 'The estate', id: estateId });
  }

  /** The audience with its buildings checked against the estate and its floors in order. */
  private async audience(principal: Principal, estateId: string, audience: NoticeAudience): Promise<NoticeAudience> {
    const result: NoticeAudience = {};
    if (audience.buildingIds !== undefined && audience.buildingIds.length > 0) {
      const ids = [...new Set(audience.buildingIds)];
      const found = await this.repository.buildingsOf({ companyId: principal.companyId, estateId, buildingIds: ids });
      const unknown = ids.filter((id) => !found.has(id));
      if (unknown.length > 0)
        throw new UnprocessableError(`Building ${unknown.join(', ')} is not a building of this estate.`, {
          fields: [{ field: 'audience.buildingIds', message: 'Not a building of this estate.' }],
        });
      result.buildingIds = ids;
    }
    const from = audience.floors?.from;
    const to = audience.floors?.to;
    if (from !== undefined && to !== undefined && from > to)
      throw new ValidationError(`Floors from ${from} to ${to}: the first floor is above the last.`, {
        fields: [{ field: 'audience.floors', message: 'The first floor is above the last.' }],
      });
    if (from !== undefined || to !== undefined)
      result.floors = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
    return result;
  }
}
