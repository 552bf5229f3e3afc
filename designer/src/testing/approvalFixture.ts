import type { Definition } from '../definition/types';

/** A small approval workflow with a compound state, a timer, a guard and a self-loop. */
export function approvalFixture(): Definition {
  return {
    formatVersion: 1,
    key: 'approval',
    name: { 'zh-CN': '审批', en: 'Approval' },
    machine: {
      id: 'approval',
      initial: 'submitted',
      states: {
        submitted: {
          meta: {
            label: { 'zh-CN': '已提交', en: 'Submitted' },
            task: { name: { 'zh-CN': '审核', en: 'Review' }, assignee: { role: 'front_desk' }, sla: { respond: 'PT2H' } },
          },
          on: {
            APPROVE: [
              {
                target: 'review',
                guard: { type: 'expr', params: { expr: 'data.amount < 1000' } },
                meta: { label: { 'zh-CN': '同意', en: 'Approve' } },
              },
            ],
            REJECT: [{ target: 'rejected' }],
            COMMENT: [{ target: 'submitted' }],
          },
          after: { remind: [{ target: 'review' }] },
        },
        review: {
          initial: 'check',
          states: {
            check: { on: { OK: [{ target: 'sign' }] } },
            sign: { on: { DONE: [{ target: '#approval.closed' }] } },
          },
        },
        rejected: { type: 'final' },
        closed: { type: 'final' },
      },
    },
    forms: {},
    layout: { nodes: { submitted: { x: 0, y: 0 }, review: { x: 300, y: 0 }, 'review.check': { x: 24, y: 64 } } },
  };
}
