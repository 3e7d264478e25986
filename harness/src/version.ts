import { createRequire } from 'node:module';

/** Vigil's version, from package.json (reports, --version, bug reports). */
export const vigilVersion = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
