import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import recordSchema from './record.schema.json';
import type { RecordDocument } from './record-document';

/** record.schema.json as the package carries it. */
export const RECORD_SCHEMA_JSON = `${JSON.stringify(recordSchema, null, 2)}\n`;

export class RecordDoesNotMatchSchema extends Error {}

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    validator = ajv.compile(recordSchema);
  }
  return validator;
}

/**
 * Checks a record against the schema the package ships with, so a package
 * never promises a shape it does not have. The error names paths and rules,
 * never values: it must not carry personal data into logs.
 */
export function assertMatchesSchema(document: RecordDocument): void {
  const validate = compiled();
  if (validate(document)) return;
  const problems = (validate.errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
  throw new RecordDoesNotMatchSchema(
    `The record does not match record.schema.json: ${problems.join('; ')}`,
  );
}
