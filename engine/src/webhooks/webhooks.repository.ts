import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';

export interface WebhookRow {
  id: string;
  companyId: string;
  name: string;
  url: string;
  secretCipher: string;
  events: string[];
  active: boolean;
  createdAt: Date;
}

/** Webhook registrations of a company. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly database: DatabaseService) {}

  list(companyId: string): Promise<WebhookRow[]> {
    return this.database.prisma.webhook.findMany({ where: { companyId }, orderBy: { createdAt: 'asc' } });
  }

  find(input: { companyId: string; id: string }): Promise<WebhookRow | null> {
    return this.database.prisma.webhook.findFirst({ where: { id: input.id, companyId: input.companyId } });
  }

  /** Active webhooks that take this event (an empty list of events means every event). */
  subscribedTo(input: { companyId: string; event: string }): Promise<WebhookRow[]> {
    return this.database.prisma.webhook.findMany({
      where: { companyId: input.companyId, active: true, OR: [{ events: { isEmpty: true } }, { events: { has: input.event } }] },
    });
  }

  create(input: {
    companyId: string;
    name: string;
    url: string;
    secretCipher: string;
    events: string[];
    active: boolean;
  }): Promise<WebhookRow> {
    return this.database.prisma.webhook.create({ data: input });
  }

  async update(input: {
    companyId: string;
    id: string;
    changes: { name?: string; url?: string; events?: string[]; active?: boolean; secretCipher?: string };
  }): Promise<WebhookRow | null> {
    const { count } = await this.database.prisma.webhook.updateMany({
      where: { id: input.id, companyId: input.companyId },
      data: input.changes,
    });
    return count === 0 ? null : this.find(input);
  }

  async remove(input: { companyId: string; id: string }): Promise<boolean> {
    const { count } = await this.database.prisma.webhook.deleteMany({ where: { id: input.id, companyId: input.companyId } });
    return count > 0;
  }
}
