import { isDurationByCase } from '../durations/is-duration-by-case.js';
import { checkExpression, type ExpressionTypeScope } from '../expressions/check-expression.js';
import { ExpressionError } from '../expressions/expression-error.js';
import { expressionReferences } from '../expressions/expression-references.js';
import type { FormJsonSchema } from '../forms/form-json-schema.js';
import type { Transition } from '../generated/definition.js';
import { isRecord, ownEntries, ownValue } from '../util/records.js';
import { everyAction, transitionTarget, type LintContext } from './lint-context.js';
import type { LintTarget } from './lint-finding.js';

interface ExpressionSite {
  expression: string;
  target: LintTarget;
  eventData?: FormJsonSchema;
  item?: boolean;
  guard?: boolean;
}

/** expressionSyntax, expressionUnsafe, expressionUnknownField, undeclaredParameter, expressionType, guardNotBoolean. */
export function lintExpressions(context: LintContext): void {
  const data = dataSchemaOf(context);
  const params: FormJsonSchema = context.definition.parameters ?? { type: 'object', properties: {} };
  for (const site of expressionSites(context)) {
    const scope: ExpressionTypeScope = { data, params };
    if (site.eventData !== undefined) scope.eventData = site.eventData;
    if (site.item === true) scope.item = true;
    lintExpression(context, { site, scope });
  }
}

function lintExpression(context: LintContext, options: { site: ExpressionSite; scope: ExpressionTypeScope }): void {
  const { site, scope } = options;
  let references: string[];
  try {
    references = expressionReferences(site.expression);
  } catch (error: unknown) {
    if (!(error instanceof ExpressionError)) throw error;
    const code = error.code === 'unsafe' ? 'expressionUnsafe' : 'expressionSyntax';
    context.report({
      severity: 'error',
      code,
      zh: `表达式 "${site.expression}" 无效：${error.message}`,
      en: `expression "${site.expression}" is invalid: ${error.message}`,
      target: site.target,
    });
    return;
  }
  let unknown = false;
  for (const reference of references) {
    const [root, field] = reference.split('.');
    if (field === undefined) continue;
    if (root === 'params' && ownValue(scope.params.properties, field) === undefined) {
      unknown = true;
      context.report({
        severity: 'error',
        code: 'undeclaredParameter',
        zh: `表达式使用了未声明的参数 "${field}"`,
        en: `expression uses undeclared parameter "${field}"`,
        target: { ...site.target, field },
      });
    }
    if (root === 'data' && ownValue(scope.data.properties, field) === undefined) {
      unknown = true;
      context.report({
        severity: 'error',
        code: 'expressionUnknownField',
        zh: `表达式使用了表单中没有的字段 "${field}"`,
        en: `expression uses field "${field}" that no form or setData provides`,
        target: { ...site.target, field },
      });
    }
  }
  if (unknown) return;
  const checked = checkExpression(site.expression, scope);
  if (!checked.ok) {
    const unknownField = checked.error.message.includes('No such key');
    context.report({
      severity: 'error',
      code: unknownField ? 'expressionUnknownField' : 'expressionType',
      zh: `表达式 "${site.expression}" 类型检查失败：${checked.error.message}`,
      en: `expression "${site.expression}" does not type-check: ${checked.error.message}`,
      target: site.target,
    });
  } else if (site.guard === true && checked.type !== 'bool' && checked.type !== 'dyn') {
    context.report({
      severity: 'error',
      code: 'guardNotBoolean',
      zh: `条件表达式的结果应为布尔值，而不是 ${checked.type}`,
      en: `a guard must be a boolean, not ${checked.type}`,
      target: site.target,
    });
  }
}

/** What `data` may hold: the start form's fields, fields merged from event forms, and setData targets. */
function dataSchemaOf(context: LintContext): FormJsonSchema {
  const { definition } = context;
  const properties: Record<string, FormJsonSchema> = {};
  const startForm = definition.startForm === undefined ? undefined : ownValue(definition.forms, definition.startForm);
  for (const [name, property] of ownEntries(startForm?.schema.properties)) properties[name] = property;
  for (const { action, transition } of everyAction(context)) {
    if (action.type !== 'setData') continue;
    const params = action.params ?? {};
    if (params['mergeEventData'] === true) {
      for (const [name, property] of ownEntries(formOf(context, transition)?.properties)) properties[name] ??= property;
    }
    const assign = isRecord(params['assign']) ? params['assign'] : {};
    for (const path of Object.keys(assign)) {
      const top = path.split('.')[0];
      if (top !== undefined && properties[top] === undefined) properties[top] = {};
    }
  }
  return { type: 'object', properties };
}

function formOf(context: LintContext, transition: Transition | undefined): FormJsonSchema | undefined {
  const form = transition?.meta?.form;
  return form === undefined ? undefined : ownValue(context.definition.forms, form)?.schema;
}

function expressionSites(context: LintContext): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const add = (site: ExpressionSite) => sites.push(site);
  for (const info of context.transitions) {
    const guard = info.transition.guard;
    const expr = guard?.type === 'expr' ? guard.params?.['expr'] : undefined;
    const eventData = formOf(context, info.transition);
    if (typeof expr === 'string')
      add({ expression: expr, target: transitionTarget(info), guard: true, ...(eventData === undefined ? {} : { eventData }) });
  }
  for (const state of context.states) {
    const task = state.node.meta?.task;
    const assignee = task?.assignee;
    if (assignee !== undefined && 'user' in assignee) add({ expression: assignee.user, target: { kind: 'state', statePath: state.path } });
    // A by-case SLA's conditions are judged like guards: booleans over data and params.
    for (const part of ['respond', 'complete'] as const) {
      const duration = task?.sla?.[part];
      if (duration === undefined || !isDurationByCase(duration)) continue;
      for (const option of duration.cases)
        add({ expression: option.when, target: { kind: 'state', statePath: state.path, part: `sla.${part}` }, guard: true });
    }
  }
  for (const { action, target, transition } of everyAction(context)) {
    const params = action.params ?? {};
    const eventData = formOf(context, transition);
    const at = (expression: unknown, item?: boolean) => {
      if (typeof expression === 'string')
        add({ expression, target, ...(eventData === undefined ? {} : { eventData }), ...(item === true ? { item } : {}) });
    };
    for (const value of Object.values(isRecord(params['assign']) ? params['assign'] : {})) at(value);
    for (const recipient of Array.isArray(params['to']) ? params['to'] : []) if (isRecord(recipient)) at(recipient['user']);
    if (isRecord(params['assignee'])) at(params['assignee']['user']);
    at(params['reason']);
    at(params['forEach']);
    const item = typeof params['forEach'] === 'string';
    for (const value of Object.values(isRecord(params['data']) ? params['data'] : {})) at(value, item);
    for (const value of Object.values(isRecord(params['payload']) ? params['payload'] : {})) at(value);
    if (action.type === 'registerResident') {
      at(params['unit']);
      at(params['moveInAt']);
      // "requester" is a keyword here, not an expression.
      if (params['person'] !== 'requester') at(params['person']);
    }
  }
  return sites;
}
