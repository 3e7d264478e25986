import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import schema from '../../../reports/schema/report.v1.schema.json' with { type: 'json' };
import { REPORT_SCHEMA_VERSION, type Report } from './types.js';

export type ReportValidation = { ok: true; report: Report } | { ok: false; errors: string[] };

// Compiled once at import: the schema is constant, and compiling per call would cost more than validating.
const validateSchema = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** Checks untrusted data (a report read from disk) against the v1 schema, collecting every problem. */
export function validateReport(data: unknown): ReportValidation {
  const version = schemaVersionOf(data);
  // A newer report fails the schema in many places at once; the version alone says what to do.
  if (typeof version === 'number' && version > REPORT_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [`report schema version ${version} is newer than this Vigil supports (${REPORT_SCHEMA_VERSION})`],
    };
  }
  if (validateSchema(data)) return { ok: true, report: data as unknown as Report };
  return { ok: false, errors: (validateSchema.errors ?? []).map(formatSchemaError) };
}

function schemaVersionOf(data: unknown): unknown {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>).schemaVersion : undefined;
}

/** `path: message` with a dotted path (`specs[1].stats.calls`), naming the offending key where ajv keeps it in params. */
function formatSchemaError(e: ErrorObject): string {
  const path = toDottedPath(e.instancePath);
  const at = (key: string): string => (path === '(root)' ? key : `${path}.${key}`);
  switch (e.keyword) {
    case 'required':
      return `${at(String(e.params.missingProperty))}: is required`;
    case 'additionalProperties':
      return `${at(String(e.params.additionalProperty))}: is not an allowed property`;
    case 'enum':
      return `${path}: must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${path}: must be ${JSON.stringify(e.params.allowedValue)}`;
    default:
      return `${path}: ${e.message ?? 'is invalid'}`;
  }
}

function toDottedPath(pointer: string): string {
  if (pointer === '') return '(root)';
  return pointer
    .slice(1)
    .split('/')
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc === '' ? seg : `${acc}.${seg}`), '');
}
