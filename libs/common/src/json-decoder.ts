import Ajv, { type JSONSchemaType } from 'ajv';

const ajv = new Ajv({ allErrors: true, strict: true });

/** A JSON column held something its readers do not understand: the row was written wrong. */
export class StoredJsonInvalid extends Error {
  constructor(what: string, problems: string) {
    super(`${what} is not as stored data must be: ${problems}`);
    this.name = 'StoredJsonInvalid';
  }
}

/**
 * A checked reader for JSON stored in a column: the value is validated
 * against the schema (compiled once), and returned typed, or rejected with
 * what is wrong with it.
 */
export function jsonDecoder<T>(what: string, schema: JSONSchemaType<T>): (value: unknown) => T {
  const validate = ajv.compile(schema);
  return (value) => {
    if (validate(value)) return value;
    const problems = (validate.errors ?? [])
      .map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`)
      .join('; ');
    throw new StoredJsonInvalid(what, problems);
  };
}
