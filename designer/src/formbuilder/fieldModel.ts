import type { FormDefinition, FormJsonSchema } from '@estateflow/model';
import { uniqueKey } from '../definition/stateEdits';
import { isRecord } from '../util/isRecord';
import { FIELD_KINDS, fieldKindOf, type FieldKind } from './fieldKinds';

/**
 * The form builder's pure edits of a form (JSON Schema + uiSchema). Fields live in containers:
 * the form itself, a section (an object property) or a repeating group (an array of objects,
 * its fields under `items`). A field shown only when another has a value sits in the
 * container's `allOf: [{ if, then }]`, as JSON Schema says it.
 */

export type UiSchema = Record<string, unknown>;

export interface VisibleWhen {
  field: string;
  equals: string | number | boolean;
}

export interface FieldEntry {
  path: string[];
  key: string;
  schema: FormJsonSchema;
  ui: UiSchema;
  required: boolean;
  kind: FieldKind | undefined;
  visibleWhen: VisibleWhen | null;
  children: FieldEntry[] | null;
}

export function isSchema(value: unknown): value is FormJsonSchema {
  return isRecord(value);
}

function uiOf(value: unknown): UiSchema {
  return isRecord(value) ? value : {};
}

/** The object schema holding a container's fields, and the uiSchema beside it. */
function containerAt(form: FormDefinition, path: readonly string[]): { schema: FormJsonSchema; ui: UiSchema } | null {
  let schema: FormJsonSchema = form.schema;
  let ui: UiSchema = uiOf(form.uiSchema);
  for (const key of path) {
    const field = findField(schema, key);
    if (!field) return null;
    if (field.schema.type === 'array' && isSchema(field.schema.items) && !Array.isArray(field.schema.items)) {
      schema = field.schema.items;
      ui = uiOf(uiOf(ui[key]).items);
    } else {
      schema = field.schema;
      ui = uiOf(ui[key]);
    }
  }
  return { schema, ui };
}

interface Located {
  schema: FormJsonSchema;
  /** Index into the container's allOf when the field is conditional. */
  branch: number | null;
  visibleWhen: VisibleWhen | null;
  required: boolean;
}

function conditionOf(rule: FormJsonSchema): VisibleWhen | null {
  const test = rule.if;
  if (!isSchema(test) || !test.properties) return null;
  const [entry] = Object.entries(test.properties);
  const equals = entry?.[1]?.const;
  if (!entry || (typeof equals !== 'string' && typeof equals !== 'number' && typeof equals !== 'boolean')) return null;
  return { field: entry[0], equals };
}

function findField(container: FormJsonSchema, key: string): Located | null {
  const direct = container.properties?.[key];
  if (direct) return { schema: direct, branch: null, visibleWhen: null, required: container.required?.includes(key) ?? false };
  const rules = container.allOf ?? [];
  for (let index = 0; index < rules.length; index += 1) {
    const rule = rules[index];
    const then = rule?.then;
    if (!rule || !isSchema(then)) continue;
    const found = then.properties?.[key];
    if (found) return { schema: found, branch: index, visibleWhen: conditionOf(rule), required: then.required?.includes(key) ?? false };
  }
  return null;
}

function orderOf(container: FormJsonSchema, ui: UiSchema): string[] {
  const keys = [...Object.keys(container.properties ?? {})];
  for (const rule of container.allOf ?? []) if (isSchema(rule.then)) keys.push(...Object.keys(rule.then.properties ?? {}));
  const order = ui['ui:order'];
  if (!Array.isArray(order)) return keys;
  const listed = order.filter((key): key is string => typeof key === 'string' && keys.includes(key));
  return [...listed, ...keys.filter((key) => !listed.includes(key))];
}

/** Every field as a tree, in the order the form shows them. */
export function listFields(form: FormDefinition, path: readonly string[] = []): FieldEntry[] {
  const container = containerAt(form, path);
  if (!container) return [];
  return orderOf(container.schema, container.ui).flatMap((key): FieldEntry[] => {
    const located = findField(container.schema, key);
    if (!located) return [];
    const ui = uiOf(container.ui[key]);
    const kind = fieldKindOf(located.schema, ui);
    const fieldPath = [...path, key];
    return [
      {
        path: fieldPath,
        key,
        schema: located.schema,
        ui,
        required: located.required,
        kind,
        visibleWhen: located.visibleWhen,
        children: kind?.container ? listFields(form, fieldPath) : null,
      },
    ];
  });
}

