import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { finishedBackups } from '../backup/backup-writer';
import { takenAt } from '../backup/backup-schedule';
import { engineVersion } from '../common/engine-version';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { DatabaseService } from '../database/database.service';
import { OwnerDatabase } from '../database/owner-database.service';
import { MetricsRepository } from './metrics.repository';

/** Request durations, in seconds: DOMAIN.md's 1 s for a normal page sits between two buckets. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The engine's figures for Prometheus (docs/monitoring.md): HTTP requests by route and status,
 * the job queue, open incidents, the newest backup, the database pools, and Node's own process
 * figures. Labels are routes, kinds and states — never a company, an id or a person.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly durations: Histogram<'method' | 'route'>;
  private readonly jobs: Gauge<'kind' | 'status'>;
  private readonly oldestDue: Gauge<'kind'>;
  private readonly incidents: Gauge<'kind'>;
  private readonly connections: Gauge<'pool' | 'state'>;

  constructor(
    @Inject(ENGINE_CONFIG) config: EngineConfig,
    private readonly repository: MetricsRepository,
    private readonly database: DatabaseService,
    private readonly owner: OwnerDatabase,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    new Gauge({ name: 'estateflow_info', help: 'The running engine, by version.', labelNames: ['version'], registers }).set(
      { version: engineVersion() },
      1,
    );
    this.requests = new Counter({
      name: 'estateflow_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.durations = new Histogram({
      name: 'estateflow_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route pattern.',
      labelNames: ['method', 'route'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.jobs = new Gauge({
      name: 'estateflow_jobs',
      help: 'Jobs (timers and side effects) waiting or running, by kind and status.',
      labelNames: ['kind', 'status'],
      registers,
    });
    this.oldestDue = new Gauge({
      name: 'estateflow_job_oldest_due_seconds',
      help: 'How long the oldest due job of each kind has waited to run (0: none waiting).',
      labelNames: ['kind'],
      registers,
    });
    this.incidents = new Gauge({
      name: 'estateflow_incidents_open',
      help: 'Incidents staff have not resolved yet, by kind.',
      labelNames: ['kind'],
      registers,
    });
    this.connections = new Gauge({
      name: 'estateflow_database_connections',
      help: 'Connections of each database pool: open, idle, and requests waiting for one.',
      labelNames: ['pool', 'state'],
      registers,
    });
    new Gauge({
      name: 'estateflow_backup_last_success_timestamp_seconds',
      help: 'When the newest finished backup in the backup folder was taken (0: none yet).',
      registers,
      collect() {
        const newest = finishedBackups(config.backups.dir).at(-1);
        const at = newest === undefined ? null : takenAt(newest);
        this.set(at === null ? 0 : at.getTime() / 1000);
      },
    });
  }

  /** One answered request; `route` is the route's pattern ("/api/instances/:id/events"), never its path. */
  observeRequest(input: { method: string; route: string | undefined; status: number; seconds: number }): void {
    const route = input.route ?? 'unmatched';
    this.requests.inc({ method: input.method, route, status: String(input.status) });
    this.durations.observe({ method: input.method, route }, input.seconds);
  }

  /** The exposition text: the pools as they are before the scrape's own queries, then the figures read from the database. */
  async text(): Promise<string> {
    const pools = { tenant: this.database.pool, event: this.database.eventPool, owner: this.owner.pool };
    for (const [pool, figures] of Object.entries(pools)) {
      this.connections.set({ pool, state: 'open' }, figures.totalCount);
      this.connections.set({ pool, state: 'idle' }, figures.idleCount);
      this.connections.set({ pool, state: 'waiting' }, figures.waitingCount);
    }
    const [jobs, incidents] = await Promise.all([this.repository.jobs(), this.repository.openIncidents()]);
    this.jobs.reset();
    this.oldestDue.reset();
    for (const row of jobs) {
      this.jobs.set({ kind: row.kind, status: row.status }, row.count);
      if (row.status === 'pending') this.oldestDue.set({ kind: row.kind }, row.oldestDueSeconds);
    }
    this.incidents.reset();
    for (const row of incidents) this.incidents.set({ kind: row.kind }, row.count);
    return this.registry.metrics();
  }
}
