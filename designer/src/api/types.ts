import type { WorkflowDefinition } from '@estateflow/model';

/** Answer shapes of the workflow routes the designer uses, as docs/api.md fixes them. */
export type { Me, StaffMe } from '@estateflow/runtime-web/api';

export type DefinitionStatus = 'draft' | 'published' | 'archived';

export interface DefinitionBindingSummary {
  estateId: string;
  estateName: string;
  version: number;
}

export interface DefinitionSummary {
  id: string;
  key: string;
  name: string | { 'zh-CN'?: string; en?: string };
  status: DefinitionStatus;
  draftRevision: number;
  latestVersion: number | null;
  bindings: DefinitionBindingSummary[];
  updatedAt: string;
}

export interface VersionSummary {
  version: number;
  publishedAt: string;
  changeNote: string;
}

export interface DefinitionDetail {
  id: string;
  key: string;
  name: string | { 'zh-CN'?: string; en?: string };
  status: DefinitionStatus;
  draft: WorkflowDefinition;
  draftRevision: number;
  versions: VersionSummary[];
}

export interface DefinitionVersionDetail {
  version: number;
  definition: WorkflowDefinition;
  publishedAt: string;
  changeNote: string;
}

export interface EstateBinding {
  workflowKey: string;
  definitionId: string;
  version: number;
  parameters: Record<string, unknown>;
}
