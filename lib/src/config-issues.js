// ajv errors -> the issues the host reports for the same config ({code, message, path}, zod's vocabulary, sorted by path,
// then code, then message; connector/Kit/ConfigSchemaEvaluator.cs), so Logto shows one wording whichever side
// rejected a config. Messages are built from the schema and the value's JSON type, never from the value (it may be a secret).

const pointerToPath = (pointer) =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
        .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part));

function jsonTypeOf(value) {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const literal = (value) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value));
const typeList = (type) => (Array.isArray(type) ? type.join(' | ') : type);

/** The usage type a `contains` subschema asks for (`{contains: {properties: {usageType: {const: X}}}}`), if that is its shape. */
const requiredUsageType = (containsSchema) => containsSchema?.properties?.usageType?.const;

function toIssue({ keyword, instancePath, params, parentSchema, data }) {
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

const segmentKind = (segment) => (typeof segment === 'string' ? 0 : 1);
const ordinal = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function compareIssues(a, b) {
  for (let i = 0; i < Math.min(a.path.length, b.path.length); i += 1) {
    const [x, y] = [a.path[i], b.path[i]];
    const bySegment = segmentKind(x) - segmentKind(y) || (typeof x === 'number' ? x - y : ordinal(x, y));
    if (bySegment !== 0) return bySegment;
  }
  return a.path.length - b.path.length || ordinal(a.code, b.code) || ordinal(a.message, b.message);
}

/**
 * @param {import('ajv').ErrorObject[]} errors ajv errors (allErrors + verbose)
 * @returns {{code: string, message: string, path: (string|number)[]}[]}
 */
export function toIssues(errors = []) {
  // Errors raised while trying each item against a `contains` subschema only explain why that item did not match.
  const probes = errors.filter(({ keyword }) => keyword === 'contains').map(({ schemaPath }) => `${schemaPath}/`);
  const issues = [];
  const missingTemplates = [];
  for (const error of errors) {
    if (probes.some((probe) => error.schemaPath.startsWith(probe))) continue;
    // Wrapper keywords only repeat what their subschemas' errors say.
    if (['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else'].includes(error.keyword)) continue;
    const usageType = error.keyword === 'contains' ? requiredUsageType(error.schema) : undefined;
    if (usageType !== undefined && error.instancePath === '/templates') missingTemplates.push(usageType);
    else issues.push(toIssue(error));
  }
  // Like Logto's own guard: every missing required template in one issue.
  if (missingTemplates.length > 0) {
    const message = `Template with UsageType (${missingTemplates.join(', ')}) should be provided!`;
    issues.push({ code: 'custom', message, path: ['templates'] });
  }
  return issues.sort(compareIssues);
}