/** Rebuilds the form with the container at `path` (schema and ui) replaced by `update`'s answer. */
function updateContainer(
  form: FormDefinition,
  path: readonly string[],
  update: (container: { schema: FormJsonSchema; ui: UiSchema }) => { schema: FormJsonSchema; ui: UiSchema },
): FormDefinition {
  const walk = (schema: FormJsonSchema, ui: UiSchema, rest: readonly string[]): { schema: FormJsonSchema; ui: UiSchema } => {
    const [key, ...tail] = rest;
    if (key === undefined) return update({ schema, ui });
    const located = findField(schema, key);
    if (!located) return { schema, ui };
    const fieldUi = uiOf(ui[key]);
    let nextField: FormJsonSchema;
    let nextUi: UiSchema;
    if (located.schema.type === 'array' && isSchema(located.schema.items) && !Array.isArray(located.schema.items)) {
      const inner = walk(located.schema.items, uiOf(fieldUi.items), tail);
      nextField = { ...located.schema, items: inner.schema };
      nextUi = { ...fieldUi, items: inner.ui };
    } else {
      const inner = walk(located.schema, fieldUi, tail);
      nextField = inner.schema;
      nextUi = inner.ui;
    }
    return { schema: replaceField(schema, key, nextField), ui: { ...ui, [key]: nextUi } };
  };
  const result = walk(form.schema, uiOf(form.uiSchema), path);
  return { ...form, schema: result.schema, uiSchema: result.ui };
}

function replaceField(container: FormJsonSchema, key: string, field: FormJsonSchema): FormJsonSchema {
  const located = findField(container, key);
  if (!located || located.branch === null) return { ...container, properties: { ...container.properties, [key]: field } };
  const branch = located.branch;
  return {
    ...container,
    allOf: (container.allOf ?? []).map((rule, index) =>
      index === branch && isSchema(rule.then)
        ? { ...rule, then: { ...rule.then, properties: { ...rule.then.properties, [key]: field } } }
        : rule,
    ),
  };
}

function withoutField(container: FormJsonSchema, key: string): FormJsonSchema {
  const properties = { ...container.properties };
  delete properties[key];
  const next: FormJsonSchema = { ...container, properties };
  const required = (container.required ?? []).filter((name) => name !== key);
  if (required.length) next.required = required;
  else delete next.required;
  const rules = (container.allOf ?? [])
    .map((rule) => {
      if (!isSchema(rule.then) || !rule.then.properties?.[key]) return rule;
      const thenProperties = { ...rule.then.properties };
      delete thenProperties[key];
      const thenRequired = (rule.then.required ?? []).filter((name) => name !== key);
      return {
        ...rule,
        then: { ...rule.then, properties: thenProperties, ...(thenRequired.length ? { required: thenRequired } : { required: undefined }) },
      };
    })
    .filter((rule) => !isSchema(rule.then) || Object.keys(rule.then.properties ?? {}).length > 0);
  if (rules.length) next.allOf = rules;
  else delete next.allOf;
  return next;
}

function parentAndKey(path: readonly string[]): { parent: string[]; key: string } | null {
  const key = path.at(-1);
  return key === undefined ? null : { parent: path.slice(0, -1), key };
}

export function addField(
  form: FormDefinition,
  input: { containerPath: readonly string[]; kindId: string; index?: number },
): { form: FormDefinition; path: string[] } {
  const kind = FIELD_KINDS.find((candidate) => candidate.id === input.kindId);
  const container = containerAt(form, input.containerPath);
  if (!kind || !container) return { form, path: [] };
  const key = uniqueKey(orderOf(container.schema, container.ui), kind.key);
  const next = updateContainer(form, input.containerPath, ({ schema, ui }) => {
    const order = orderOf(schema, ui);
    order.splice(input.index ?? order.length, 0, key);
    const nextUi: UiSchema = { ...ui, 'ui:order': order };
    if (kind.ui) nextUi[key] = structuredClone(kind.ui);
    return { schema: { ...schema, type: 'object', properties: { ...schema.properties, [key]: structuredClone(kind.schema) } }, ui: nextUi };
  });
  return { form: next, path: [...input.containerPath, key] };
}

export function removeField(form: FormDefinition, path: readonly string[]): FormDefinition {
  const address = parentAndKey(path);
  if (!address) return form;
  return updateContainer(form, address.parent, ({ schema, ui }) => {
    const nextUi = { ...ui };
    delete nextUi[address.key];
    if (Array.isArray(nextUi['ui:order'])) nextUi['ui:order'] = nextUi['ui:order'].filter((key) => key !== address.key);
    return { schema: withoutField(schema, address.key), ui: nextUi };
  });
}

/** Moves a field to another position among its siblings (the container's `ui:order`). */
export function moveField(form: FormDefinition, input: { path: readonly string[]; toIndex: number }): FormDefinition {
  const address = parentAndKey(input.path);
  if (!address) return form;
  return updateContainer(form, address.parent, ({ schema, ui }) => {
    const order = orderOf(schema, ui).filter((key) => key !== address.key);
    order.splice(Math.max(0, Math.min(input.toIndex, order.length)), 0, address.key);
    return { schema, ui: { ...ui, 'ui:order': order } };
  });
}

