import type { WorkflowDefinition } from '../generated/definition.js';
import { ownEntries } from '../util/records.js';
import { compileFormValidator, type FormValidator } from './compile-form-validator.js';
import { personalFieldTree, type PersonalFieldTree } from './personal-fields.js';
import type { SchemaProblem } from './schema-safety.js';

export interface DefinitionForms {
  /** A validator per form name. */
  forms: Map<string, FormValidator>;
  /** Form name → where its personal fields are (phone and ID number widgets); forms without any are absent. */
  personalFields: Map<string, PersonalFieldTree>;
  /** The parameters schema's validator, when the definition has one. */
  parameters?: FormValidator;
  /** Forms (or "parameters") that failed the safety check or did not compile. */
  problems: Array<{ form: string; problems: SchemaProblem[] }>;
}

/** Compiles every form of a definition version once; keep the result beside the version. */
export function compileDefinitionForms(definition: WorkflowDefinition): DefinitionForms {
  const result: DefinitionForms = { forms: new Map(), personalFields: new Map(), problems: [] };
  for (const [name, form] of ownEntries(definition.forms)) {
    const personal = personalFieldTree(form.uiSchema);
    if (personal !== null) result.personalFields.set(name, personal);
    const compiled = compileFormValidator(form.schema);
    if (compiled.ok) result.forms.set(name, compiled.validate);
    else result.problems.push({ form: name, problems: compiled.problems });
  }
  if (definition.parameters !== undefined) {
    const compiled = compileFormValidator(definition.parameters);
    if (compiled.ok) result.parameters = compiled.validate;
    else result.problems.push({ form: 'parameters', problems: compiled.problems });
  }
  return result;
}
