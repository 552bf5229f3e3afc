import type { Locale, UnitOption } from '../api/types';
import { translate, type Translate } from '../i18n/translate';

/**
 * What the domain widgets need from the page around the form. The designer's preview passes
 * only `locale` (no estate): the unit and staff pickers then fall back to a plain text input.
 */
export type EstateFormContext = {
  locale: Locale;
  estateId?: string;
  /** The instance an event form belongs to: uploads are linked to it. */
  instanceId?: string;
  /** Units offered by the unit picker without a server search (the owner's own units). */
  units?: UnitOption[];
  /** The designer preview: no requests to /api. */
  offline?: boolean;
};

export type ResolvedFormContext = EstateFormContext & { t: Translate };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readFormContext(raw: unknown): ResolvedFormContext {
  const context: EstateFormContext = { locale: 'zh-CN' };
  if (isRecord(raw)) {
    if (raw.locale === 'en') context.locale = 'en';
    if (typeof raw.estateId === 'string') context.estateId = raw.estateId;
    if (typeof raw.instanceId === 'string') context.instanceId = raw.instanceId;
    if (Array.isArray(raw.units)) {
      context.units = raw.units.filter(
        (unit): unit is UnitOption => isRecord(unit) && typeof unit.id === 'string' && typeof unit.label === 'string',
      );
    }
    if (raw.offline === true) context.offline = true;
  }
  const locale = context.locale;
  return { ...context, t: (key, vars) => translate(locale, key, vars) };
}

type Options = Record<string, unknown> | undefined;

export function optionString(options: Options, name: string, fallback: string): string {
  const value = options?.[name];
  return typeof value === 'string' && value !== '' ? value : fallback;
}

export function optionNumber(options: Options, name: string, fallback: number): number {
  const value = options?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function optionBoolean(options: Options, name: string, fallback: boolean): boolean {
  const value = options?.[name];
  return typeof value === 'boolean' ? value : fallback;
}
