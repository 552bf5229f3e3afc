import { createContext, useContext } from 'react';
import type { FindingSeverity } from '../canvas/flowTypes';
import type { FindingTarget } from './findingTarget';

/** One problem as the designer shows it: the model's lint finding or a schema error, located. */
export interface DesignerFinding {
  severity: FindingSeverity;
  code: string;
  message: string;
  target: FindingTarget;
}

export interface LintValue {
  findings: DesignerFinding[];
  errorCount: number;
  severityByElement: ReadonlyMap<string, FindingSeverity>;
}

export const LintContext = createContext<LintValue>({ findings: [], errorCount: 0, severityByElement: new Map() });

export function useLint(): LintValue {
  return useContext(LintContext);
}
