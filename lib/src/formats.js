// The JSON Schema formats the config schema uses, checked like the host's validator does (ConfigSchemaEvaluator: `uri`
// is System.Uri.TryCreate(value, UriKind.Absolute)). WHATWG URL parsing plus RFC 3986's character rules agree with it on
// the endpoints admins write (scheme://host[:port][/path]); tests/node/config-guard-differential.test.mjs holds them to it.

const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/;
// Anything but printable ASCII (space, controls, non-ASCII), and the characters RFC 3986 never allows unescaped.
const forbidden = /[^\x21-\x7e]|[<>{}|\\^`"]/;

/** @param {import('ajv').default} ajv */
export function addFormats(ajv) {
  ajv.addFormat('uri', { type: 'string', validate: (value) => scheme.test(value) && !forbidden.test(value) && URL.canParse(value) });
}
