// configGuard: Logto calls safeParse synchronously, so the config is checked in JS, compiled with ajv from the same JSON
// Schema file the host validates with. Results are shaped like zod's safeParse (the library Logto's guards use); the issues
// are the host's, word for word, so a config is described the same way whichever side rejects it.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { addFormats } from './formats.js';
import { toIssues } from './config-issues.js';

const dialect = 'https://json-schema.org/draft/2020-12/schema';

/**
 * Shaped like a ZodError (issues, name, a message listing the issues) and serialised like the host's invalid_config data:
 * JSON.stringify gives {"issues":[…],"name":"ConfigValidationError"}.
 */
export class ConfigGuardError extends Error {
  /** @param {import('./config-issues.js').Issue[]} issues */
  constructor(issues) {
    super();
    this.issues = issues;
    this.name = 'ConfigValidationError';
  }

  get message() {
    return JSON.stringify(this.issues, null, 2);
  }

  get errors() {
    return this.issues;
  }
}

/** @param {import('ajv').SchemaObject} schema the package's config schema */
export function createConfigGuard(schema) {
  if (schema.$schema !== dialect) throw new Error(`The config schema must declare "$schema": "${dialect}" (the host's dialect).`);
  // strict: false lets annotation keywords (x-placeholder, x-enumTitles, …) through; verbose gives errors their schema and data.
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, validateFormats: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  /**
   * @param {unknown} config
   * @returns {{ success: true, data: unknown } | { success: false, error: ConfigGuardError }}
   */
  const safeParse = (config) =>
    validate(config)
      ? { success: true, data: structuredClone(config) }
      : { success: false, error: new ConfigGuardError(toIssues(validate.errors ?? [], schema)) };

  /** @param {unknown} config */
  const parse = (config) => {
    const result = safeParse(config);
    if (!result.success) throw result.error;
    return result.data;
  };

  return { safeParse, parse };
}
