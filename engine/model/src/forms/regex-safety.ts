/** Longest pattern a form may carry. */
export const MAX_PATTERN_LENGTH = 500;

export type RegexVerdict = { safe: true } | { safe: false; reason: 'tooLong' | 'backreference' | 'nestedQuantifier' | 'invalid' };

/**
 * Refuses patterns that could make AJV's regex test run for seconds (ReDoS): back-references
 * and quantified groups that themselves contain a quantifier or an alternation, such as
 * `(a+)+`, `(a|aa)*` or `(\d{1,3}\.?){4,}`. Conservative by design: the forms people build
 * (phone numbers, ID numbers, room numbers like 3栋2单元1201) never need either.
 */
export function checkRegexSafety(pattern: string): RegexVerdict {
  if (pattern.length > MAX_PATTERN_LENGTH) return { safe: false, reason: 'tooLong' };
  try {
    new RegExp(pattern, 'u');
  } catch {
    return { safe: false, reason: 'invalid' };
  }
  if (/\\[1-9]|\\k</.test(pattern)) return { safe: false, reason: 'backreference' };
  // For each open group: whether its body holds a quantifier or an alternation so far.
  const groups: Array<{ risky: boolean }> = [];
  let inClass = false;
  let lastClosedRisky = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (char === '\\') {
      index += 1;
      lastClosedRisky = false;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    const quantifier = char === '*' || char === '+' || char === '?' || char === '{';
    if (quantifier) {
      const unbounded = char !== '?' && !isBoundedSmallRepeat(pattern, index);
      if (lastClosedRisky && (unbounded || char === '{')) return { safe: false, reason: 'nestedQuantifier' };
      if (char === '*' || char === '+' || char === '{') markRisky(groups);
      lastClosedRisky = false;
      continue;
    }
    lastClosedRisky = false;
    if (char === '[') inClass = true;
    else if (char === '(') groups.push({ risky: false });
    else if (char === '|') markRisky(groups);
    else if (char === ')') {
      const closed = groups.pop();
      lastClosedRisky = closed?.risky === true;
      if (lastClosedRisky) markRisky(groups);
    }
  }
  return { safe: true };
}

function markRisky(groups: Array<{ risky: boolean }>): void {
  const top = groups[groups.length - 1];
  if (top !== undefined) top.risky = true;
}

/** `{n}` repeats a fixed number of times; it cannot blow up on its own. */
function isBoundedSmallRepeat(pattern: string, index: number): boolean {
  return /^\{\d+\}/.test(pattern.slice(index));
}
