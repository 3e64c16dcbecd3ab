using Jint;

namespace Connector.Tests.AliyunDirectMail.Support;

/// <summary>
/// Logto's own <c>replaceSendMessageHandlebars</c> and <c>getValue</c>, read at test time from the installed
/// <c>@logto/connector-kit/lib/index.js</c> (their source text only: the module's imports need ky and zod) and run under Jint.
/// </summary>
internal sealed class LogtoHandlebars : IDisposable
{
    private readonly Engine engine;

    private LogtoHandlebars(string script)
    {
        engine = new Engine(options => options.Strict().TimeoutInterval(TimeSpan.FromSeconds(10)));
        engine.Execute(script);
    }

    public static LogtoHandlebars Load()
    {
        var source = File.ReadAllText(RepositoryPaths.ConnectorKitIndex);
        return new LogtoHandlebars(ExportedConst(source, "replaceSendMessageHandlebars") + ExportedConst(source, "getValue"));
    }

    public string Render(string template, string payloadJson)
    {
        engine.SetValue("template", template);
        engine.SetValue("payloadJson", payloadJson);
        return engine.Evaluate("replaceSendMessageHandlebars(template, JSON.parse(payloadJson))").ToString();
    }

    public void Dispose() => engine.Dispose();

    // `export const name = …;` up to the next top-level export, re-declared as a plain `var`.
    private static string ExportedConst(string source, string name)
    {
        var declaration = $"export const {name} = ";
        var start = source.IndexOf(declaration, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"{name} not found in {RepositoryPaths.ConnectorKitIndex}; did connector-kit change?");
        }

        var end = source.IndexOf("\nexport ", start + declaration.Length, StringComparison.Ordinal);
        return "var " + source[(start + "export const ".Length)..(end < 0 ? source.Length : end)] + "\n";
    }
}
