import type { Definition } from './types';

/** A new workflow: one task state and a final state, ready to draw on. */
export function blankDefinition(input: { key: string; name: string }): Definition {
  return {
    formatVersion: 1,
    key: input.key,
    name: { 'zh-CN': input.name, en: input.name },
    machine: {
      id: input.key,
      initial: 'submitted',
      states: {
        submitted: {
          meta: { label: { 'zh-CN': '已提交', en: 'Submitted' } },
          on: { CLOSE: [{ target: 'closed', meta: { label: { 'zh-CN': '关闭', en: 'Close' } } }] },
        },
        closed: { type: 'final', meta: { label: { 'zh-CN': '已关闭', en: 'Closed' } } },
      },
    },
    forms: { start: { schema: { type: 'object', properties: {} }, uiSchema: {} } },
    startForm: 'start',
    parameters: { type: 'object', properties: {} },
    notifications: {},
    tests: [],
    layout: { nodes: { submitted: { x: 0, y: 0 }, closed: { x: 0, y: 180 } } },
  };
}
