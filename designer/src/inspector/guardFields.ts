import type { Definition } from '../definition/types';

/** What a guard may test: the event's form fields, the instance data (start form), the parameters. */
export function guardFields(definition: Definition, eventForm: string | undefined): { value: string; label: string }[] {
  const fields: { value: string; label: string }[] = [];
  const add = (prefix: string, form: string | undefined) => {
    const properties = form ? definition.forms[form]?.schema.properties : undefined;
    for (const [name, schema] of Object.entries(properties ?? {}))
      fields.push({ value: `${prefix}.${name}`, label: `${prefix}.${name}${schema?.title ? ` (${schema.title})` : ''}` });
  };
  add('event.data', eventForm);
  add('data', definition.startForm);
  for (const [name, schema] of Object.entries(definition.parameters?.properties ?? {}))
    fields.push({ value: `params.${name}`, label: `params.${name}${schema?.title ? ` (${schema.title})` : ''}` });
  return fields;
}
