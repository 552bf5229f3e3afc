import definitionSchema from './schema/definition.schema.json';

/**
 * The built-in action types and the definition (in definition.schema.json) of each one's params.
 * `setData` changes the instance's data inside the model; all others are planned effects the
 * engine performs: notify (a template to role / requester / assignee / user), assignTask
 * (reassign), escalate (SLA breach), startChild (another workflow, e.g. an abnormal inspection
 * item raising a repair), webhook (an integration event), cancelInstance and registerResident
 * (the person becomes an owner or tenant of the unit: a Residency).
 */
export const ACTION_TYPES = {
  setData: 'SetDataParams',
  notify: 'NotifyParams',
  assignTask: 'AssignTaskParams',
  escalate: 'EscalateParams',
  startChild: 'StartChildParams',
  webhook: 'WebhookParams',
  cancelInstance: 'CancelInstanceParams',
  registerResident: 'RegisterResidentParams',
} as const;

export type ActionType = keyof typeof ACTION_TYPES;

export function isActionType(type: string): type is ActionType {
  return Object.prototype.hasOwnProperty.call(ACTION_TYPES, type);
}

/** The JSON Schema of an action's params (for the designer's params editor). */
export function actionParamsSchema(type: ActionType): object {
  return { $ref: `#/definitions/${ACTION_TYPES[type]}`, definitions: definitionSchema.definitions };
}