export function updateField(
  form: FormDefinition,
  input: { path: readonly string[]; schema?: (schema: FormJsonSchema) => FormJsonSchema; ui?: (ui: UiSchema) => UiSchema },
): FormDefinition {
  const address = parentAndKey(input.path);
  if (!address) return form;
  return updateContainer(form, address.parent, ({ schema, ui }) => {
    const located = findField(schema, address.key);
    if (!located) return { schema, ui };
    const nextSchema = input.schema ? replaceField(schema, address.key, input.schema(located.schema)) : schema;
    const nextUi = input.ui ? { ...ui, [address.key]: input.ui(uiOf(ui[address.key])) } : ui;
    return { schema: nextSchema, ui: nextUi };
  });
}

export function setRequired(form: FormDefinition, input: { path: readonly string[]; required: boolean }): FormDefinition {
  const address = parentAndKey(input.path);
  if (!address) return form;
  const toggle = (list: string[] | undefined) => {
    const set = new Set(list ?? []);
    if (input.required) set.add(address.key);
    else set.delete(address.key);
    return set.size ? [...set] : undefined;
  };
  return updateContainer(form, address.parent, ({ schema, ui }) => {
    const located = findField(schema, address.key);
    if (!located) return { schema, ui };
    if (located.branch === null) return { schema: { ...schema, required: toggle(schema.required) }, ui };
    const branch = located.branch;
    const allOf = (schema.allOf ?? []).map((rule, index) =>
      index === branch && isSchema(rule.then) ? { ...rule, then: { ...rule.then, required: toggle(rule.then.required) } } : rule,
    );
    return { schema: { ...schema, allOf }, ui };
  });
}

export function renameField(
  form: FormDefinition,
  input: { path: readonly string[]; key: string },
): { form: FormDefinition; path: string[] } {
  const address = parentAndKey(input.path);
  const container = containerAt(form, address?.parent ?? []);
  if (!address || !container || !/^[A-Za-z][A-Za-z0-9_]*$/.test(input.key) || orderOf(container.schema, container.ui).includes(input.key))
    return { form, path: [...input.path] };
  const located = findField(container.schema, address.key);
  if (!located) return { form, path: [...input.path] };
  const order = orderOf(container.schema, container.ui).map((key) => (key === address.key ? input.key : key));
  let next = removeField(form, input.path);
  next = updateContainer(next, address.parent, ({ schema, ui }) => {
    const nextUi: UiSchema = { ...ui, 'ui:order': order, [input.key]: container.ui[address.key] ?? {} };
    return { schema: { ...schema, properties: { ...schema.properties, [input.key]: located.schema } }, ui: nextUi };
  });
  next = setRequired(next, { path: [...address.parent, input.key], required: located.required });
  if (located.visibleWhen) next = setVisibility(next, { path: [...address.parent, input.key], when: located.visibleWhen });
  return { form: next, path: [...address.parent, input.key] };
}

/** Shows a field only when a sibling has a value (`allOf: [{ if, then }]`), or always (`when: null`). */
export function setVisibility(form: FormDefinition, input: { path: readonly string[]; when: VisibleWhen | null }): FormDefinition {
  const address = parentAndKey(input.path);
  if (!address) return form;
  return updateContainer(form, address.parent, ({ schema, ui }) => {
    const located = findField(schema, address.key);
    if (!located) return { schema, ui };
    let next = withoutField(schema, address.key);
    if (input.when === null) {
      next = { ...next, properties: { ...next.properties, [address.key]: located.schema } };
      if (located.required) next.required = [...(next.required ?? []), address.key];
    } else {
      const when = input.when;
      const rules = next.allOf ?? [];
      const existing = rules.findIndex((rule) => {
        const condition = conditionOf(rule);
        return condition?.field === when.field && condition.equals === when.equals;
      });
      const then: FormJsonSchema = {
        properties: { [address.key]: located.schema },
        ...(located.required ? { required: [address.key] } : {}),
      };
      if (existing >= 0) {
        next.allOf = rules.map((rule, index) => {
          if (index !== existing || !isSchema(rule.then)) return rule;
          const required = [...(rule.then.required ?? []), ...(located.required ? [address.key] : [])];
          return {
            ...rule,
            then: {
              ...rule.then,
              properties: { ...rule.then.properties, [address.key]: located.schema },
              ...(required.length ? { required } : {}),
            },
          };
        });
      } else {
        next.allOf = [...rules, { if: { properties: { [when.field]: { const: when.equals } }, required: [when.field] }, then }];
      }
    }
    return { schema: next, ui: { ...ui, 'ui:order': orderOf(schema, ui) } };
  });
}
