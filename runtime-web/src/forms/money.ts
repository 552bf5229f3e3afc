// Money widget: a schema of `type: "integer"` stores integer fen (分, ¥12.34 → 1234);
// `type: "number"` stores yuan (元) as a number with at most two decimals.

export type MoneyUnit = 'fen' | 'yuan';

export function moneyUnitForSchemaType(type: unknown): MoneyUnit {
  return type === 'integer' ? 'fen' : 'yuan';
}

/** Stored value → yuan shown in the input. */
export function storedToYuan(stored: unknown, unit: MoneyUnit): number | null {
  if (typeof stored !== 'number' || !Number.isFinite(stored)) return null;
  return unit === 'fen' ? stored / 100 : stored;
}

/** Yuan typed in the input → stored value (fen rounded to an integer, yuan to 2 decimals). */
export function yuanToStored(yuan: number | null | undefined, unit: MoneyUnit): number | undefined {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return undefined;
  const fen = Math.round(yuan * 100);
  return unit === 'fen' ? fen : fen / 100;
}

/** ¥1,234.50 */
export function formatYuan(yuan: number): string {
  const sign = yuan < 0 ? '-' : '';
  const [whole = '0', cents = '00'] = Math.abs(yuan).toFixed(2).split('.');
  return `${sign}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
