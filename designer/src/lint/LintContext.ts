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
  /** False while the findings are of an older definition (lint runs a moment after edits). */
  current: boolean;
}

export const LintContext = createContext<LintValue>({ findings: [], errorCount: 0, severityByElement: new Map(), current: false });

export function useLint(): LintValue {
  return useContext(LintContext);
}
