import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { TenantDatabase } from '../database/tenant-database.service';
import type { ImportStatus } from '../generated/prisma/enums';
import type { ImportSnapshot } from './import-plan';

export interface ImportBatchRow {
  id: string;
  companyId: string;
  estateId: string;
  createdById: string | null;
  fileName: string;
  status: ImportStatus;
  headers: unknown;
  rows: unknown;
  mapping: unknown;
  options: unknown;
  warnings: unknown;
  totalRows: number;
  processedRows: number;
  preview: unknown;
  rowErrors: unknown;
  failure: string | null;
  createdAt: Date;
  updatedAt: Date;
  committedAt: Date | null;
}

/** What a commit writes, with personal data already encrypted and blind-indexed. */
export interface CommitWrite {
  buildings: string[];
  units: { building: string; entrance: number; floor: number; room: string; label: string; floorArea: number | null }[];
  people: {
    id: string;
    name: string;
    phoneCipher: string;
    phoneIndex: string;
    idNumberCipher: string | null;
    idNumberIndex: string | null;
  }[];
  idNumbers: { personId: string; idNumberCipher: string; idNumberIndex: string }[];
  residencies: { personId: string; unitKey: string; kind: 'owner' | 'tenant'; moveInAt: Date | null }[];
  floorAreas: { unitKey: string; floorArea: number }[];
}

const CHUNK = 2_000;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += CHUNK) result.push(items.slice(index, index + CHUNK));
  return result;
}

/** Import batches and the bulk writes of a commit, all as the tenant (row-level security on). */
@Injectable()
export class ImportsRepository {
  constructor(private readonly database: TenantDatabase) {}

  create(input: {
    companyId: string;
    estateId: string;
    createdById: string | null;
    fileName: string;
    headers: string[];
    rows: string[][];
    mapping: object;
    warnings: object[];
  }): Promise<ImportBatchRow> {
    return this.database.transaction(
      input.companyId,
      (tx) => tx.importBatch.create({ data: { ...input, totalRows: input.rows.length, status: 'validating' } }),
      { timeoutMs: 60_000 },
    );
  }

  find(input: { companyId: string; id: string }): Promise<ImportBatchRow | null> {
    return this.database.transaction(
      input.companyId,
      (tx) => tx.importBatch.findFirst({ where: { id: input.id, companyId: input.companyId } }),
      { timeoutMs: 60_000 },
    );
  }

  /** The batch without its rows (for polling). */
  findSummary(input: { companyId: string; id: string }): Promise<Omit<ImportBatchRow, 'rows'> | null> {
    return this.database.transaction(input.companyId, (tx) =>
      tx.importBatch.findFirst({
        where: { id: input.id, companyId: input.companyId },
        omit: { rows: true },
      }),
    );
  }

  list(input: { companyId: string; estateId: string }): Promise<Omit<ImportBatchRow, 'rows' | 'rowErrors' | 'headers'>[]> {
    return this.database.transaction(input.companyId, (tx) =>
      tx.importBatch.findMany({
        where: { companyId: input.companyId, estateId: input.estateId },
        omit: { rows: true, rowErrors: true, headers: true },
        orderBy: { createdAt: 'desc' },
        take: 50,
      }),
    );
  }

  /** Moves the batch from one status to another; false when it was not in `from` (another request came first). */
  async transition(input: {
    companyId: string;
    id: string;
    from: ImportStatus[];
    to: ImportStatus;
    changes?: { mapping?: object; options?: object };
  }): Promise<boolean> {
    return this.database.transaction(input.companyId, async (tx) => {
      const result = await tx.importBatch.updateMany({
        where: { id: input.id, companyId: input.companyId, status: { in: input.from } },
        data: { status: input.to, processedRows: 0, updatedAt: new Date(), failure: null, ...input.changes },
      });
      return result.count === 1;
    });
  }

