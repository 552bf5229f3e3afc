import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { ForbiddenError, NotFoundError, UnprocessableError } from '../common/errors';
import { Clock } from '../timers/clock';
import { NotificationsRepository, type NotificationRow } from './notifications.repository';
import { lintNotificationTemplate } from './templates/lint-notification-template';
import { renderNotificationTemplate } from './templates/render-notification-template';

export interface NotificationView {
  id: string;
  templateKey: string;
  title: string;
  body: string;
  instanceId: string | null;
  estateId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface PreviewRequest {
  template: { title: string; body: string };
  locale: 'zh-CN' | 'en';
  sample: Record<string, unknown>;
}

const PAGE = 50;

function recipientOf(principal: Principal): { recipientKind: 'staff' | 'person'; recipientId: string } {
  return principal.kind === 'person'
    ? { recipientKind: 'person', recipientId: principal.personId }
    : { recipientKind: 'staff', recipientId: principal.userId };
}

function view(row: NotificationRow): NotificationView {
  return { ...row, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null };
}

/** The caller's in-app notifications, and the designer's live preview of a template. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, unreadOnly: boolean): Promise<{ items: NotificationView[]; unread: number }> {
    const me = { companyId: principal.companyId, ...recipientOf(principal) };
    const [rows, unread] = await Promise.all([this.repository.list({ ...me, unreadOnly, limit: PAGE }), this.repository.unreadCount(me)]);
    return { items: rows.map(view), unread };
  }

  async markRead(principal: Principal, id: string): Promise<{ id: string; unread: number }> {
    const me = { companyId: principal.companyId, ...recipientOf(principal) };
    if (!(await this.repository.markRead({ ...me, id, now: this.clock.now() }))) throw new NotFoundError('That notification');
    return { id, unread: await this.repository.unreadCount(me) };
  }

  async markAllRead(principal: Principal): Promise<{ unread: number }> {
    const me = { companyId: principal.companyId, ...recipientOf(principal) };
    await this.repository.markAllRead({ ...me, now: this.clock.now() });
    return { unread: await this.repository.unreadCount(me) };
  }

  /** Renders a template over sample data under exactly the restrictions real notifications have. */
  preview(principal: Principal, request: PreviewRequest): { title: string; body: string } {
    if (principal.kind === 'person') throw new ForbiddenError('Template preview is for staff designing workflows.');
    const problems = [...lintNotificationTemplate(request.template.title), ...lintNotificationTemplate(request.template.body)];
    if (problems.length > 0)
      throw new UnprocessableError(problems[0]?.message[request.locale] ?? 'The template cannot be used.', { problems });
    const context = { now: this.clock.now().toISOString(), ...request.sample };
    return {
      title: renderNotificationTemplate({ source: request.template.title, context, timezone: 'Asia/Shanghai' }),
      body: renderNotificationTemplate({ source: request.template.body, context, timezone: 'Asia/Shanghai' }),
    };
  }
}
