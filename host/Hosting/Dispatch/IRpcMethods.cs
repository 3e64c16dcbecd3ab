using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Logto.ConnectorHost.Dispatch;

/// <summary>
/// The methods behind the dispatcher. The dispatcher itself owns the lifecycle: <c>ping</c>, the initialized state,
/// cancellation.
/// </summary>
internal interface IRpcMethods
{
    /// <summary>
    /// Answers <c>initialize</c> with the result's UTF-8 JSON (copied into the answer as it is); runs in frame order so requests
    /// after it see the host initialized.
    /// </summary>
    InitializeAnswer Initialize(JsonElement? parameters);

    bool TryGetMethod(string name, [NotNullWhen(true)] out RpcMethod? method);
}