  async storeRows(input: { companyId: string; id: string; rows: { encrypted: string }; totalRows: number }): Promise<void> {
    await this.database.transaction(
      input.companyId,
      async (tx) => {
        await tx.importBatch.updateMany({
          where: { id: input.id, companyId: input.companyId },
          data: { rows: input.rows, totalRows: input.totalRows },
        });
      },
      { timeoutMs: 60_000 },
    );
  }

  async forgetRows(input: { companyId: string; id: string }): Promise<void> {
    await this.database.transaction(input.companyId, async (tx) => {
      await tx.importBatch.updateMany({ where: { id: input.id, companyId: input.companyId }, data: { rows: {}, processedRows: 0 } });
    });
  }

  async progress(input: { companyId: string; id: string; processedRows: number }): Promise<void> {
    await this.database.transaction(input.companyId, async (tx) => {
      await tx.importBatch.updateMany({
        where: { id: input.id, companyId: input.companyId },
        data: { processedRows: input.processedRows, updatedAt: new Date() },
      });
    });
  }

  async finishValidation(input: {
    companyId: string;
    id: string;
    status: 'ready' | 'invalid';
    preview: object;
    rowErrors: object[];
  }): Promise<void> {
    await this.database.transaction(
      input.companyId,
      async (tx) => {
        await tx.importBatch.updateMany({
          where: { id: input.id, companyId: input.companyId, status: 'validating' },
          data: { status: input.status, preview: input.preview, rowErrors: input.rowErrors, processedRows: 0, updatedAt: new Date() },
        });
      },
      { timeoutMs: 60_000 },
    );
  }

  async fail(input: { companyId: string; id: string; status: 'invalid' | 'failed'; failure: string; rowErrors?: object[] }): Promise<void> {
    await this.database.transaction(input.companyId, async (tx) => {
      await tx.importBatch.updateMany({
        where: { id: input.id, companyId: input.companyId },
        data: {
          status: input.status,
          failure: input.failure.slice(0, 2000),
          updatedAt: new Date(),
          ...(input.rowErrors ? { rowErrors: input.rowErrors } : {}),
        },
      });
    });
  }

  /** What the estate and company hold, for matching rows (blind indexes only, nothing decrypted). */
  snapshot(input: { companyId: string; estateId: string }): Promise<ImportSnapshot> {
    return this.database.withClient(input.companyId, async (client) => {
      const [buildings, units, people, residents] = await Promise.all([
        client.query<{ id: string; name: string }>('SELECT id, name FROM "Building" WHERE "companyId" = $1 AND "estateId" = $2', [
          input.companyId,
          input.estateId,
        ]),
        client.query<{ id: string; key: string }>(
          `SELECT u.id, b.name || '|' || u.entrance || '|' || u.room AS key FROM "Unit" u JOIN "Building" b ON b.id = u."buildingId" WHERE u."companyId" = $1 AND u."estateId" = $2`,
          [input.companyId, input.estateId],
        ),
        client.query<{ id: string; name: string; phoneIndex: string; idNumberIndex: string | null }>(
          'SELECT id, name, "phoneIndex", "idNumberIndex" FROM "Person" WHERE "companyId" = $1',
          [input.companyId],
        ),
        client.query<{ personId: string; unitId: string; name: string }>(
          `SELECT r."personId", r."unitId", p.name FROM "Residency" r JOIN "Person" p ON p.id = r."personId" WHERE r."companyId" = $1 AND r."estateId" = $2`,
          [input.companyId, input.estateId],
        ),
      ]);
      return {
        buildings: new Map(buildings.rows.map((row) => [row.name, row.id])),
        units: new Map(units.rows.map((row) => [row.key, row.id])),
        peopleByPhone: new Map(people.rows.map((row) => [row.phoneIndex, { id: row.id, name: row.name }])),
        peopleByIdNumber: new Map(people.rows.flatMap((row) => (row.idNumberIndex === null ? [] : [[row.idNumberIndex, row.id] as const]))),
        peopleWithoutIdNumber: new Set(people.rows.flatMap((row) => (row.idNumberIndex === null ? [row.id] : []))),
        residentsByUnitAndName: new Map(residents.rows.map((row) => [`${row.unitId}|${row.name}`, row.personId])),
      };
    });
  }

