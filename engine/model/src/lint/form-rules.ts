import { compileFormValidator } from '../forms/compile-form-validator.js';
import { checkSchemaSafety } from '../forms/schema-safety.js';
import { ownEntries, ownValue } from '../util/records.js';
import { transitionTarget, type LintContext } from './lint-context.js';
import type { LintTarget } from './lint-finding.js';

/** missingForm, formSchemaUnsafe, formSchemaInvalid, personalFieldUnmarked (warning). */
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
  for (const [name, form] of ownEntries(definition.forms)) {
    lintSchema(context, { schema: form.schema, target: { kind: 'form', form: name } });
    lintPersonalFields(context, { form: name, schema: form.schema, uiSchema: form.uiSchema, path: [] });
  }
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

/** A field's name or title that says "phone number" or "ID number". */
const LOOKS_PERSONAL = { name: /phone|mobile|idnumber|idcard|idno/i, title: /电话|手机|身份证|证件号/ };

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * personalFieldUnmarked: a text field that looks like a phone or ID number but lacks the phone /
 * idNumber widget. Only that widget checks what is typed and gives it its input; without it the
 * engine seals only what reads as a phone or ID number, like any free text; anything else stays as typed.
 */
function lintPersonalFields(context: LintContext, input: { form: string; schema: unknown; uiSchema: unknown; path: string[] }): void {
  const schema = record(input.schema);
  const ui = record(input.uiSchema);
  if (schema['type'] === 'array') {
    lintPersonalFields(context, { ...input, schema: schema['items'], uiSchema: ui['items'], path: [...input.path, '*'] });
    return;
  }
  const properties = record(schema['properties']);
  for (const [key, child] of Object.entries(properties)) {
    const field = record(child);
    const childUi = Object.hasOwn(ui, key) ? ui[key] : undefined;
    const path = [...input.path, key];
    if (field['type'] === 'string') {
      const title = typeof field['title'] === 'string' ? field['title'] : '';
      const widget = record(childUi)['ui:widget'];
      if ((LOOKS_PERSONAL.name.test(key) || LOOKS_PERSONAL.title.test(title)) && widget !== 'phone' && widget !== 'idNumber') {
        const where = path.join('.');
        context.report({
          severity: 'warning',
          code: 'personalFieldUnmarked',
          zh: `字段 "${where}" 看起来是电话或身份证号，但没有使用"手机号"或"身份证号"控件：填写的号码不会被校验，只有能识别的手机号、座机号和身份证号会被加密脱敏，其他内容将以明文保存`,
          en: `field "${where}" looks like a phone or ID number but does not use the phone or ID number widget: what is typed is not checked, and only what reads as a phone or ID number is encrypted and masked; anything else is stored as typed`,
          target: { kind: 'field', form: input.form, field: path[0] ?? key },
        });
      }
    } else {
      lintPersonalFields(context, { form: input.form, schema: field, uiSchema: childUi, path });
    }
  }
}
