/** A failure the user can fix (bad option, unusable input): printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
