// Typed errors of the rules package, with stable codes the API maps to 4xx/5xx answers.

export type RulesErrorCode = 'invalid_month' | 'as_of_out_of_range' | 'parameter_not_in_force';

export class RulesError extends Error {
  override readonly name = 'RulesError';
  readonly code: RulesErrorCode;
  readonly details: Record<string, string>;

  constructor(code: RulesErrorCode, message: string, details: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
