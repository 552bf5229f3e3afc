import { maskIdNumber, maskPhone } from '../../privacy/masking';
import { zonedParts } from '../../calendar/zoned-time';

/** The only helpers templates may call (besides if / unless / each / with). */
export const TEMPLATE_HELPERS = ['date', 'money', 'maskPhone', 'maskId'] as const;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Strict helpers: each takes exactly what it documents and turns anything else into '' rather
 * than guessing. They read only their arguments — never the template's context or `this`.
 */
export function templateHelpers(timezone: string): Record<(typeof TEMPLATE_HELPERS)[number], (...args: unknown[]) => string> {
  return {
    /** {{date instance.createdAt}} → 2026-11-21 14:30; {{date x "date"}} → 2026-11-21; "time" → 14:30 (estate time zone). */
    date: (...args) => {
      const [value, format] = args;
      if (typeof value !== 'string' && typeof value !== 'number') return '';
      const instant = new Date(value).getTime();
      if (Number.isNaN(instant)) return '';
      const parts = zonedParts(instant, timezone);
      const day = `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
      const time = `${pad(parts.hour)}:${pad(parts.minute)}`;
      if (format === 'date') return day;
      if (format === 'time') return time;
      return `${day} ${time}`;
    },
    /** {{money data.depositFen}} with an amount in fen (分) → ¥2,000.00 */
    money: (...args) => {
      const [fen] = args;
      if (typeof fen !== 'number' || !Number.isSafeInteger(fen)) return '';
      const sign = fen < 0 ? '-' : '';
      const absolute = Math.abs(fen);
      const yuan = Math.floor(absolute / 100).toLocaleString('en-US');
      return `${sign}¥${yuan}.${pad(absolute % 100)}`;
    },
    /** {{maskPhone data.contactPhone}} → 138****5678 */
    maskPhone: (...args) => {
      const [phone] = args;
      return typeof phone === 'string' ? maskPhone(phone.replace(/[\s-]/g, '')) : '';
    },
    /** {{maskId data.idNumber}} → 110101********1234 */
    maskId: (...args) => {
      const [idNumber] = args;
      return typeof idNumber === 'string' ? maskIdNumber(idNumber.replace(/\s/g, '').toUpperCase()) : '';
    },
  };
}
