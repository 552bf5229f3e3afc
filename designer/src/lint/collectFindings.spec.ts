import { describe, expect, it } from 'vitest';
import { approvalFixture } from '../testing/approvalFixture';
import { collectFindings } from './collectFindings';

describe('live lint', () => {
  it('reports a transition to a missing state on that transition', () => {
    const definition = approvalFixture();
    const submitted = definition.machine.states.submitted;
    if (!submitted) throw new Error('fixture');
    submitted.on = { ...submitted.on, LOST: [{ target: 'nowhere' }] };
    const findings = collectFindings(definition, 'en');
    const lost = findings.find((finding) => finding.target.kind === 'transition' && finding.target.transitionId === 'submitted#on.LOST.0');
    expect(lost?.severity).toBe('error');
    expect(findings[0]?.severity).toBe('error');
  });

  it('reports shape errors with the state they are in', () => {
    const definition = approvalFixture();
    const rejected = definition.machine.states.rejected;
    if (!rejected) throw new Error('fixture');
    Object.assign(rejected, { type: 'weird' });
    const findings = collectFindings(definition, 'zh-CN');
    expect(
      findings.some((finding) => finding.code === 'schema' && finding.target.kind === 'state' && finding.target.stateId === 'rejected'),
    ).toBe(true);
  });
});
