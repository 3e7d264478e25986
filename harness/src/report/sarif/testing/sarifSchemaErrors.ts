import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';

const SCHEMA_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..', 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

/**
 * The official SARIF 2.1.0 schema (rtm.5) declares draft-04 but uses only keywords that mean the
 * same in draft-07 (no exclusiveMinimum / exclusiveMaximum), so Ajv's draft-07 validator checks it
 * once `id` is spelled `$id`. Formats (uri, uri-reference, date-time) need ajv-formats, which is not
 * installed: format checking is off, and tests check URIs and dates by hand. The schema's
 * `language` pattern (`...]?$`) is valid only without the `u` flag, hence unicodeRegExp off.
 */
function compile() {
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  return new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile({ $id: String(id), ...schema });
}

let validate: ReturnType<typeof compile> | undefined;

/** Every way `log` breaks the SARIF 2.1.0 schema, as `path message` lines (none: valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  validate ??= compile();
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
