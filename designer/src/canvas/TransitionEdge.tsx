import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStore, type EdgeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import { select } from '../commands/editCommands';
import { EditorContext } from '../editor/EditorContext';
import { useI18n } from '../i18n/I18nContext';
import type { TransitionFlowEdge } from './flowTypes';

interface EdgeGeometry {
  path: string;
  labelX: number;
  labelY: number;
}

function selfLoop(input: { sourceX: number; sourceY: number; targetX: number; targetY: number; lane: number }): EdgeGeometry {
  const reach = 120 + input.lane * 40;
  const { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty } = input;
  return {
    path: `M ${sx},${sy} C ${sx + reach},${sy + 50} ${tx + reach},${ty - 50} ${tx},${ty}`,
    labelX: sx + reach * 0.8,
    labelY: (sy + ty) / 2,
  };
}

function laneCurve(input: { sourceX: number; sourceY: number; targetX: number; targetY: number; lane: number }): EdgeGeometry {
  const { sourceX: sx, sourceY: sy, targetX: tx, targetY: ty, lane } = input;
  const length = Math.hypot(tx - sx, ty - sy) || 1;
  const offset = 50 * Math.ceil(lane / 2) * (lane % 2 === 0 ? -1 : 1);
  const cx = (sx + tx) / 2 + (-(ty - sy) / length) * offset;
  const cy = (sy + ty) / 2 + ((tx - sx) / length) * offset;
  return {
    path: `M ${sx},${sy} Q ${cx},${cy} ${tx},${ty}`,
    labelX: 0.25 * sx + 0.5 * cx + 0.25 * tx,
    labelY: 0.25 * sy + 0.5 * cy + 0.25 * ty,
  };
}

/** A transition: its event label with guard, timer and eventless badges; self-loops and parallel lanes fan out. */
export const TransitionEdge = memo(function TransitionEdge(props: EdgeProps<TransitionFlowEdge>) {
  const { t } = useI18n();
  const editor = useContext(EditorContext);
  // Below this zoom labels are unreadable anyway; leaving them out keeps big charts fluid.
  const showLabel = useStore((store) => store.transform[2] >= 0.45);
  const { data, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd } = props;
  const lane = data?.lane ?? 0;
  let geometry: EdgeGeometry;
  if (data?.isSelfLoop) geometry = selfLoop({ sourceX, sourceY, targetX, targetY, lane });
  else if (lane > 0) geometry = laneCurve({ sourceX, sourceY, targetX, targetY, lane });
  else {
    const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
    geometry = { path, labelX, labelY };
  }
  const className = [
    'transition-edge',
    selected && 'is-selected',
    data?.taken && 'is-taken',
    data?.severity && `has-${data.severity}`,
    data?.diff && `diff-${data.diff}`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <BaseEdge id={props.id} path={geometry.path} markerEnd={markerEnd} className={className} interactionWidth={16} />
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label ${className}`}
            style={{ transform: `translate(-50%, -50%) translate(${geometry.labelX}px, ${geometry.labelY}px)` }}
            data-transition-id={data?.transitionId}
            onClick={(event) => {
              if (!data || !editor) return;
              event.stopPropagation();
              editor.perform(select({ states: [], transitions: [data.transitionId] }));
            }}
          >
            {data?.kind === 'always' && <span className="badge">⟳ {t('canvas.always')}</span>}
            {data?.kind === 'after' && <span className="badge badge-sla">⏱ {t('canvas.after', { delay: data.delay ?? '' })}</span>}
            {data?.kind === 'onDone' && <span className="badge">✓ onDone</span>}
            {data?.label && <span>{data.label}</span>}
            {data?.hasGuard && <span className="badge badge-guard">[{t('canvas.guard')}]</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export const edgeTypes = { transition: TransitionEdge };
