import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { AuditRepository } from './audit.repository';
import type { JsonValue } from './canonical-json';

export interface AuditActor {
  kind: 'staff' | 'person' | 'api_token' | 'system';
  id: string | null;
  companyId: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  /** Dotted verb, e.g. "auth.login", "auth.login_failed", "person.unmask". */
  action: string;
  target?: { type: string; id: string };
  estateId?: string;
  /** Never personal data in plaintext: the log is kept longer than anything else. */
  detail?: { [key: string]: JsonValue };
  ip?: string;
}

/** The audit actor a principal stands for. */
export function auditActorOf(principal: Principal): AuditActor {
  switch (principal.kind) {
    case 'staff':
      return { kind: 'staff', id: principal.userId, companyId: principal.companyId };
    case 'person':
      return { kind: 'person', id: principal.personId, companyId: principal.companyId };
    case 'api_token':
      return { kind: 'api_token', id: principal.tokenId, companyId: principal.companyId };
  }
}

/**
 * The append-only, hash-chained audit trail (RELIABILITY.md 20): who signed in or out, who read
 * personal data in full. A viewer and a verify command read the same chain.
 */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  record(entry: AuditEntry): Promise<void> {
    return this.repository.append({
      companyId: entry.actor.companyId,
      estateId: entry.estateId ?? null,
      actorKind: entry.actor.kind,
      actorId: entry.actor.id,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      detail: entry.detail ?? {},
      ip: entry.ip ?? null,
      createdAt: new Date(),
    });
  }
}
