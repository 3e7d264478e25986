import { errorCodes, type ErrorCode } from './codes.js';

export interface VigilErrorOptions {
  /** Extra lines shown under the message: file:line, contract, function, decoded revert. */
  meta?: string[];
  /** Overrides the code's default hint with a more concrete one. */
  hint?: string;
  cause?: unknown;
}

/** The one error class Vigil throws for misuse, environment problems and bugs. */
export class VigilError extends Error {
  override readonly name = 'VigilError';
  readonly code: ErrorCode;
  readonly meta: string[];
  readonly hint: string;

  constructor(code: ErrorCode, message: string, options: VigilErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.meta = options.meta ?? [];
    this.hint = options.hint ?? errorCodes[code].hint;
  }

  get exitCode(): number {
    return errorCodes[this.code].exit;
  }

  /** The text shown to the user: the fact, its meta lines, one hint. No stack trace. */
  format(): string {
    const lines = [`error[${this.code}]: ${this.message}`];
    for (const m of this.meta) lines.push(`  ${m}`);
    lines.push(`Hint: ${this.hint}`);
    return lines.join('\n');
  }
}

export function isVigilError(e: unknown): e is VigilError {
  return e instanceof VigilError;
}
