import { ValidationError } from '../common/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An optional id in the query string: absent → undefined; not an id → 400 naming the parameter. */
export function optionalUuidQuery(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!UUID.test(raw)) throw new ValidationError(`"${name}" must be an id.`, { fields: [{ field: name, message: 'an id (uuid)' }] });
  return raw.toLowerCase();
}