  /**
   * Writes everything in ONE transaction: all rows or none (a failure anywhere rolls back every
   * building, unit, person and residency). Progress is reported between chunks on another
   * connection; the batch row itself is marked committed inside the transaction, so a crash
   * after the commit cannot make a retry import twice.
   */
  commit(input: {
    companyId: string;
    estateId: string;
    importId: string;
    write: CommitWrite;
    onProgress: (done: number) => Promise<void>;
  }): Promise<void> {
    const { companyId, estateId, write } = input;
    return this.database.withClient(companyId, async (client) => {
      let done = 0;
      const step = async (count: number) => {
        done += count;
        await input.onProgress(done);
      };
      if (write.buildings.length > 0) {
        await client.query(
          `INSERT INTO "Building" (id, "companyId", "estateId", name) SELECT gen_random_uuid(), $1, $2, name FROM unnest($3::text[]) AS name ON CONFLICT ("estateId", name) DO NOTHING`,
          [companyId, estateId, write.buildings],
        );
      }
      const buildingIds = new Map(
        (
          await client.query<{ id: string; name: string }>('SELECT id, name FROM "Building" WHERE "companyId" = $1 AND "estateId" = $2', [
            companyId,
            estateId,
          ])
        ).rows.map((row) => [row.name, row.id]),
      );
      for (const chunk of chunks(write.units)) {
        await client.query(
          `INSERT INTO "Unit" (id, "companyId", "estateId", "buildingId", entrance, floor, room, label, "floorArea")
           SELECT gen_random_uuid(), $1, $2, u."buildingId", u.entrance, u.floor, u.room, u.label, u."floorArea"
             FROM unnest($3::uuid[], $4::int[], $5::int[], $6::text[], $7::text[], $8::numeric[]) AS u("buildingId", entrance, floor, room, label, "floorArea")
           ON CONFLICT ("buildingId", entrance, room) DO NOTHING`,
          [
            companyId,
            estateId,
            chunk.map((unit) => buildingIds.get(unit.building) ?? null),
            chunk.map((unit) => unit.entrance),
            chunk.map((unit) => unit.floor),
            chunk.map((unit) => unit.room),
            chunk.map((unit) => unit.label),
            chunk.map((unit) => unit.floorArea),
          ],
        );
        await step(chunk.length);
      }
      const unitIds = await unitIdsByKey(client, { companyId, estateId });
      for (const chunk of chunks(write.floorAreas)) {
        await client.query(
          `UPDATE "Unit" AS u SET "floorArea" = v.area FROM unnest($2::uuid[], $3::numeric[]) AS v(id, area) WHERE u.id = v.id AND u."companyId" = $1`,
          [companyId, chunk.map((entry) => unitIds.get(entry.unitKey) ?? null), chunk.map((entry) => entry.floorArea)],
        );
      }
      for (const chunk of chunks(write.people)) {
        await client.query(
          `INSERT INTO "Person" (id, "companyId", name, "phoneCipher", "phoneIndex", "idNumberCipher", "idNumberIndex")
           SELECT p.id, $1, p.name, p."phoneCipher", p."phoneIndex", p."idNumberCipher", p."idNumberIndex"
             FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS p(id, name, "phoneCipher", "phoneIndex", "idNumberCipher", "idNumberIndex")`,
          [
            companyId,
            chunk.map((person) => person.id),
            chunk.map((person) => person.name),
            chunk.map((person) => person.phoneCipher),
            chunk.map((person) => person.phoneIndex),
            chunk.map((person) => person.idNumberCipher),
            chunk.map((person) => person.idNumberIndex),
          ],
        );
        await step(chunk.length);
      }
      for (const chunk of chunks(write.idNumbers)) {
        await client.query(
          `UPDATE "Person" AS p SET "idNumberCipher" = v.cipher, "idNumberIndex" = v.index
             FROM unnest($2::uuid[], $3::text[], $4::text[]) AS v(id, cipher, index) WHERE p.id = v.id AND p."companyId" = $1 AND p."idNumberCipher" IS NULL`,
          [
            companyId,
            chunk.map((entry) => entry.personId),
            chunk.map((entry) => entry.idNumberCipher),
            chunk.map((entry) => entry.idNumberIndex),
          ],
        );
      }
      for (const chunk of chunks(write.residencies)) {
        await client.query(
          `INSERT INTO "Residency" (id, "companyId", "estateId", "personId", "unitId", kind, "moveInAt")
           SELECT gen_random_uuid(), $1, $2, r."personId", r."unitId", r.kind::"ResidencyKind", r."moveInAt"
             FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[]) AS r("personId", "unitId", kind, "moveInAt")
           ON CONFLICT ("personId", "unitId", kind) DO UPDATE SET "endedAt" = NULL`,
          [
            companyId,
            estateId,
            chunk.map((entry) => entry.personId),
            chunk.map((entry) => unitIds.get(entry.unitKey) ?? null),
            chunk.map((entry) => entry.kind),
            chunk.map((entry) => entry.moveInAt),
          ],
        );
        await client.query(`UPDATE "Person" SET "leftAt" = NULL WHERE "companyId" = $1 AND id = ANY($2::uuid[]) AND "leftAt" IS NOT NULL`, [
          companyId,
          chunk.map((entry) => entry.personId),
        ]);
        await step(chunk.length);
      }
      const marked = await client.query(
        `UPDATE "ImportBatch" SET status = 'committed', "committedAt" = now(), "updatedAt" = now() WHERE id = $1 AND "companyId" = $2 AND status = 'committing'`,
        [input.importId, companyId],
      );
      if (marked.rowCount !== 1) throw new Error('The import was no longer waiting to be committed.');
    });
  }

