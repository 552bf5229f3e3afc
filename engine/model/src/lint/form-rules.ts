import { compileFormValidator } from '../forms/compile-form-validator.js';
import { checkSchemaSafety } from '../forms/schema-safety.js';
import { ownEntries, ownValue } from '../util/records.js';
import { transitionTarget, type LintContext } from './lint-context.js';
import type { LintTarget } from './lint-finding.js';

/** missingForm, formSchemaUnsafe, formSchemaInvalid, eventWithoutForm (warning). */
export function lintForms(context: LintContext): void {
  const { definition } = context;
  const requireForm = (form: string | undefined, target: LintTarget) => {
    if (form !== undefined && ownValue(definition.forms, form) === undefined) {
      context.report({
        severity: 'error',
        code: 'missingForm',
        zh: `表单 "${form}" 不存在`,
        en: `form "${form}" does not exist`,
        target: { ...target, form },
      });
    }
  };
  requireForm(definition.startForm, { kind: 'definition' });
  for (const state of context.states) requireForm(state.node.meta?.task?.form, { kind: 'state', statePath: state.path });
  for (const info of context.transitions) requireForm(info.transition.meta?.form, transitionTarget(info));
  for (const [name, form] of ownEntries(definition.forms))
    lintSchema(context, { schema: form.schema, target: { kind: 'form', form: name } });
  if (definition.parameters !== undefined) lintSchema(context, { schema: definition.parameters, target: { kind: 'parameter' } });
}

function lintSchema(context: LintContext, options: { schema: unknown; target: LintTarget }): void {
  const safety = checkSchemaSafety(options.schema);
  if (!safety.ok) {
    for (const problem of safety.problems) {
      context.report({
        severity: 'error',
        code: 'formSchemaUnsafe',
        zh: `${problem.path || '/'}：${problem.message['zh-CN']}`,
        en: `${problem.path || '/'}: ${problem.message.en}`,
        target: options.target,
      });
    }
    return;
  }
  if (context.options.compileForms === false) return;
  const compiled = compileFormValidator(options.schema);
  if (!compiled.ok) {
    for (const problem of compiled.problems)
      context.report({
        severity: 'error',
        code: 'formSchemaInvalid',
        zh: problem.message['zh-CN'],
        en: problem.message.en,
        target: options.target,
      });
  }
}
