import { Ajv2020 } from 'ajv/dist/2020.js';
import schema from '../../../reports/schema/recommendation.v1.schema.json' with { type: 'json' };

// Compiled once at import: the schema is constant.
const validateSchema = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** Every way `data` departs from the recommendation schema, as `path: message` (empty when it fits). */
export function validateRecommendation(data: unknown): string[] {
  if (validateSchema(data)) return [];
  return (validateSchema.errors ?? []).map((e) => `${e.instancePath || '(root)'}: ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`);
}
