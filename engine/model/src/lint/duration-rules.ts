import type { Duration, SlaDuration } from '../generated/definition.js';
import { isDurationByCase } from '../durations/is-duration-by-case.js';
import { parseIsoDuration } from '../durations/parse-iso-duration.js';
import { ownEntries, ownValue } from '../util/records.js';
import type { LintContext } from './lint-context.js';
import type { LintTarget } from './lint-finding.js';

/** malformedDuration, unknownDelay, undeclaredParameter (in durations), parameterNotNumeric, emptyDurationCases. */
export function lintDurations(context: LintContext): void {
  const { definition } = context;
  for (const [name, duration] of ownEntries(definition.delays))
    checkDuration(context, { duration, target: { kind: 'definition', field: name } });
  for (const state of context.states) {
    const target: LintTarget = { kind: 'state', statePath: state.path };
    const sla = state.node.meta?.task?.sla;
    if (sla?.respond !== undefined) checkSlaDuration(context, { duration: sla.respond, target: { ...target, part: 'sla.respond' } });
    if (sla?.complete !== undefined) checkSlaDuration(context, { duration: sla.complete, target: { ...target, part: 'sla.complete' } });
    for (const [delay] of ownEntries(state.node.after)) {
      if (ownValue(definition.delays, delay) === undefined && parseIsoDuration(delay) === undefined) {
        context.report({
          severity: 'error',
          code: 'unknownDelay',
          zh: `延时 "${delay}" 既未在 delays 中声明，也不是 ISO 8601 时长`,
          en: `delay "${delay}" is neither declared in delays nor an ISO 8601 duration`,
          target,
        });
      }
    }
  }
}

// A by-case SLA's conditions are linted with the other expressions (expression-rules.ts).
function checkSlaDuration(context: LintContext, options: { duration: SlaDuration; target: LintTarget }): void {
  const { duration, target } = options;
  if (!isDurationByCase(duration)) {
    checkDuration(context, { duration, target });
    return;
  }
  if (duration.cases.length === 0) {
    context.report({
      severity: 'error',
      code: 'emptyDurationCases',
      zh: `按情况设定的时限至少需要一种情况（${target.part ?? 'sla'}）`,
      en: `an SLA set by case needs at least one case (${target.part ?? 'sla'})`,
      target,
    });
  }
  for (const option of duration.cases) checkDuration(context, { duration: option.duration, target });
  if (duration.otherwise !== undefined) checkDuration(context, { duration: duration.otherwise, target });
}

function checkDuration(context: LintContext, options: { duration: Duration; target: LintTarget }): void {
  const { duration, target } = options;
  if (typeof duration === 'string') {
    if (parseIsoDuration(duration) === undefined) {
      context.report({
        severity: 'error',
        code: 'malformedDuration',
        zh: `时长 "${duration}" 格式不正确（例如 PT72H、P3D）`,
        en: `duration "${duration}" is malformed (e.g. PT72H, P3D)`,
        target,
      });
    }
    return;
  }
  const property = ownValue(context.definition.parameters?.properties, duration.param);
  if (property === undefined) {
    context.report({
      severity: 'error',
      code: 'undeclaredParameter',
      zh: `参数 "${duration.param}" 未声明`,
      en: `parameter "${duration.param}" is not declared`,
      target: { ...target, field: duration.param },
    });
  } else if (property.type !== 'integer' && property.type !== 'number') {
    context.report({
      severity: 'error',
      code: 'parameterNotNumeric',
      zh: `参数 "${duration.param}" 必须是数字才能用作时长`,
      en: `parameter "${duration.param}" must be a number to be a duration`,
      target: { kind: 'parameter', field: duration.param },
    });
  }
}
