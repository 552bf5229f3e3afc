import type { Locale } from '../../api/types';

/** A 0–1 share as a percentage to one decimal at most ("91.7%", "100%"); "—" when there is none. */
export function formatShare(share: number | null, locale: Locale): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
