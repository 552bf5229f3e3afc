/** A list as a non-empty tuple (the model's TransitionList, ActionList minimums), or undefined when empty. */
export function nonEmpty<T>(list: readonly T[]): [T, ...T[]] | undefined {
  const [first, ...rest] = list;
  return first === undefined ? undefined : [first, ...rest];
}
