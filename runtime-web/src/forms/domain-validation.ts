import { isMobilePhone, isValidIdNumber, normaliseIdNumber, normalisePhone } from '@estateflow/model/personal-numbers';

export type DomainErrorKind = 'idNumber' | 'phone' | 'confirm';
export type DomainError = { path: string[]; kind: DomainErrorKind };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkValue(widget: unknown, value: unknown): DomainErrorKind | null {
  switch (widget) {
    case 'idNumber':
      return typeof value === 'string' && value !== '' && !isValidIdNumber(normaliseIdNumber(value)) ? 'idNumber' : null;
    case 'phone':
      return typeof value === 'string' && value !== '' && !isMobilePhone(normalisePhone(value)) ? 'phone' : null;
    case 'confirm':
      return value === true ? null : 'confirm';
    default:
      return null;
  }
}

/**
 * What JSON Schema cannot say about the domain widgets: an ID number's check digit, a mobile
 * number's shape, a confirmation that must be ticked. Walks uiSchema beside formData.
 */
export function findDomainErrors(formData: unknown, uiSchema: unknown, path: string[] = []): DomainError[] {
  if (!isRecord(uiSchema)) return [];
  const own = checkValue(uiSchema['ui:widget'], formData);
  const errors: DomainError[] = own ? [{ path, kind: own }] : [];
  if (Array.isArray(formData) && isRecord(uiSchema.items)) {
    formData.forEach((item, index) => errors.push(...findDomainErrors(item, uiSchema.items, [...path, String(index)])));
  }
  for (const [key, childUi] of Object.entries(uiSchema)) {
    if (key.startsWith('ui:') || key === 'items' || !isRecord(childUi)) continue;
    const childValue = isRecord(formData) ? formData[key] : undefined;
    errors.push(...findDomainErrors(childValue, childUi, [...path, key]));
  }
  return errors;
}
