import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { StateFlowNode } from './flowTypes';

function classNames(data: StateFlowNode['data'], selected: boolean, base: string): string {
  return [
    base,
    selected && 'is-selected',
    data.active && 'is-active',
    data.severity && `has-${data.severity}`,
    data.diff && `diff-${data.diff}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Top} id="in" />
      <Handle type="source" position={Position.Bottom} id="out" />
    </>
  );
}

function InitialMarker() {
  const { t } = useI18n();
  return <span className="initial-marker" title={t('canvas.initial')} aria-label={t('canvas.initial')} />;
}

/** An atomic state: its label, key, and the user task it means (assignee, SLA). */
export const AtomicStateNode = memo(function AtomicStateNode({ data, selected }: NodeProps<StateFlowNode>) {
  return (
    <div className={classNames(data, selected, 'state-node')} data-state-id={data.stateId}>
      {data.isInitial && <InitialMarker />}
      <Handles />
      <div className="state-node-label">{data.label}</div>
      <div className="state-node-meta">
        <code>{data.stateKey}</code>
        {data.taskName && <span className="badge badge-task">👤 {data.assignee ?? data.taskName}</span>}
        {data.sla && <span className="badge badge-sla">⏱ {data.sla}</span>}
      </div>
    </div>
  );
});

export const FinalStateNode = memo(function FinalStateNode({ data, selected }: NodeProps<StateFlowNode>) {
  const { t } = useI18n();
  return (
    <div className={classNames(data, selected, 'state-node state-node-final')} data-state-id={data.stateId} title={t('canvas.final')}>
      {data.isInitial && <InitialMarker />}
      <Handle type="target" position={Position.Top} id="in" />
      <div className="state-node-label">◉ {data.label}</div>
    </div>
  );
});

/** A compound state or a parallel state: a frame its children sit in. */
export const ContainerStateNode = memo(function ContainerStateNode({ data, selected }: NodeProps<StateFlowNode>) {
  const { t } = useI18n();
  const parallel = data.kind === 'parallel';
  return (
    <div className={classNames(data, selected, parallel ? 'container-node is-parallel' : 'container-node')} data-state-id={data.stateId}>
      {data.isInitial && <InitialMarker />}
      <Handles />
      <div className="container-node-header">
        {parallel && <span className="badge">∥ {t('canvas.parallel')}</span>}
        <strong>{data.label}</strong> <code>{data.stateKey}</code>
      </div>
    </div>
  );
});

export const nodeTypes = { state: AtomicStateNode, final: FinalStateNode, compound: ContainerStateNode, parallel: ContainerStateNode };
