import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { ForbiddenError, NotFoundError, ValidationError } from '../common/errors';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { type WebhookRow, WebhooksRepository } from './webhooks.repository';

export interface WebhookView {
  id: string;
  name: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

export interface CreateWebhookRequest {
  name: string;
  url: string;
  events?: string[];
  active?: boolean;
}

export interface UpdateWebhookRequest {
  name?: string;
  url?: string;
  events?: string[];
  active?: boolean;
  /** true: issue a new signing secret (returned once). */
  rotateSecret?: boolean;
}

function view(row: WebhookRow): WebhookView {
  return { id: row.id, name: row.name, url: row.url, events: row.events, active: row.active, createdAt: row.createdAt.toISOString() };
}

/** Outgoing webhooks, managed by company admins (docs/webhooks.md). */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly repository: WebhooksRepository,
    private readonly cipher: PersonalDataCipher,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async list(principal: Principal): Promise<WebhookView[]> {
    this.assertAdmin(principal);
    return (await this.repository.list(principal.companyId)).map(view);
  }

  /** The signing secret is shown once, here; only its ciphertext is kept. */
  async create(principal: Principal, request: CreateWebhookRequest): Promise<WebhookView & { secret: string }> {
    this.assertAdmin(principal);
    const url = this.checkedUrl(request.url);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const row = await this.repository.create({
      companyId: principal.companyId,
      name: request.name,
      url,
      secretCipher: this.cipher.encrypt('secret', secret),
      events: [...new Set(request.events ?? [])],
      active: request.active ?? true,
    });
    return { ...view(row), secret };
  }

  async update(principal: Principal, id: string, request: UpdateWebhookRequest): Promise<WebhookView & { secret?: string }> {
    this.assertAdmin(principal);
    const secret = request.rotateSecret ? `whsec_${randomBytes(24).toString('base64url')}` : undefined;
    const row = await this.repository.update({
      companyId: principal.companyId,
      id,
      changes: {
        ...(request.name === undefined ? {} : { name: request.name }),
        ...(request.url === undefined ? {} : { url: this.checkedUrl(request.url) }),
        ...(request.events === undefined ? {} : { events: [...new Set(request.events)] }),
        ...(request.active === undefined ? {} : { active: request.active }),
        ...(secret === undefined ? {} : { secretCipher: this.cipher.encrypt('secret', secret) }),
      },
    });
    if (!row) throw new NotFoundError('That webhook');
    return secret === undefined ? view(row) : { ...view(row), secret };
  }

  async remove(principal: Principal, id: string): Promise<void> {
    this.assertAdmin(principal);
    if (!(await this.repository.remove({ companyId: principal.companyId, id }))) throw new NotFoundError('That webhook');
  }

  private assertAdmin(principal: Principal): void {
    if (principal.kind === 'person' || !principal.roles.some((role) => role.estateId === null && role.role === 'company_admin')) {
      throw new ForbiddenError('Only company admins manage webhooks.');
    }
  }

  private checkedUrl(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ValidationError('"url" is not a URL.', { fields: [{ field: 'url', message: 'https://…' }] });
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && this.config.environment !== 'production');
    if (!secure || url.username || url.password) {
      throw new ValidationError('"url" must be an https:// address without credentials.', {
        fields: [{ field: 'url', message: 'https://…' }],
      });
    }
    return url.toString();
  }
}
