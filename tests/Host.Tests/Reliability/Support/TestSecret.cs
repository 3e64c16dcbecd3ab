namespace Host.Tests.Reliability.Support;

/// <summary>
/// The secret the reliability tests put into configs: <c>LOGTO_TEST_CANARY_SECRET</c> when set (scripts/canary sets a
/// recognisable value, runs every suite, then looks for it in every output and file written), else the given fallback.
/// </summary>
internal static class TestSecret
{
    public const string CanaryVariable = "LOGTO_TEST_CANARY_SECRET";

    public static string Or(string fallback) =>
        Environment.GetEnvironmentVariable(CanaryVariable) is { Length: > 0 } canary ? canary : fallback;
}
