import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { AuditService, auditActorOf } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '../common/errors';
import { Clock } from '../timers/clock';
import { NOTICE_JOB } from './notice-job.handler';
import { type NoticeRow, NoticesRepository } from './notices.repository';
import type { NoticeAudience, NoticeChannel, NoticePreview, NoticeRequest, NoticeStatus, NoticeView } from './notices.types';

/** The sent notices a list shows. */
const LIST_LIMIT = 50;
const MINUTE = 60_000;
/** How far ahead a notice may be scheduled. */
const SCHEDULE_DAYS = 30;

/** The delivery job's key: each resident's delivery extends it (NotificationDispatcher). */
const jobKey = (noticeId: string) => `notice:${noticeId}`;

/** Where a notice stands, from its delivery job. */
function status(row: NoticeRow, now: number): NoticeStatus {
  if (row.withdrawnAt !== null) return 'withdrawn';
  switch (row.deliveryStatus) {
    case 'pending':
      return (row.deliveryAt?.getTime() ?? 0) > now ? 'scheduled' : 'sending';
    case 'running':
      return 'sending';
    case 'failed':
      return 'failed';
    default:
      return 'sent';
  }
}

function view(row: NoticeRow, now: number): NoticeView {
  const sendAt = row.sendAt ?? row.createdAt;
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
    sendAt: sendAt.toISOString(),
    status: status(row, now),
    withdrawn:
      row.withdrawnAt === null
        ? null
        : {
            at: row.withdrawnAt.toISOString(),
            by: row.withdrawnById === null ? null : { id: row.withdrawnById, name: row.withdrawnByName ?? '' },
          },
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
    const checked = await this.checked(principal, estateId, request);
    if (!('content' in checked)) return checked;
    const { content, sendAt } = checked;
    const notice = {
      id: randomUUID(),
      estateId,
      ...content,
      createdById: principal.kind === 'staff' ? principal.userId : null,
      sendAt,
    };
    const createdAt = await this.repository.create({
      ...notice,
      companyId: principal.companyId,
      job: {
        companyId: principal.companyId,
        instanceId: null,
        kind: NOTICE_JOB,
        payload: { noticeId: notice.id },
        dedupeKey: jobKey(notice.id),
        runAt: sendAt ?? this.clock.now(),
      },
    });
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'notice.send',
      estateId,
      target: { type: 'notice', id: notice.id },
      detail: { recipients: notice.recipientCount, channels: notice.channels, sendAt: sendAt?.toISOString() ?? null },
    });
    return view(
      {
        ...notice,
        createdByName: principal.name,
        createdAt,
        withdrawnAt: null,
        withdrawnById: null,
        withdrawnByName: null,
        deliveryStatus: 'pending',
        deliveryAt: sendAt ?? createdAt,
      },
      this.clock.now().getTime(),
    );
  }

  async list(principal: Principal, estateId: string): Promise<NoticeView[]> {
    await this.estateFor(principal, estateId);
    const now = this.clock.now().getTime();
    return (await this.repository.list({ companyId: principal.companyId, estateId, limit: LIST_LIMIT })).map((row) => view(row, now));
  }

  /**
   * Changes a notice that is still scheduled (修改): its text, audience, channels and time (none:
   * at once). One being sent or sent cannot change — withdraw it and send a corrected one. Audited.
   */
  async edit(principal: Principal, estateId: string, noticeId: string, request: NoticeRequest): Promise<NoticeView | NoticePreview> {
    await this.estateFor(principal, estateId);
    const { companyId } = principal;
    const found = await this.repository.inEstate({ companyId, estateId, id: noticeId });
    if (found === null) throw new NotFoundError('That notice');
    const checked = await this.checked(principal, estateId, request);
    if (!('content' in checked)) return checked;
    const { content, sendAt } = checked;
    const changed = await this.repository.edit({
      companyId,
      id: noticeId,
      ...content,
      sendAt,
      now: this.clock.now(),
      jobKey: jobKey(noticeId),
    });
    if (!changed)
      throw new ConflictError(
        `This notice is ${status(found, this.clock.now().getTime()) === 'withdrawn' ? 'withdrawn' : 'being sent or sent'}: only a scheduled notice can be changed. Send a corrected one instead (and withdraw this one if need be).`,
        { reason: 'notScheduled' },
      );
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'notice.edit',
      estateId,
      target: { type: 'notice', id: noticeId },
      detail: { recipients: content.recipientCount, channels: content.channels, sendAt: sendAt?.toISOString() ?? null },
    });
    const row = await this.repository.inEstate({ companyId, estateId, id: noticeId });
    if (row === null) throw new NotFoundError('That notice');
    return view(row, this.clock.now().getTime());
  }

  /**
   * Withdraws a notice (撤回): a scheduled one is never sent; a sent one leaves the residents'
   * in-app messages (SMS and WeChat messages already sent cannot be called back). Audited.
   */
  async withdraw(principal: Principal, estateId: string, noticeId: string): Promise<NoticeView & { removedMessages: number }> {
    await this.estateFor(principal, estateId);
    const { companyId } = principal;
    const found = await this.repository.inEstate({ companyId, estateId, id: noticeId });
    if (found === null) throw new NotFoundError('That notice');
    const result = await this.repository.withdraw({
      companyId,
      id: noticeId,
      byId: principal.kind === 'staff' ? principal.userId : null,
      jobKey: jobKey(noticeId),
    });
    if (result === null) throw new ConflictError('This notice was withdrawn already.', { reason: 'withdrawn' });
    await this.audit.record({
      actor: auditActorOf(principal),
      action: 'notice.withdraw',
      estateId,
      target: { type: 'notice', id: noticeId },
      detail: { removedMessages: result.removed, wasScheduled: (found.sendAt?.getTime() ?? 0) > this.clock.now().getTime() },
    });
    const row = await this.repository.inEstate({ companyId, estateId, id: noticeId });
    if (row === null) throw new NotFoundError('That notice');
    return { ...view(row, this.clock.now().getTime()), removedMessages: result.removed };
  }

  /**
   * A notice as asked for, checked: its time, its audience and who that reaches (none: refused).
   * A dry run's answer is only the count.
   */
  private async checked(
    principal: Principal,
    estateId: string,
    request: NoticeRequest,
  ): Promise<
    | NoticePreview
    | {
        content: { title: string; body: string; audience: NoticeAudience; channels: NoticeChannel[]; recipientCount: number };
        sendAt: Date | null;
      }
  > {
    const sendAt = this.sendAt(request.sendAt);
    const audience = await this.audience(principal, estateId, request.audience ?? {});
    const recipients = await this.repository.recipients({ companyId: principal.companyId, estateId, audience });
    if (request.dryRun === true) return { recipientCount: recipients.length };
    if (recipients.length === 0)
      throw new UnprocessableError('No resident lives where this notice is addressed; widen the buildings or floors.', {
        fields: [{ field: 'audience', message: 'No resident lives here.' }],
      });
    return {
      content: {
        title: request.title.trim(),
        body: request.body.trim(),
        audience,
        channels: [...new Set<NoticeChannel>(request.channels ?? ['inApp'])],
        recipientCount: recipients.length,
      },
      sendAt,
    };
  }

  /** A requested send time, checked: from a minute to SCHEDULE_DAYS ahead; null: at once. */
  private sendAt(raw: string | undefined): Date | null {
    if (raw === undefined) return null;
    const at = new Date(raw);
    const now = this.clock.now().getTime();
    if (Number.isNaN(at.getTime()) || at.getTime() < now + MINUTE || at.getTime() > now + SCHEDULE_DAYS * 24 * 60 * MINUTE)
      throw new ValidationError(`"sendAt" must be a time from a minute to ${SCHEDULE_DAYS} days from now; leave it out to send at once.`, {
        fields: [{ field: 'sendAt', message: `from a minute to ${SCHEDULE_DAYS} days ahead` }],
      });
    return at;
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
