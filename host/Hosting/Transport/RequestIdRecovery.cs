using System.Buffers;
using System.Text.Json;
using Logto.ConnectorHost.Protocol;

namespace Logto.ConnectorHost.Transport;

/// <summary>
/// Finds the top-level <c>"id"</c> of a message that cannot be parsed whole (invalid, too deep, truncated or too large), so the
/// error answer can carry it and the client's pending request completes instead of hanging (as the MCP C# SDK's
/// <c>TryRecoverRequestId</c> does). Reads left to right and stops at the first problem.
/// </summary>
internal static class RequestIdRecovery
{
    public static RequestId? TryRecover(ReadOnlySequence<byte> json)
    {
        var options = new JsonReaderOptions { MaxDepth = int.MaxValue, CommentHandling = JsonCommentHandling.Skip };
        var reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(options));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1 || !reader.ValueTextEquals("id"u8))
                {
                    continue;
                }

                if (!reader.Read())
                {
                    return null;
                }

                return reader.TokenType switch
                {
                    JsonTokenType.String => new RequestId(RequestIdConverter.ReadString(ref reader)),
                    JsonTokenType.Number when reader.TryGetInt64(out var number) => new RequestId(number),
                    _ => null,
                };
            }
        }
        catch (JsonException)
        {
            // The id, if any, comes after the first syntax error: nothing to recover.
        }
        catch (InvalidOperationException)
        {
            // The id string is not valid UTF-8 (it cannot be decoded): there is no id to answer.
        }

        return null;
    }

    public static RequestId? TryRecover(ReadOnlyMemory<byte> json) => TryRecover(new ReadOnlySequence<byte>(json));
}
