using System.Text.Json;

namespace Connector.Tests.Sandbox.Support;

/// <summary>Reads an answer's JSON body.</summary>
internal static class AliyunJson
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds or 60 s pass (for effects the server records after answering): the
    /// deadline only bounds a failing run, so it is generous enough for a loaded machine.
    /// </summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
