import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { EstatesService } from '../admin/estates.service';
import { AuditService, auditActorOf } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { ConflictError, ForbiddenError, UnprocessableError, ValidationError } from '../common/errors';
import { JobQueue } from '../jobs/job-queue';
import { maskIdNumber, maskPhone } from '../privacy/masking';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { Clock } from '../timers/clock';
import { autoMap, type ColumnMapping, MAPPING_PRESETS, type MappingPreset } from './column-mapping';
import {
  type ImportOptions,
  type ImportPreview,
  maskCell,
  readErrors,
  readMapping,
  readNotes,
  readOptions,
  readPreview,
  readRows,
  readStrings,
} from './import-batch';
import { MAX_IMPORT_BYTES } from './import-limits';
import type { RowError } from './import-row';
import { errorReportWorkbook, exportWorkbook } from './import-workbooks';
import { COMMIT_JOB, ImportProcessor, VALIDATE_JOB } from './import-processor';
import { type ImportBatchRow, ImportsRepository } from './imports.repository';
import { readSpreadsheet, type ReaderNote, SpreadsheetError } from './spreadsheet-reader';
import { isUploadedFile } from '../common/uploaded-file';

export interface ImportView {
  id: string;
  estateId: string;
  fileName: string;
  status: ImportBatchRow['status'];
  headers: string[];
  /** The first rows as read, phone and ID numbers masked, to check the mapping against. */
  sample: string[][];
  mapping: ColumnMapping;
  options: ImportOptions;
  notes: ReaderNote[];
  totalRows: number;
  processedRows: number;
  /** 0–1 while validating or committing. */
  progress: number;
  preview: ImportPreview;
  errors: RowError[];
  failure: string | null;
  createdAt: string;
  committedAt: string | null;
}

const SHOWN_ERRORS = 200;

function displayName(original: string): string {
  // eslint-disable-next-line no-control-regex
  return (
    (original.split(/[\\/]/).pop() ?? '')
      // Control characters and quotes would break the Content-Disposition header.
      // oxlint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f"]/g, '')
      .trim()
      .slice(0, 200) || 'import'
  );
}

