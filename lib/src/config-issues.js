// ajv errors -> the issues the host reports for the same config ({code, message, path}, zod's vocabulary, sorted by path,
// then code, then message; connector/Kit/ConfigSchemaEvaluator.cs), so Logto shows one wording whichever side
// rejected a config. Messages are built from the schema and the value's JSON type, never from the value (it may be a secret).

/** @typedef {import('ajv').ErrorObject} ErrorObject */
/** @typedef {import('ajv').SchemaObject} SchemaObject */
/** @typedef {{ code: string, message: string, path: (string | number)[] }} Issue */

/**
 * @param {string} pointer
 * @returns {(string | number)[]}
 */
const pointerToPath = (pointer) =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
        .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part));

/** @param {unknown} value */
function jsonTypeOf(value) {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** @param {unknown} value */
const literal = (value) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value));
/** @param {string | string[]} type */
const typeList = (type) => (Array.isArray(type) ? type.join(' | ') : type);

/** The schema annotation that merges missing required items into one issue (connector/Kit/ConfigValidator.cs). */
export const missingItemsMessage = 'x-missingItemsMessage';

/**
 * @param {SchemaObject} schema
 * @param {string} pointer
 * @returns {SchemaObject | undefined}
 */
function resolvePointer(schema, pointer) {
  let node = schema;
  for (const segment of pointer.split('/').filter(Boolean)) node = node?.[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
  return node;
}

/**
 * A failed `contains` at <parent>/allOf/<n> whose parent schema carries the message annotation: the parent, n, and the
 * string const the `contains` asks for (`{contains: {properties: {key: {const: X}}}}`).
 * @param {ErrorObject} error
 * @param {SchemaObject} schema
 * @returns {{ parent: string, order: number, value: string } | undefined}
 */
function missingItem({ keyword, schemaPath, parentSchema }, schema) {
  const match = keyword === 'contains' && /^#(.*)\/allOf\/(\d+)\/contains$/.exec(schemaPath);
  if (!match || typeof resolvePointer(schema, match[1])?.[missingItemsMessage] !== 'string') return undefined;
  const value = Object.values(parentSchema?.contains?.properties ?? {})
    .map((property) => property?.const)
    .find((constant) => typeof constant === 'string');
  return value === undefined ? undefined : { parent: match[1], order: Number(match[2]), value };
}

/**
 * @param {ErrorObject} error
 * @returns {Issue}
 */
function toIssue({ keyword, instancePath, params, parentSchema = {}, data }) {
  const path = pointerToPath(instancePath);
  switch (keyword) {
    case 'required':
      return { code: 'invalid_type', message: 'Required', path: [...path, params.missingProperty] };
    case 'type':
      return { code: 'invalid_type', message: `Expected ${typeList(parentSchema.type)}, received ${jsonTypeOf(data)}`, path };
    case 'enum':
      return { code: 'invalid_enum_value', message: `Invalid enum value. Expected ${parentSchema.enum.map(literal).join(' | ')}`, path };
    case 'const':
      return { code: 'invalid_literal', message: `Invalid literal value, expected ${JSON.stringify(parentSchema.const)}`, path };
    case 'format':
      return { code: 'invalid_string', message: `Invalid ${parentSchema.format}`, path };
    case 'pattern':
      return { code: 'invalid_string', message: `Invalid: must match pattern ${parentSchema.pattern}`, path };
    case 'contains':
      return { code: 'custom', message: 'Must contain at least one matching item', path };
    default:
      return { code: 'custom', message: `Does not satisfy '${keyword}'`, path };
  }
}

/** @param {string | number} segment */
const segmentKind = (segment) => (typeof segment === 'string' ? 0 : 1);
/**
 * @param {string} a
 * @param {string} b
 */
const ordinal = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * @param {Issue} a
 * @param {Issue} b
 */
function compareIssues(a, b) {
  for (let i = 0; i < Math.min(a.path.length, b.path.length); i += 1) {
    const [x, y] = [a.path[i], b.path[i]];
    // Property names before array indices; names in ordinal order, indices by value.
    const bySegment =
      typeof x === 'number' && typeof y === 'number' ? x - y
        : typeof x === 'string' && typeof y === 'string' ? ordinal(x, y)
          : segmentKind(x) - segmentKind(y);
    if (bySegment !== 0) return bySegment;
  }
  return a.path.length - b.path.length || ordinal(a.code, b.code) || ordinal(a.message, b.message);
}

/**
 * @param {ErrorObject[]} errors ajv errors (allErrors + verbose)
 * @param {SchemaObject} schema the config schema the errors came from
 * @returns {Issue[]}
 */
export function toIssues(errors = [], schema = {}) {
  // Errors raised while trying each item against a `contains` subschema only explain why that item did not match.
  const probes = errors.filter(({ keyword }) => keyword === 'contains').map(({ schemaPath }) => `${schemaPath}/`);
  /** @type {Issue[]} */
  const issues = [];
  /** @type {Map<string, { error: ErrorObject, items: { order: number, value: string }[] }>} */
  const missing = new Map();
  for (const error of errors) {
    if (probes.some((probe) => error.schemaPath.startsWith(probe))) continue;
    // Wrapper keywords only repeat what their subschemas' errors say.
    if (['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else'].includes(error.keyword)) continue;
    const item = missingItem(error, schema);
    if (item) {
      const group = missing.get(item.parent) ?? { error, items: [] };
      group.items.push(item);
      missing.set(item.parent, group);
    } else issues.push(toIssue(error));
  }
  // Like Logto's own guards: every missing required item in one issue, worded by the schema.
  for (const [parent, { error, items }] of missing) {
    const values = items.sort((a, b) => a.order - b.order).map(({ value }) => value);
    // missingItem() only groups errors under a parent whose annotation is a string.
    const template = /** @type {string} */ (resolvePointer(schema, parent)?.[missingItemsMessage]);
    const message = template.replaceAll('{missing}', values.join(', '));
    issues.push({ code: 'custom', message, path: pointerToPath(error.instancePath) });
  }
  return issues.sort(compareIssues);
}