  /** Units of the estate with their people, for the export (ciphertexts; the service masks). */
  exportRows(input: { companyId: string; estateId: string }): Promise<
    {
      building: string;
      entrance: number;
      room: string;
      label: string;
      floorArea: string | null;
      name: string | null;
      phoneCipher: string | null;
      idNumberCipher: string | null;
      kind: string | null;
      moveInAt: Date | null;
    }[]
  > {
    return this.database.withClient(input.companyId, async (client) => {
      const result = await client.query<{
        building: string;
        entrance: number;
        room: string;
        label: string;
        floorArea: string | null;
        name: string | null;
        phoneCipher: string | null;
        idNumberCipher: string | null;
        kind: string | null;
        moveInAt: Date | null;
      }>(
        `SELECT b.name AS building, u.entrance, u.room, u.label, u."floorArea"::text AS "floorArea", p.name, p."phoneCipher", p."idNumberCipher", r.kind::text AS kind, r."moveInAt"
           FROM "Unit" u JOIN "Building" b ON b.id = u."buildingId"
           LEFT JOIN "Residency" r ON r."unitId" = u.id AND r."endedAt" IS NULL
           LEFT JOIN "Person" p ON p.id = r."personId"
          WHERE u."companyId" = $1 AND u."estateId" = $2
          ORDER BY b.name, u.entrance, u.floor, u.room, r.kind, p.name`,
        [input.companyId, input.estateId],
      );
      return result.rows;
    });
  }

  newPersonId(): string {
    return randomUUID();
  }
}

async function unitIdsByKey(client: PoolClient, input: { companyId: string; estateId: string }): Promise<Map<string, string>> {
  const result = await client.query<{ id: string; key: string }>(
    `SELECT u.id, b.name || '|' || u.entrance || '|' || u.room AS key FROM "Unit" u JOIN "Building" b ON b.id = u."buildingId" WHERE u."companyId" = $1 AND u."estateId" = $2`,
    [input.companyId, input.estateId],
  );
  return new Map(result.rows.map((row) => [row.key, row.id]));
}
