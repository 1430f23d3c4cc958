/** A problem with the input that ends the run with a one-line message and a non-zero exit code. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly code: number = 2,
  ) {
    super(message);
  }
}
