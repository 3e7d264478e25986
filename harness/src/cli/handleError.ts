import { vigilVersion } from '../version.js';
import { isVigilError, VigilError } from '../errors/VigilError.js';
import { EXIT } from './exitCodes.js';

/** The one place an error becomes text and an exit code; never a stack trace for user mistakes. */
export function handleError(e: unknown, write: (s: string) => void = (s) => process.stderr.write(s)): number {
  if (isVigilError(e)) {
    write(`${e.format()}\n`);
    return e.exitCode;
  }
  const bug = new VigilError('INTERNAL', `unexpected error: ${(e as Error)?.message ?? String(e)}`, {
    meta: [`vigil ${vigilVersion}, node ${process.version}, ${process.platform}-${process.arch}`, `argv: ${process.argv.slice(2).join(' ')}`],
  });
  write(`${bug.format()}\n`);
  if (process.env.VIGIL_DEBUG) write(`${(e as Error)?.stack ?? ''}\n`);
  return EXIT.internal;
}
