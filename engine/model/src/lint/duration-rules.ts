import type { Duration } from '../generated/definition.js';
import { parseIsoDuration } from '../durations/parse-iso-duration.js';
import { ownEntries, ownValue } from '../util/records.js';
import type { LintContext } from './lint-context.js';
import type { LintTarget } from './lint-finding.js';

/** malformedDuration, unknownDelay, undeclaredParameter (in durations), parameterNotNumeric. */
export function lintDurations(context: LintContext): void {
  const { definition } = context;
  for (const [name, duration] of ownEntries(definition.delays))
    checkDuration(context, { duration, target: { kind: 'definition', field: name } });
  for (const state of context.states) {
    const target: LintTarget = { kind: 'state', statePath: state.path };
    const sla = state.node.meta?.task?.sla;
    if (sla?.respond !== undefined) checkDuration(context, { duration: sla.respond, target });
    if (sla?.complete !== undefined) checkDuration(context, { duration: sla.complete, target });
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
