import { ReactFlowProvider } from '@xyflow/react';
import { CanvasContextMenu } from '../canvas/CanvasContextMenu';
import { CanvasShortcutsEffect } from '../canvas/CanvasShortcutsEffect';
import { CanvasToolbar } from '../canvas/CanvasToolbar';
import { WorkflowCanvas } from '../canvas/WorkflowCanvas';
import { InspectorPanel } from '../inspector/InspectorPanel';
import { LintPanel } from '../lint/LintPanel';

/** Toolbar, canvas and lint on the left, the inspector on the right. */
export function StatechartTab() {
  return (
    <ReactFlowProvider>
      <CanvasShortcutsEffect />
      <div className="statechart">
        <div className="statechart-main">
          <CanvasToolbar />
          <CanvasContextMenu>
            <WorkflowCanvas />
          </CanvasContextMenu>
          <LintPanel />
        </div>
        <InspectorPanel />
      </div>
    </ReactFlowProvider>
  );
}