/**
 * Owners and units from .xlsx or CSV: upload → column mapping (presets) → validation and a
 * preview with duplicates → commit, all or nothing, as durable jobs with progress → an error
 * report as .xlsx; and the same layout exported. Estate managers and company admins.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly repository: ImportsRepository,
    private readonly estates: EstatesService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly processor: ImportProcessor,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
  ) {}

  presets(): MappingPreset[] {
    return MAPPING_PRESETS;
  }

  async upload(principal: Principal, input: { estateId: string; file: unknown }): Promise<ImportView> {
    await this.estates.estateFor(principal, { estateId: input.estateId, action: 'import.run' });
    if (!isUploadedFile(input.file))
      throw new ValidationError('Choose a file to upload (form field "file").', { fields: [{ field: 'file', message: 'required' }] });
    if (input.file.size > MAX_IMPORT_BYTES)
      throw new UnprocessableError(
        `The file is ${(input.file.size / 1024 / 1024).toFixed(1)} MB; at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was imported.`,
      );
    let content;
    try {
      content = await readSpreadsheet({ fileName: input.file.originalname, bytes: input.file.buffer });
    } catch (error) {
      if (error instanceof SpreadsheetError)
        throw new UnprocessableError(`${error.message} Nothing was imported.`, { reason: error.message });
      throw error;
    }
    const batch = await this.repository.create({
      companyId: principal.companyId,
      estateId: input.estateId,
      createdById: principal.kind === 'person' ? null : principal.userId,
      fileName: displayName(input.file.originalname),
      headers: content.headers,
      rows: [],
      mapping: autoMap(content.headers),
      warnings: content.notes,
    });
    // Rows are sealed (they hold phone and ID numbers) before they are stored.
    await this.repository.storeRows({
      companyId: principal.companyId,
      id: batch.id,
      rows: this.processor.seal(content.rows),
      totalRows: content.rows.length,
    });
    await this.enqueue({ companyId: principal.companyId, kind: VALIDATE_JOB, importId: batch.id });
    return this.get(principal, batch.id);
  }

  async list(principal: Principal, estateId: string): Promise<Omit<ImportView, 'headers' | 'sample' | 'errors'>[]> {
    await this.estates.estateFor(principal, { estateId, action: 'import.run' });
    const rows = await this.repository.list({ companyId: principal.companyId, estateId });
    return rows.map((row) => ({ ...this.summary(row), mapping: readMapping(row.mapping) }));
  }

  async get(principal: Principal, importId: string): Promise<ImportView> {
    const batch = await this.batchFor(principal, importId);
    const sample = readRows(batch.rows, this.cipher)
      .slice(0, 5)
      .map((row) => row.map(maskCell));
    return {
      ...this.summary(batch),
      headers: readStrings(batch.headers),
      sample,
      errors: readErrors(batch.rowErrors).slice(0, SHOWN_ERRORS),
    };
  }

  /** A new mapping or duplicate choices: validated again in the background. */
  async remap(
    principal: Principal,
    input: { importId: string; mapping?: ColumnMapping; onDuplicate?: 'merge' | 'skip'; decisions?: Record<string, 'merge' | 'skip'> },
  ): Promise<ImportView> {
    const batch = await this.batchFor(principal, input.importId);
    const options = readOptions(batch.options);
    const moved = await this.repository.transition({
      companyId: principal.companyId,
      id: batch.id,
      from: ['ready', 'invalid', 'failed'],
      to: 'validating',
      changes: {
        mapping: input.mapping ?? readMapping(batch.mapping),
        options: { onDuplicate: input.onDuplicate ?? options.onDuplicate, decisions: { ...options.decisions, ...input.decisions } },
      },
    });
    if (!moved) throw new ConflictError(`This import is ${batch.status}; it can be changed only when its preview is ready.`);
    await this.enqueue({ companyId: principal.companyId, kind: VALIDATE_JOB, importId: batch.id });
    return this.get(principal, batch.id);
  }

  /** Commits a ready preview: every row in one transaction, or none. */
  async commit(principal: Principal, importId: string): Promise<ImportView> {
    const batch = await this.batchFor(principal, importId);
    if (batch.status === 'invalid')
      throw new UnprocessableError(
        'Some rows have errors: fix them in the file (see the error report) and upload it again. Nothing was imported.',
      );
    const moved = await this.repository.transition({ companyId: principal.companyId, id: batch.id, from: ['ready'], to: 'committing' });
    if (!moved) throw new ConflictError(`This import is ${batch.status}; only a ready preview can be committed.`);
    await this.enqueue({ companyId: principal.companyId, kind: COMMIT_JOB, importId: batch.id });
    return this.get(principal, batch.id);
  }

  async errorReport(principal: Principal, importId: string): Promise<{ fileName: string; content: Buffer }> {
    const batch = await this.batchFor(principal, importId);
    const errors = readErrors(batch.rowErrors);
    return {
      fileName: `errors-${batch.fileName.replace(/\.[^.]+$/, '')}.xlsx`,
      content: await errorReportWorkbook({ fileName: batch.fileName, errors, total: readPreview(batch.preview).errorCount }),
    };
  }

  /**
   * The estate's units and residents in the import layout. Phone and ID numbers are masked;
   * `full` (company admins only, audited as a bulk read of personal data) writes them in full.
   */
  async export(principal: Principal, input: { estateId: string; full: boolean }): Promise<{ fileName: string; content: Buffer }> {
    const estate = await this.estates.estateFor(principal, { estateId: input.estateId, action: 'import.run' });
    if (input.full && !this.access.allows(principal, 'audit.read'))
      throw new ForbiddenError('Only a company admin may export full phone and ID numbers.');
    const rows = await this.repository.exportRows({ companyId: principal.companyId, estateId: input.estateId });
    const reveal = (field: 'phone' | 'idNumber', cipher: string | null) => {
      if (cipher === null) return '';
      const value = this.cipher.decrypt(field, cipher);
      return input.full ? value : field === 'phone' ? maskPhone(value) : maskIdNumber(value);
    };
    const content = await exportWorkbook(
      rows.map((row) => ({
        building: row.building,
        entrance: row.entrance,
        room: row.room,
        name: row.name ?? '',
        phone: reveal('phone', row.phoneCipher),
        idNumber: reveal('idNumber', row.idNumberCipher),
        kind: row.kind === 'tenant' ? '租户' : row.kind === 'owner' ? '业主' : '',
        floorArea: row.floorArea === null ? null : Number(row.floorArea),
        moveInAt: row.moveInAt?.toISOString().slice(0, 10) ?? '',
      })),
    );
    await this.audit.record({
      actor: auditActorOf(principal),
      action: input.full ? 'person.export_full' : 'estate.export',
      target: { type: 'estate', id: estate.id },
      estateId: estate.id,
      detail: { rows: rows.length },
    });
    return { fileName: `${estate.code}-owners-${this.clock.now().toISOString().slice(0, 10)}.xlsx`, content };
  }

  private async batchFor(principal: Principal, importId: string): Promise<ImportBatchRow> {
    const batch = await this.repository.find({ companyId: principal.companyId, id: importId });
    if (!batch) throw this.access.hidden({ principal, action: 'import.run', what: 'The import', id: importId });
    this.access.require(principal, 'import.run', { estateId: batch.estateId, what: 'The import' });
    return batch;
  }

  private async enqueue(input: { companyId: string; kind: string; importId: string }): Promise<void> {
    await this.jobs.enqueue([
      {
        companyId: input.companyId,
        instanceId: null,
        kind: input.kind,
        payload: { importId: input.importId },
        dedupeKey: `${input.kind}:${input.importId}:${randomUUID()}`,
        runAt: this.clock.now(),
        maxAttempts: 3,
      },
    ]);
  }

  private summary(row: Omit<ImportBatchRow, 'rows' | 'headers' | 'rowErrors'>): Omit<ImportView, 'headers' | 'sample' | 'errors'> {
    const busy = row.status === 'validating' || row.status === 'committing';
    return {
      id: row.id,
      estateId: row.estateId,
      fileName: row.fileName,
      status: row.status,
      mapping: readMapping(row.mapping),
      options: readOptions(row.options),
      notes: readNotes(row.warnings),
      totalRows: row.totalRows,
      processedRows: row.processedRows,
      progress: row.status === 'committed' ? 1 : busy && row.totalRows > 0 ? Math.min(1, row.processedRows / row.totalRows) : 0,
      preview: readPreview(row.preview),
      failure: row.failure,
      createdAt: row.createdAt.toISOString(),
      committedAt: row.committedAt?.toISOString() ?? null,
    };
  }
}
