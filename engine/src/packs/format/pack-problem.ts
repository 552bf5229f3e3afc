/** One thing wrong with a pack: which file, where in it (a JSON pointer, "" for the whole file) and why. */
export interface PackProblem {
  file: string;
  path: string;
  reason: string;
}

/** A pack that cannot be read or imported; carries every problem found, each with file, path and reason. */
export class PackError extends Error {
  override readonly name = 'PackError';
  readonly problems: PackProblem[];

  constructor(problems: PackProblem[]) {
    const first = problems[0];
    super(
      first === undefined
        ? 'the pack is not valid'
        : `${first.file}${first.path ? ` ${first.path}` : ''}: ${first.reason}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
    );
    this.problems = problems;
  }
}
