/**
 * The satisfaction most property companies aim for (DOMAIN.md: ≥ 4.2 / 5). The summary does not
 * carry an estate's own target, so the page marks averages against this common one.
 */
export const SATISFACTION_TARGET = 4.2;

/** Whether an average rating misses the target (no rating misses nothing). */
export function belowTarget(averageRating: number | null): boolean {
  return averageRating !== null && averageRating < SATISFACTION_TARGET;
}
