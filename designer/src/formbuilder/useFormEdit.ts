import type { FormDefinition } from '@estateflow/model';
import { useCallback } from 'react';
import { useDefinitionEdit } from '../inspector/useDefinitionEdit';

/** One undoable edit of one form of the definition. */
export function useFormEdit(formName: string): (coalesceKey: string, edit: (form: FormDefinition) => FormDefinition) => void {
  const edit = useDefinitionEdit();
  return useCallback(
    (coalesceKey, update) =>
      edit(`form.${formName}.${coalesceKey}`, (definition) => {
        const form = definition.forms[formName];
        return form ? { ...definition, forms: { ...definition.forms, [formName]: update(form) } } : definition;
      }),
    [edit, formName],
  );
}
