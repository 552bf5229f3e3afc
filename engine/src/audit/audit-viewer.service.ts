import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';
import { AuditChainWalker, type ChainProblem } from './audit-chain';
import { type AuditEntryView, type AuditFilter, AuditViewerRepository } from './audit-viewer.repository';

const BATCH = 2_000;

/** The audit viewer for company admins, and the chain check behind `estateflow audit verify`. */
@Injectable()
export class AuditViewerService {
  constructor(
    private readonly repository: AuditViewerRepository,
    private readonly access: AccessService,
  ) {}

  async list(
    principal: Principal,
    filter: Omit<AuditFilter, 'companyId'>,
  ): Promise<{ items: AuditEntryView[]; total: number; page: number; pageSize: number }> {
    this.access.require(principal, 'audit.read');
    const { items, total } = await this.repository.list({ ...filter, companyId: principal.companyId });
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  /** Walks the whole chain; the first problem names its row. */
  async verify(): Promise<{ ok: true; rows: number } | { ok: false; rows: number; problem: ChainProblem }> {
    const walker = new AuditChainWalker();
    let afterId = '0';
    for (;;) {
      const rows = await this.repository.chainBatch({ afterId, limit: BATCH });
      if (rows.length === 0) return { ok: true, rows: walker.rowsChecked };
      const problem = walker.feed(rows);
      if (problem) return { ok: false, rows: walker.rowsChecked, problem };
      afterId = rows[rows.length - 1]?.id ?? afterId;
    }
  }
}
