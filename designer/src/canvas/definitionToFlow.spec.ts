import { describe, expect, it } from 'vitest';
import { approvalFixture } from '../testing/approvalFixture';
import { definitionToFlow } from './definitionToFlow';

describe('definition → canvas', () => {
  it('turns states into nodes with parents before children and containers sized around them', () => {
    const { nodes } = definitionToFlow(approvalFixture(), { locale: 'zh-CN', selectedStates: ['review'] });
    expect(nodes.map((node) => [node.id, node.type, node.parentId ?? null])).toEqual([
      ['submitted', 'state', null],
      ['review', 'compound', null],
      ['review.check', 'state', 'review'],
      ['review.sign', 'state', 'review'],
      ['rejected', 'final', null],
      ['closed', 'final', null],
    ]);
    const review = nodes.find((node) => node.id === 'review');
    expect(review?.selected).toBe(true);
    expect(review?.width).toBeGreaterThanOrEqual(24 + 184 + 24);
    const submitted = nodes[0];
    expect(submitted?.data).toMatchObject({ label: '已提交', isInitial: true, taskName: '审核', assignee: 'front_desk', sla: '2h' });
  });

  it('turns transitions into labelled edges with guard and timer badges and self-loops', () => {
    const { edges } = definitionToFlow(approvalFixture(), { locale: 'en' });
    const byId = new Map(edges.map((edge) => [edge.id, edge]));
    expect(byId.get('submitted#on.APPROVE.0')?.data).toMatchObject({ label: 'Approve', hasGuard: true, isSelfLoop: false });
    expect(byId.get('submitted#on.REJECT.0')?.data?.label).toBe('REJECT');
    expect(byId.get('submitted#on.COMMENT.0')?.data?.isSelfLoop).toBe(true);
    expect(byId.get('submitted#after.remind.0')?.data).toMatchObject({ kind: 'after', delay: 'remind', lane: 1 });
    expect(byId.get('review.sign#on.DONE.0')).toMatchObject({ source: 'review.sign', target: 'closed' });
  });
});
