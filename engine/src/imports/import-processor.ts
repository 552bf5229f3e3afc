import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { type ClaimedJob, ObsoleteJobError } from '../jobs/job';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { mappingProblems } from './column-mapping';
import { maskCell, readMapping, readOptions, readRows, readStrings, sealRows } from './import-batch';
import { MAX_REPORTED_ERRORS } from './import-limits';
import { type ImportPlan, planImport, summarisePlan } from './import-plan';
import { type ImportRow, parseImportRow, type RowError } from './import-row';
import { type CommitWrite, type ImportBatchRow, ImportsRepository } from './imports.repository';

export const VALIDATE_JOB = 'import.validate';
export const COMMIT_JOB = 'import.commit';

const PROGRESS_EVERY = 2_000;

function importIdOf(job: ClaimedJob): { importId: string; companyId: string } {
  const importId = job.payload.importId;
  if (typeof importId !== 'string' || job.companyId === null) throw new ObsoleteJobError('import job without an import');
  return { importId, companyId: job.companyId };
}

/**
 * The import's long work, as durable jobs (engine/src/jobs) so that any engine process can run
 * it and a crash resumes it: validating every row into a preview, and committing the plan in
 * one transaction. Progress is written as it goes; the API polls it.
 */
@Injectable()
export class ImportProcessor implements OnModuleInit {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly repository: ImportsRepository,
    private readonly registry: JobHandlerRegistry,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.registry.register({ kind: VALIDATE_JOB, handle: (job) => this.validate(importIdOf(job)) });
    this.registry.register({ kind: COMMIT_JOB, handle: (job) => this.commit(importIdOf(job)) });
  }

  /** Reads every row with the mapping, matches it against what is on record, and stores the preview. */
  async validate(input: { importId: string; companyId: string }): Promise<void> {
    const batch = await this.repository.find({ companyId: input.companyId, id: input.importId });
    if (!batch || batch.status !== 'validating') throw new ObsoleteJobError('the import is not waiting for validation');
    const analysis = await this.analyse(batch);
    await this.repository.finishValidation({
      companyId: batch.companyId,
      id: batch.id,
      status: analysis.errors.length === 0 && analysis.mappingProblems.length === 0 ? 'ready' : 'invalid',
      preview: {
        summary:
          analysis.plan === null ? null : summarisePlan({ plan: analysis.plan, rows: batch.totalRows, errors: analysis.errors.length }),
        duplicates: analysis.plan?.duplicates.slice(0, 1_000) ?? [],
        mappingProblems: analysis.mappingProblems,
        errorCount: analysis.errors.length,
      },
      rowErrors: analysis.errors.slice(0, MAX_REPORTED_ERRORS).map((error) => ({ ...error, value: maskCell(error.value) })),
    });
  }

  /** Re-plans against the database as it is now and writes it all in one transaction, or nothing. */
  async commit(input: { importId: string; companyId: string }): Promise<void> {
    const batch = await this.repository.find({ companyId: input.companyId, id: input.importId });
    if (!batch || batch.status === 'committed') throw new ObsoleteJobError('the import is committed already');
    if (batch.status !== 'committing') throw new ObsoleteJobError('the import is not waiting to be committed');
    const analysis = await this.analyse(batch);
    if (analysis.plan === null || analysis.errors.length > 0 || analysis.mappingProblems.length > 0) {
      await this.repository.fail({
        companyId: batch.companyId,
        id: batch.id,
        status: 'invalid',
        failure: 'Rows no longer pass the checks (the data changed since the preview); nothing was imported.',
        rowErrors: analysis.errors.slice(0, MAX_REPORTED_ERRORS).map((error) => ({ ...error, value: maskCell(error.value) })),
      });
      return;
    }
    const plan = analysis.plan;
    const write = this.encrypt(plan);
    try {
      await this.repository.commit({
        companyId: batch.companyId,
        estateId: batch.estateId,
        importId: batch.id,
        write,
        onProgress: (done) =>
          this.repository.progress({
            companyId: batch.companyId,
            id: batch.id,
            processedRows: Math.min(
              batch.totalRows,
              Math.round((done / Math.max(1, write.units.length + write.people.length + write.residencies.length)) * batch.totalRows),
            ),
          }),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Import ${batch.id} rolled back: ${message}`);
      await this.repository.fail({
        companyId: batch.companyId,
        id: batch.id,
        status: 'failed',
        failure: `Nothing was imported: ${message}`,
      });
      return;
    }
    // The file's rows hold personal data; once imported they are kept only where they belong.
    await this.repository.forgetRows({ companyId: batch.companyId, id: batch.id });
    const summary = summarisePlan({ plan, rows: batch.totalRows, errors: 0 });
    await this.audit.record({
      actor: { kind: batch.createdById === null ? 'system' : 'staff', id: batch.createdById, companyId: batch.companyId },
      action: 'import.commit',
      target: { type: 'import', id: batch.id },
      estateId: batch.estateId,
      detail: {
        fileName: batch.fileName,
        rows: summary.rows,
        unitsCreated: summary.unitsCreated,
        peopleCreated: summary.peopleCreated,
        residenciesAdded: summary.residenciesAdded,
      },
    });
  }

  private async analyse(batch: ImportBatchRow): Promise<{ plan: ImportPlan | null; errors: RowError[]; mappingProblems: string[] }> {
    const mapping = readMapping(batch.mapping);
    const problems = mappingProblems({ mapping, columnCount: readStrings(batch.headers).length });
    if (problems.length > 0) return { plan: null, errors: [], mappingProblems: problems };
    const cells = readRows(batch.rows, this.cipher);
    const rows: ImportRow[] = [];
    const errors: RowError[] = [];
    for (let index = 0; index < cells.length; index++) {
      const parsed = parseImportRow({ cells: cells[index] ?? [], line: index + 2, mapping });
      if ('row' in parsed) rows.push(parsed.row);
      else errors.push(...parsed.errors);
      if ((index + 1) % PROGRESS_EVERY === 0)
        await this.repository.progress({ companyId: batch.companyId, id: batch.id, processedRows: Math.round((index + 1) / 2) });
    }
    const options = readOptions(batch.options);
    const snapshot = await this.repository.snapshot({ companyId: batch.companyId, estateId: batch.estateId });
    const plan = planImport({
      rows,
      snapshot,
      phoneIndexes: (phone) => this.cipher.blindIndexCandidates('phone', phone),
      idNumberIndexes: (idNumber) => this.cipher.blindIndexCandidates('idNumber', idNumber),
      defaultChoice: options.onDuplicate,
      choices: new Map(Object.entries(options.decisions).map(([line, choice]) => [Number(line), choice])),
    });
    await this.repository.progress({ companyId: batch.companyId, id: batch.id, processedRows: batch.totalRows });
    return { plan, errors, mappingProblems: [] };
  }

  private encrypt(plan: ImportPlan): CommitWrite {
    const created = new Map<string, string>();
    const people = plan.people.map((person) => {
      const id = this.repository.newPersonId();
      created.set(person.phone, id);
      return {
        id,
        name: person.name,
        phoneCipher: this.cipher.encrypt('phone', person.phone),
        phoneIndex: this.cipher.blindIndex('phone', person.phone),
        idNumberCipher: person.idNumber === null ? null : this.cipher.encrypt('idNumber', person.idNumber),
        idNumberIndex: person.idNumber === null ? null : this.cipher.blindIndex('idNumber', person.idNumber),
      };
    });
    return {
      buildings: plan.buildings,
      units: plan.units,
      people,
      idNumbers: plan.idNumbers.map((entry) => ({
        personId: entry.personId,
        idNumberCipher: this.cipher.encrypt('idNumber', entry.idNumber),
        idNumberIndex: this.cipher.blindIndex('idNumber', entry.idNumber),
      })),
      residencies: plan.residencies.map((residency) => ({
        personId: 'existing' in residency.person ? residency.person.existing : (created.get(residency.person.created) ?? ''),
        unitKey: residency.unitKey,
        kind: residency.kind,
        moveInAt: residency.moveInAt === null ? null : new Date(`${residency.moveInAt}T00:00:00+08:00`),
      })),
      floorAreas: plan.floorAreas,
    };
  }

  /** Exposed for the service: rows sealed before they are stored. */
  seal(rows: string[][]): { encrypted: string } {
    return sealRows(rows, this.cipher);
  }
}
