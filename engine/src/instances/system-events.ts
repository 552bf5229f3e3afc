/**
 * Events only the engine sends (docs/definition-format.md): a transition on one of these needs no
 * roles, yet no caller may send it or see it offered, so that a child's report cannot be forged.
 */
export const SYSTEM_ONLY_EVENTS: ReadonlySet<string> = new Set(['CHILD_COMPLETED']);
