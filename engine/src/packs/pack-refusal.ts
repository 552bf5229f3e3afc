import { UnprocessableError } from '../common/errors';
import type { PackProblem } from './format/pack-problem';

/** A 422 naming every problem of a refused pack: `details.problems` is `[{ file, path, reason }]`. */
export function packRefusal(problems: readonly PackProblem[]): UnprocessableError {
  const first = problems[0];
  const where = first === undefined ? '' : `${first.file}${first.path === '' ? '' : ` ${first.path}`}: ${first.reason}`;
  return new UnprocessableError(
    `The pack was refused; nothing was imported. ${where}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
    { problems },
  );
}
