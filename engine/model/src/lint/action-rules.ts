import { ACTION_TYPES, isActionType } from '../actions.js';
import { GUARD_TYPES, isGuardType } from '../guards.js';
import { ownValue } from '../util/records.js';
import { paramsProblem } from '../validation/validate-params.js';
import { everyAction, transitionTarget, type LintContext } from './lint-context.js';
import type { LintTarget } from './lint-finding.js';

/** unknownActionType, badActionParams, unknownGuardType, badGuardParams, missingNotification, unknownWorkflow. */
export function lintActions(context: LintContext): void {
  for (const { action, target } of everyAction(context)) {
    if (!isActionType(action.type)) {
      context.report({
        severity: 'error',
        code: 'unknownActionType',
        zh: `未知的动作类型 "${action.type}"`,
        en: `unknown action type "${action.type}"`,
        target,
      });
      continue;
    }
    const problem = paramsProblem(ACTION_TYPES[action.type], action.params ?? {});
    if (problem !== undefined) {
      context.report({
        severity: 'error',
        code: 'badActionParams',
        zh: `动作 ${action.type} 的参数有误：${problem}`,
        en: `${action.type} action: ${problem}`,
        target,
      });
      continue;
    }
    const params = action.params ?? {};
    const template = params['template'];
    if ((action.type === 'notify' || action.type === 'escalate') && typeof template === 'string')
      requireNotification(context, { template, target });
    const workflowKey = params['workflowKey'];
    const keys = context.options.workflowKeys;
    if (action.type === 'startChild' && typeof workflowKey === 'string' && keys !== undefined && !keys.includes(workflowKey)) {
      context.report({
        severity: 'error',
        code: 'unknownWorkflow',
        zh: `流程 "${workflowKey}" 不存在`,
        en: `workflow "${workflowKey}" does not exist`,
        target,
      });
    }
  }
  for (const info of context.transitions) {
    const guard = info.transition.guard;
    if (guard === undefined) continue;
    if (!isGuardType(guard.type)) {
      context.report({
        severity: 'error',
        code: 'unknownGuardType',
        zh: `未知的条件类型 "${guard.type}"`,
        en: `unknown guard type "${guard.type}"`,
        target: transitionTarget(info),
      });
      continue;
    }
    const problem = paramsProblem(GUARD_TYPES[guard.type], guard.params ?? {});
    if (problem !== undefined)
      context.report({
        severity: 'error',
        code: 'badGuardParams',
        zh: `条件 ${guard.type} 的参数有误：${problem}`,
        en: `${guard.type} guard: ${problem}`,
        target: transitionTarget(info),
      });
  }
}

function requireNotification(context: LintContext, options: { template: string; target: LintTarget }): void {
  if (ownValue(context.definition.notifications, options.template) === undefined) {
    context.report({
      severity: 'error',
      code: 'missingNotification',
      zh: `通知模板 "${options.template}" 不存在`,
      en: `notification template "${options.template}" does not exist`,
      target: options.target,
    });
  }
}
