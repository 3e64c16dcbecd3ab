using Logto.Connector.AliyunSandbox.Http;

namespace Logto.Connector.AliyunSandbox.Rpc;

/// <summary>One API the sandbox serves at <c>/</c>, chosen by the request's <c>Action</c> once the gateway checks passed.</summary>
internal interface IRpcApi
{
    string Action { get; }

    /// <summary>The API version served; another Version is answered like an unknown Action.</summary>
    string Version { get; }

    /// <summary>The product code in an error's Recommend link.</summary>
    string Product { get; }

    /// <summary>The business checks, after the gateway's: null when the request is acceptable.</summary>
    AliyunError? Validate(RequestParameters parameters);

    /// <summary>Files an accepted request in the outbox.</summary>
    AcceptedRequest Accept(RequestParameters parameters, string requestId);

    /// <summary>The success answer carrying <paramref name="id"/> (an EnvId, a BizId).</summary>
    SandboxHttpResponse Success(AliyunAnswer answer, string id, string requestId);

    /// <summary>A fresh id for a success answer that files nothing (the ResetMidResponse fault).</summary>
    string NewId();
}

/// <param name="Id">The id answered: an EnvId, a BizId.</param>
/// <param name="Recipients">How many addresses or phone numbers the request named.</param>
internal sealed record AcceptedRequest(string Id, int Recipients);
