/** A path into JSON as a JSON pointer (RFC 6901): ["workers", "0", "a/b"] → "/workers/0/a~1b". */
export function jsonPointer(path: readonly string[]): string {
  return path.map((segment) => `/${segment.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
