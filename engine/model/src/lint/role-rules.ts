import { isKnownRole } from '../roles.js';
import { isRecord } from '../util/records.js';
import { everyAction, transitionTarget, type LintContext } from './lint-context.js';
import type { LintTarget } from './lint-finding.js';

/** unknownRole everywhere a role is named; transitionWithoutRoles (warning) for events anyone could send. */
export function lintRoles(context: LintContext): void {
  const check = (role: unknown, target: LintTarget) => {
    if (typeof role === 'string' && !isKnownRole(role)) {
      context.report({ severity: 'error', code: 'unknownRole', zh: `角色 "${role}" 不存在`, en: `role "${role}" does not exist`, target });
    }
  };
  const roles = context.definition.roles;
  [...(roles?.start ?? []), ...(roles?.view ?? [])].forEach((role) => check(role, { kind: 'definition' }));
  for (const state of context.states) {
    const assignee = state.node.meta?.task?.assignee;
    if (assignee !== undefined && 'role' in assignee) check(assignee.role, { kind: 'state', statePath: state.path });
    const escalation = state.node.meta?.task?.sla?.escalation;
    if (Array.isArray(escalation)) escalation.forEach((role) => check(role, { kind: 'state', statePath: state.path }));
  }
  for (const info of context.transitions) {
    const target = transitionTarget(info);
    (info.transition.meta?.roles ?? []).forEach((role) => check(role, target));
    const guardRoles = info.transition.guard?.params?.['roles'];
    if (info.transition.guard?.type === 'roleIs' && Array.isArray(guardRoles)) guardRoles.forEach((role: unknown) => check(role, target));
    if (info.trigger.kind === 'event' && info.transition.meta?.roles === undefined) {
      context.report({
        severity: 'warning',
        code: 'transitionWithoutRoles',
        zh: '未限定可操作的角色：任何能看到工单的人都可以触发',
        en: 'no roles listed: anyone who can see the instance may send this event',
        target,
      });
    }
  }
  for (const { action, target } of everyAction(context)) {
    const params = action.params ?? {};
    const recipients = Array.isArray(params['to']) ? params['to'] : [params['to']];
    for (const recipient of [...recipients, params['assignee']]) if (isRecord(recipient)) check(recipient['role'], target);
  }
}
