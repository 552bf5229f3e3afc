import definitionSchema from './schema/definition.schema.json';

/**
 * The built-in guard types: `expr` (a CEL condition over data, event, params, now, actor) and
 * `roleIs` (the sender holds one of the roles; "requester" matches whoever started the instance).
 */
export const GUARD_TYPES = {
  expr: 'ExprGuardParams',
  roleIs: 'RoleIsGuardParams',
} as const;

export type GuardType = keyof typeof GUARD_TYPES;

export function isGuardType(type: string): type is GuardType {
  return Object.prototype.hasOwnProperty.call(GUARD_TYPES, type);
}

/** The JSON Schema of a guard's params. */
export function guardParamsSchema(type: GuardType): object {
  return { $ref: `#/definitions/${GUARD_TYPES[type]}`, definitions: definitionSchema.definitions };
}
