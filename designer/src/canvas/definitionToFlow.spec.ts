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

  it('converts a definition once: a new selection reuses every unmarked node and edge', () => {
    const definition = approvalFixture();
    const first = definitionToFlow(definition, { locale: 'en', selectedStates: ['submitted'] });
    const second = definitionToFlow(definition, { locale: 'en', selectedStates: ['review'] });
    const same = second.nodes.filter((node, index) => node === first.nodes[index]).map((node) => node.id);
    expect(same).toEqual(['review.check', 'review.sign', 'rejected', 'closed']);
    expect(second.edges.every((edge, index) => edge === first.edges[index])).toBe(true);
  });

  it('places states without saved positions on a grid, children below their container header', () => {
    const definition = { ...approvalFixture(), layout: { nodes: {} } };
    const { nodes } = definitionToFlow(definition, { locale: 'en' });
    expect(nodes.find((node) => node.id === 'review.check')?.position).toEqual({ x: 24, y: 64 });
    expect(nodes.find((node) => node.id === 'review')?.position).toEqual({ x: 240, y: 0 });
  });
});
