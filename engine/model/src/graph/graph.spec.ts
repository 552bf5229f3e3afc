import { describe, expect, it } from 'vitest';
import { repairDefinition } from '../test-support/repair-fixture.js';
import { definitionToGraph } from './definition-to-graph.js';
import { diffDefinitions } from './diff-definitions.js';

describe('definitionToGraph', () => {
  const graph = definitionToGraph(repairDefinition());

  it('has a node per state with kind, parent, initial flag and layout position', () => {
    expect(graph.nodes.find((node) => node.id === 'submitted')).toEqual({
      id: 'submitted',
      kind: 'compound',
      label: '待受理',
      initial: true,
      position: { x: 0, y: 0 },
      hasTask: false,
    });
    expect(graph.nodes.find((node) => node.id === 'awaitingConfirmation')?.kind).toBe('parallel');
    expect(graph.nodes.find((node) => node.id === 'awaitingConfirmation.owner')).toMatchObject({
      parentId: 'awaitingConfirmation',
      kind: 'compound',
      initial: true,
    });
    expect(graph.nodes.find((node) => node.id === 'closed')?.kind).toBe('final');
    expect(graph.nodes.find((node) => node.id === 'submitted.triage')).toMatchObject({
      kind: 'atomic',
      initial: true,
      position: { x: 0, y: 0 },
    });
    expect(graph.nodes.find((node) => node.id === 'submitted.normal')).toMatchObject({
      initial: false,
      position: { x: 260, y: 0 },
      hasTask: true,
    });
  });

  it('has an edge per transition: events, guards, always, after and self loops', () => {
    const byId = new Map(graph.edges.map((edge) => [edge.id, edge]));
    expect(byId.get('submitted#on.DISPATCH.0')).toEqual({
      id: 'submitted#on.DISPATCH.0',
      source: 'submitted',
      target: 'dispatched',
      event: 'DISPATCH',
      label: '派单',
      always: false,
      selfLoop: false,
    });
    expect(byId.get('submitted.triage#always.0')).toMatchObject({
      target: 'submitted.emergency',
      always: true,
      guard: "data.urgency == 'emergency'",
    });
    expect(byId.get('awaitingConfirmation.owner.waiting#after.autoConfirm.0')).toMatchObject({
      target: 'awaitingConfirmation.owner.autoConfirmed',
      after: 'autoConfirm',
    });
    expect(byId.get('dispatched#on.REASSIGN.0')).toMatchObject({ target: 'dispatched', selfLoop: true });
    expect(byId.get('awaitingConfirmation.owner.waiting#on.REWORK.0')?.target).toBe('inProgress.working');
  });
});

describe('diffDefinitions', () => {
  it('names added, removed and changed states, transitions, forms and fields', () => {
    const before = repairDefinition();
    const after = repairDefinition();
    after.machine.states['onHold'] = { type: 'final' };
    delete after.machine.states['declined'];
    const label = after.machine.states['closed']?.meta?.label;
    if (label) label['zh-CN'] = '已结单';
    const accept = after.machine.states['dispatched']?.on?.['ACCEPT']?.[0];
    if (accept) accept.target = 'inProgress';
    const rating = after.forms['rating']?.schema.properties;
    if (rating) rating['wouldRecommend'] = { type: 'boolean' };
    const diff = diffDefinitions(before, after);
    expect(diff.states).toEqual({ added: ['onHold'], removed: ['declined'], changed: ['closed'] });
    expect(diff.transitions.changed).toEqual(['dispatched#on.ACCEPT.0']);
    expect(diff.forms.changed).toEqual(['rating']);
    expect(diff.fields.added).toEqual(['rating/wouldRecommend']);
    expect(diffDefinitions(before, repairDefinition())).toMatchObject({
      states: { added: [], removed: [], changed: [] },
      transitions: { changed: [] },
    });
  });
});
