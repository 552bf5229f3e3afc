import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';

export interface BucketState {
  count: number;
  /** Seconds until the window ends and the count starts again. */
  resetsInSeconds: number;
}

/**
 * Fixed-window counters in PostgreSQL (RateLimitBucket), so that every engine process shares
 * them. The database clock decides windows: processes may disagree about time, the database not.
 */
@Injectable()
export class RateLimitRepository {
  constructor(private readonly database: DatabaseService) {}

  async hit(input: { key: string; windowSeconds: number }): Promise<BucketState> {
    const result = await this.database.pool.query<{ count: number; resets: string }>(
      `INSERT INTO "RateLimitBucket" AS b ("key", "windowStart", "count") VALUES ($1, now(), 1)
       ON CONFLICT ("key") DO UPDATE SET
         "count" = CASE WHEN b."windowStart" <= now() - make_interval(secs => $2) THEN 1 ELSE b."count" + 1 END,
         "windowStart" = CASE WHEN b."windowStart" <= now() - make_interval(secs => $2) THEN now() ELSE b."windowStart" END
       RETURNING "count", ceil(extract(epoch FROM "windowStart" + make_interval(secs => $2) - now()))::text AS resets`,
      [input.key, input.windowSeconds],
    );
    const row = result.rows[0];
    return { count: row?.count ?? 1, resetsInSeconds: Math.max(1, Number(row?.resets ?? input.windowSeconds)) };
  }

  async peek(input: { key: string; windowSeconds: number }): Promise<BucketState> {
    const result = await this.database.pool.query<{ count: number; resets: string }>(
      `SELECT "count", ceil(extract(epoch FROM "windowStart" + make_interval(secs => $2) - now()))::text AS resets
       FROM "RateLimitBucket" WHERE "key" = $1 AND "windowStart" > now() - make_interval(secs => $2)`,
      [input.key, input.windowSeconds],
    );
    const row = result.rows[0];
    return row ? { count: row.count, resetsInSeconds: Math.max(1, Number(row.resets)) } : { count: 0, resetsInSeconds: 0 };
  }

  async reset(key: string): Promise<void> {
    await this.database.pool.query('DELETE FROM "RateLimitBucket" WHERE "key" = $1', [key]);
  }

  /** Forgets windows that ended long ago; cheap enough to run now and then on the request path. */
  async purgeOld(): Promise<void> {
    await this.database.pool.query(`DELETE FROM "RateLimitBucket" WHERE "windowStart" < now() - interval '1 day'`);
  }
}
