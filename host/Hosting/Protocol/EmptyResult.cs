namespace Logto.ConnectorHost.Protocol;

/// <summary>The <c>{}</c> result of <c>ping</c> and of a passing <c>validateConfig</c>.</summary>
internal sealed class EmptyResult
{
    public static EmptyResult Instance { get; } = new();
}
