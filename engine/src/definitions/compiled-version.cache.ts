import { Injectable } from '@nestjs/common';
import {
  compileDefinitionForms,
  compileMachine,
  validateDefinition,
  type FormValidator,
  type PersonalFieldTree,
  type WorkflowDefinition,
} from '@estateflow/model';
import { NotFoundError } from '../common/errors';
import { DefinitionsRepository } from './definitions.repository';

/** One published version, compiled once per process: machine, form and parameter validators. */
export interface CompiledVersion {
  versionId: string;
  companyId: string;
  definitionId: string;
  version: number;
  checksum: string;
  definition: WorkflowDefinition;
  /** Form key → its validator (AJV, compiled once for this version). */
  forms: ReadonlyMap<string, FormValidator>;
  /** Form key → its phone and ID number fields, sealed before a step (forms without any are absent). */
  personalFields: ReadonlyMap<string, PersonalFieldTree>;
  /** The parameters schema's validator; null when the definition has no parameters. */
  parameters: FormValidator | null;
}

/** A stored version that no longer passes validation (tampered, or from an incompatible engine). */
export class BrokenVersionError extends Error {
  override readonly name = 'BrokenVersionError';
}

/** Versions are immutable, so an entry never goes stale; the cap only bounds memory. */
const MAX_ENTRIES = 500;

/**
 * The in-process cache of compiled versions keyed by version id (DESIGN.md: compiling one AJV
 * schema costs 55–80 ms, so compile once per version, never per event). Every engine process
 * fills its own; nothing here needs coordinating because versions never change.
 */
@Injectable()
export class CompiledVersionCache {
  private readonly entries = new Map<string, Promise<CompiledVersion>>();

  constructor(private readonly repository: DefinitionsRepository) {}

  /** The compiled version, or NotFoundError when it is not one of this company's. */
  async get(companyId: string, versionId: string): Promise<CompiledVersion> {
    let entry = this.entries.get(versionId);
    if (entry === undefined) {
      entry = this.load(versionId);
      this.entries.set(versionId, entry);
      entry.catch(() => this.entries.delete(versionId));
      if (this.entries.size > MAX_ENTRIES) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
    }
    const compiled = await entry;
    if (compiled.companyId !== companyId) throw new NotFoundError('That workflow version');
    return compiled;
  }

  private async load(versionId: string): Promise<CompiledVersion> {
    const row = await this.repository.findVersionById(versionId);
    if (row === null) throw new NotFoundError('That workflow version');
    const validation = validateDefinition(row.definition);
    if (!validation.ok)
      throw new BrokenVersionError(
        `version ${row.version} of this workflow no longer passes validation: ${validation.errors[0]?.message ?? 'invalid'}`,
      );
    const definition = validation.definition;
    try {
      compileMachine(definition);
    } catch (error) {
      throw new BrokenVersionError(
        `version ${row.version} of this workflow does not compile: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const forms = compileDefinitionForms(definition);
    if (forms.problems.length > 0)
      throw new BrokenVersionError(
        `version ${row.version} of this workflow has a form that does not compile: ${forms.problems[0]?.form ?? ''}`,
      );
    return {
      versionId: row.id,
      companyId: row.companyId,
      definitionId: row.definitionId,
      version: row.version,
      checksum: row.checksum,
      definition,
      forms: forms.forms,
      personalFields: forms.personalFields,
      parameters: forms.parameters ?? null,
    };
  }
}
