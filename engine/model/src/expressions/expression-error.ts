export type ExpressionErrorCode = 'syntax' | 'unsafe' | 'evaluation' | 'type' | 'tooLong';

/** An expression that cannot be parsed, type-checked or evaluated; `expression` is the source text. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly code: ExpressionErrorCode;
  readonly expression: string;

  constructor(options: { code: ExpressionErrorCode; expression: string; message: string }) {
    super(options.message);
    this.code = options.code;
    this.expression = options.expression;
  }
}
