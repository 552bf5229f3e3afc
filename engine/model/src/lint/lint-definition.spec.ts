import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../generated/definition.js';
import { repairDefinition } from '../test-support/repair-fixture.js';
import { lintDefinition } from './lint-definition.js';

type Change = (definition: WorkflowDefinition) => void;

function lintAfter(change: Change) {
  const definition = repairDefinition();
  change(definition);
  return lintDefinition(definition);
}

function state(definition: WorkflowDefinition, path: string) {
  let node = definition.machine.states[path.split('.')[0] ?? ''];
  for (const segment of path.split('.').slice(1)) node = node?.states?.[segment];
  if (node === undefined) throw new Error(`no state ${path}`);
  return node;
}

function firstTransition(definition: WorkflowDefinition, path: string, event: string) {
  const transition = state(definition, path).on?.[event]?.[0];
  if (transition === undefined) throw new Error(`no ${event} in ${path}`);
  return transition;
}

describe('lintDefinition', () => {
  // The first lint compiles every form with AJV (55–80 ms each); later ones hit the cache.
  it('finds nothing wrong with the repair fixture', () => {
    expect(lintDefinition(repairDefinition())).toEqual([]);
  }, 30_000);

  const cases: Array<[string, Change, string, Record<string, unknown>?]> = [
    [
      'unknownTarget',
      (d) => (firstTransition(d, 'dispatched', 'ACCEPT').target = 'nowhere'),
      'error',
      { kind: 'transition', statePath: 'dispatched', event: 'ACCEPT', index: 0 },
    ],
    ['unreachableState', (d) => (d.machine.states['orphan'] = { type: 'final' }), 'warning', { kind: 'state', statePath: 'orphan' }],
    [
      'deadEnd',
      (d) => {
        d.machine.states['stuck'] = {};
        firstTransition(d, 'dispatched', 'ACCEPT').target = 'stuck';
      },
      'error',
      { kind: 'state', statePath: 'stuck' },
    ],
    ['initialState', (d) => (state(d, 'inProgress').initial = 'nope'), 'error'],
    [
      'ambiguousTransition',
      (d) => state(d, 'dispatched').on?.['ACCEPT']?.push({ target: 'inProgress' }),
      'error',
      { kind: 'transition', statePath: 'dispatched', event: 'ACCEPT', index: 1 },
    ],
    ['unknownActionType', (d) => firstTransition(d, 'dispatched', 'ACCEPT').actions?.push({ type: 'sendSms' }), 'error'],
    [
      'badActionParams',
      (d) => firstTransition(d, 'dispatched', 'ACCEPT').actions?.push({ type: 'notify', params: { template: 'accepted' } }),
      'error',
    ],
    ['unknownGuardType', (d) => (firstTransition(d, 'dispatched', 'ACCEPT').guard = { type: 'isWeekend' }), 'error'],
    ['badGuardParams', (d) => (firstTransition(d, 'dispatched', 'ACCEPT').guard = { type: 'expr', params: {} }), 'error'],
    [
      'missingForm',
      (d) => {
        const meta = firstTransition(d, 'dispatched', 'ACCEPT').meta;
        if (meta) meta.form = 'signature';
      },
      'error',
      { kind: 'transition', form: 'signature' },
    ],
    [
      'formSchemaUnsafe',
      (d) => {
        const report = d.forms['report'];
        if (report) report.schema = { type: 'object', properties: { a: { type: 'string', pattern: '(a+)+$' } } };
      },
      'error',
      { kind: 'form', form: 'report' },
    ],
    [
      'formSchemaInvalid',
      (d) => {
        const report = d.forms['pause'];
        if (report) report.schema = JSON.parse('{"type":"object","properties":{"a":{"type":"strin"}}}');
      },
      'error',
      { kind: 'form', form: 'pause' },
    ],
    [
      'personalFieldUnmarked',
      (d) => {
        const report = d.forms['report'];
        if (report?.uiSchema) delete report.uiSchema['contactPhone'];
      },
      'warning',
      { kind: 'field', form: 'report', field: 'contactPhone' },
    ],
    [
      'unknownRole',
      (d) => {
        const meta = firstTransition(d, 'dispatched', 'ACCEPT').meta;
        if (meta) meta.roles = ['plumber'];
      },
      'error',
    ],
    [
      'transitionWithoutRoles',
      (d) => {
        delete firstTransition(d, 'dispatched', 'ACCEPT').meta;
      },
      'warning',
    ],
    ['undeclaredParameter', (d) => d.delays && (d.delays['autoConfirm'] = { param: 'confirmDays', unit: 'days' }), 'error'],
    ['malformedDuration', (d) => d.delays && (d.delays['pauseReminder'] = 'two days'), 'error'],
    ['unknownDelay', (d) => (state(d, 'accepted').after = { soon: [{ actions: [] }] }), 'error'],
    [
      'expressionSyntax',
      (d) => (firstTransition(d, 'dispatched', 'ACCEPT').guard = { type: 'expr', params: { expr: 'data.urgency ==' } }),
      'error',
    ],
    [
      'expressionUnsafe',
      (d) => (firstTransition(d, 'dispatched', 'ACCEPT').guard = { type: 'expr', params: { expr: 'data.constructor == 1' } }),
      'error',
    ],
    [
      'expressionUnknownField',
      (d) => (firstTransition(d, 'dispatched', 'ACCEPT').guard = { type: 'expr', params: { expr: "data.colour == 'red'" } }),
      'error',
      { field: 'colour' },
    ],
    [
      'expressionType',
      (d) => (firstTransition(d, 'dispatched', 'ACCEPT').guard = { type: 'expr', params: { expr: 'data.urgency + 1 > 2' } }),
      'error',
    ],
    [
      'guardNotBoolean',
      (d) => (firstTransition(d, 'dispatched', 'ACCEPT').guard = { type: 'expr', params: { expr: 'data.urgency' } }),
      'error',
    ],
    [
      'missingNotification',
      (d) =>
        firstTransition(d, 'dispatched', 'ACCEPT').actions?.push({
          type: 'notify',
          params: { template: 'welcome', to: [{ requester: true }] },
        }),
      'error',
    ],
    [
      'unsafeTemplate',
      (d) => {
        const text = d.notifications?.['accepted']?.['zh-CN'];
        if (text) text.body = '{{{data.description}}}';
      },
      'error',
      { kind: 'notification' },
    ],
    [
      'unsafeTemplate',
      (d) => {
        const text = d.notifications?.['accepted']?.en;
        if (text) text.body = '{{lookup this "constructor"}}';
      },
      'error',
    ],
  ];

  it.each(cases)('%s fires where it should', { timeout: 30_000 }, (code, change, severity, target) => {
    const findings = lintAfter(change);
    if (severity === 'none') return;
    const finding = findings.find((found) => found.code === code);
    expect(finding, JSON.stringify(findings.map((found) => found.code))).toBeDefined();
    expect(finding?.severity).toBe(severity);
    expect(finding?.message['zh-CN'].length).toBeGreaterThan(0);
    expect(finding?.message.en.length).toBeGreaterThan(0);
    if (target !== undefined) expect(finding?.target).toMatchObject(target);
  });

  it('checks startChild workflow keys when it knows them', () => {
    expect(lintDefinition(repairDefinition(), { workflowKeys: ['repair', 'complaint'] })).toEqual([]);
    expect(lintDefinition(repairDefinition(), { workflowKeys: ['repair'] }).map((finding) => finding.code)).toEqual(['unknownWorkflow']);
  });

  it('can skip compiling forms for fast live lint', () => {
    expect(lintDefinition(repairDefinition(), { compileForms: false })).toEqual([]);
  });
});
