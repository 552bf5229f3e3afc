/**
 * Whether an average rating misses the target its estate set (Estate settings; DOMAIN.md's common
 * one is 4.2). No rating misses nothing; no single target (estates that aim differently) marks nothing.
 */
export function belowTarget(averageRating: number | null, target: number | null): boolean {
  return averageRating !== null && target !== null && averageRating < target;
}
