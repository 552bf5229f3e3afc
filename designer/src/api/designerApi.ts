import type { WorkflowDefinition } from '@estateflow/model';
import { apiRequest } from '@estateflow/runtime-web/api';
import type { DefinitionDetail, DefinitionSummary, DefinitionVersionDetail, EstateBinding, Me } from './types';

const definitionPath = (id: string) => `/definitions/${encodeURIComponent(id)}`;

/** Every route the designer calls, one function each (docs/api.md), through the shared client. */
export const designerApi = {
  me: () => apiRequest<Me>('/me'),
  login: (credentials: { email: string; password: string }) => apiRequest<Me>('/auth/login', { method: 'POST', body: credentials }),
  logout: () => apiRequest<void>('/auth/logout', { method: 'POST' }),
  listDefinitions: (query: { q?: string; status?: string }) => apiRequest<DefinitionSummary[]>('/definitions', { query }),
  createDefinition: (body: { key: string; name: string; definition?: WorkflowDefinition }) =>
    apiRequest<DefinitionDetail>('/definitions', { method: 'POST', body }),
  getDefinition: (id: string) => apiRequest<DefinitionDetail>(definitionPath(id)),
  saveDraft: (input: { id: string; draft: WorkflowDefinition; draftRevision: number }) =>
    apiRequest<{ draftRevision: number }>(`${definitionPath(input.id)}/draft`, {
      method: 'PUT',
      body: { draft: input.draft, draftRevision: input.draftRevision },
    }),
  publish: (input: { id: string; changeNote: string }) =>
    apiRequest<{ version: number }>(`${definitionPath(input.id)}/publish`, { method: 'POST', body: { changeNote: input.changeNote } }),
  duplicate: (input: { id: string; key: string }) =>
    apiRequest<DefinitionDetail>(`${definitionPath(input.id)}/duplicate`, { method: 'POST', body: { key: input.key } }),
  archive: (id: string) => apiRequest<unknown>(`${definitionPath(id)}/archive`, { method: 'POST' }),
  getVersion: (input: { id: string; version: number }) =>
    apiRequest<DefinitionVersionDetail>(`${definitionPath(input.id)}/versions/${input.version}`),
  listBindings: (estateId: string) => apiRequest<EstateBinding[]>(`/estates/${encodeURIComponent(estateId)}/bindings`),
  bind: (input: { estateId: string; workflowKey: string; definitionId: string; version: number; parameters: Record<string, unknown> }) =>
    apiRequest<EstateBinding>(`/estates/${encodeURIComponent(input.estateId)}/bindings/${encodeURIComponent(input.workflowKey)}`, {
      method: 'PUT',
      body: { definitionId: input.definitionId, version: input.version, parameters: input.parameters },
    }),
};
