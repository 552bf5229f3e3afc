import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { OwnerDatabase } from '../database/owner-database.service';

export interface ScheduleRow {
  id: string;
  companyId: string;
  estateId: string;
  workflowKey: string;
  name: string;
  rule: unknown;
  data: unknown;
  nextRunAt: Date;
  active: boolean;
  createdAt: Date;
}

/** Schedule rows, and turning due ones into start jobs. */
@Injectable()
export class SchedulesRepository {
  constructor(
    private readonly database: DatabaseService,
    private readonly owner: OwnerDatabase,
  ) {}

  list(input: { companyId: string; estateId: string }): Promise<ScheduleRow[]> {
    return this.database.prisma.schedule.findMany({
      where: { companyId: input.companyId, estateId: input.estateId },
      orderBy: { createdAt: 'asc' },
    });
  }

  find(input: { companyId: string; id: string }): Promise<ScheduleRow | null> {
    return this.database.prisma.schedule.findFirst({ where: { id: input.id, companyId: input.companyId } });
  }

  estate(input: { companyId: string; estateId: string }): Promise<{ timezone: string } | null> {
    return this.database.prisma.estate.findFirst({ where: { id: input.estateId, companyId: input.companyId }, select: { timezone: true } });
  }

  create(input: {
    companyId: string;
    estateId: string;
    workflowKey: string;
    name: string;
    rule: object;
    data: object;
    nextRunAt: Date;
    active: boolean;
  }): Promise<ScheduleRow> {
    return this.database.prisma.schedule.create({ data: input });
  }

  async update(input: {
    companyId: string;
    id: string;
    changes: { name?: string; rule?: object; data?: object; nextRunAt?: Date; active?: boolean };
  }): Promise<ScheduleRow | null> {
    const { count } = await this.database.prisma.schedule.updateMany({
      where: { id: input.id, companyId: input.companyId },
      data: input.changes,
    });
    return count === 0 ? null : this.find(input);
  }

  async remove(input: { companyId: string; id: string }): Promise<boolean> {
    const { count } = await this.database.prisma.schedule.deleteMany({ where: { id: input.id, companyId: input.companyId } });
    return count > 0;
  }

  /**
   * In one transaction: takes due schedules (SKIP LOCKED, so processes share the work), asks
   * `nextRun` when each runs next, moves it on and enqueues a start job keyed by the run's time —
   * so a run is started once however many processes race for it.
   */
  async advanceDue(input: { now: Date; limit: number; nextRun: (schedule: ScheduleRow & { timezone: string }) => Date }): Promise<number> {
    // Owner: the sweep finds due schedules in every company; it only moves them on and enqueues
    // start jobs, which then run as their company.
    const client = await this.owner.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<ScheduleRow & { timezone: string }>(
        `SELECT s.id, s."companyId", s."estateId", s."workflowKey", s.name, s.rule, s.data, s."nextRunAt", s.active, s."createdAt", e.timezone
         FROM "Schedule" s JOIN "Estate" e ON e.id = s."estateId"
         WHERE s.active AND s."nextRunAt" <= $1
         ORDER BY s."nextRunAt" LIMIT $2
         FOR UPDATE OF s SKIP LOCKED`,
        [input.now, input.limit],
      );
      for (const schedule of rows) {
        let next: Date;
        try {
          next = input.nextRun(schedule);
        } catch {
          // A rule that cannot be followed stops its schedule rather than spinning.
          await client.query(`UPDATE "Schedule" SET active = false WHERE id = $1`, [schedule.id]);
          continue;
        }
        await client.query(`UPDATE "Schedule" SET "nextRunAt" = $2 WHERE id = $1`, [schedule.id, next]);
        await client.query(
          `INSERT INTO "Job" ("companyId", kind, payload, "dedupeKey", "runAt")
           VALUES ($1, 'schedule_start', $2, $3, $4)
           ON CONFLICT ("dedupeKey") DO NOTHING`,
          [
            schedule.companyId,
            JSON.stringify({
              scheduleId: schedule.id,
              estateId: schedule.estateId,
              workflowKey: schedule.workflowKey,
              data: schedule.data,
              runAt: schedule.nextRunAt.toISOString(),
            }),
            `schedule:${schedule.id}:${schedule.nextRunAt.toISOString()}`,
            input.now,
          ],
        );
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
