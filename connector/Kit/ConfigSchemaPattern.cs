namespace Logto.ConnectorKit;

/// <summary>
/// The check behind a config schema's <c>pattern</c>, compiled into the connector ahead of time and handed to
/// <see cref="ConfigSchemaEvaluator.Load"/>: <paramref name="IsMatch"/> must accept exactly what the ECMAScript regular
/// expression <paramref name="Pattern"/> matches (ajv builds a JavaScript <c>RegExp</c> from the same text; prove the pair
/// agrees in a test against <c>new Regex(pattern, RegexOptions.ECMAScript)</c>).
/// </summary>
/// <remarks>
/// Why not a regex built at run time: <c>new Regex(pattern)</c> keeps .NET's regex parser, optimizer and interpreter in the
/// Native AOT host (README's Performance section has the size), for a connector schema's one <c>^https?://</c>.
/// </remarks>
public sealed record ConfigSchemaPattern(string Pattern, Func<string, bool> IsMatch);
