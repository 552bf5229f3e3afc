import { checkSchemaSafety, lintDefinition, type LintTarget, type WorkflowDefinition } from '@estateflow/model';

export interface WorkflowFinding {
  /** JSON pointer into the definition. */
  path: string;
  message: string;
}

/**
 * What keeps a definition out of a pack: the model's schema-safety verdict on every form and on
 * the parameters (size, depth, $data, remote $ref, regexes that could hang), then the model's
 * lint errors (warnings do not block an import). Each finding points into the definition.
 */
export function lintWorkflow(definition: WorkflowDefinition): WorkflowFinding[] {
  const findings: WorkflowFinding[] = [];
  const schemas: { pointer: string; schema: unknown }[] = Object.entries(definition.forms).map(([name, form]) => ({
    pointer: `/forms/${name}/schema`,
    schema: form?.schema,
  }));
  if (definition.parameters !== undefined) schemas.push({ pointer: '/parameters', schema: definition.parameters });
  for (const { pointer, schema } of schemas) {
    const safety = checkSchemaSafety(schema);
    if (!safety.ok)
      for (const problem of safety.problems) findings.push({ path: `${pointer}${problem.path}`, message: problem.message.en });
  }
  if (findings.length > 0) return findings;
  for (const finding of lintDefinition(definition)) {
    if (finding.severity === 'error')
      findings.push({ path: pointerOf(finding.target), message: `${finding.message.en} (${finding.code})` });
  }
  return findings;
}

function pointerOf(target: LintTarget): string {
  switch (target.kind) {
    case 'state':
    case 'transition': {
      const path = target.transitionId?.split('#')[0] ?? target.statePath ?? '';
      const statePointer = path === '' ? '/machine' : `/machine/states/${path.split('.').join('/states/')}`;
      const trigger = target.transitionId?.split('#')[1];
      if (trigger === undefined) return statePointer;
      const [kind, ...rest] = trigger.split('.');
      return `${statePointer}/${kind ?? ''}/${rest.join('/')}`;
    }
    case 'form':
    case 'field':
      return `/forms/${target.form ?? ''}${target.field === undefined ? '' : `/schema/properties/${target.field}`}`;
    case 'parameter':
      return `/parameters${target.field === undefined ? '' : `/properties/${target.field}`}`;
    case 'notification': {
      const [name, locale] = (target.field ?? '').split('.');
      return `/notifications/${name ?? ''}${locale === undefined ? '' : `/${locale}`}`;
    }
    case 'definition':
      return target.field === undefined ? '' : `/delays/${target.field}`;
  }
}
