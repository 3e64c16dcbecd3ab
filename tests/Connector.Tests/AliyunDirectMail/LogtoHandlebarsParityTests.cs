using Connector.Tests.AliyunDirectMail.Support;
using Logto.Connector.AliyunDirectMail;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

/// <summary>Differential test: our raw-mode renderer against Logto's own functions from the installed connector-kit, under Jint.</summary>
public class LogtoHandlebarsParityTests
{
    [Fact]
    public void Render_in_raw_mode_equals_logtos_replaceSendMessageHandlebars_on_a_seeded_corpus()
    {
        using var logto = LogtoHandlebars.Load();
        var mismatches = new List<string>();
        var cases = 0;
        foreach (var (template, payload) in new HandlebarsCorpus(seed: 20260529).Cases(2500))
        {
            cases++;
            var expected = logto.Render(template, payload);
            var actual = HandlebarsTemplate.Render(template, TestConfigs.Element(payload));
            if (expected != actual)
            {
                mismatches.Add($"template {Show(template)} payload {payload}: Logto {Show(expected)}, ours {Show(actual)}");
            }
        }

        Assert.Equal(2500, cases);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cases} differ:\n" + string.Join('\n', mismatches.Take(20)));
    }

    [Fact]
    public void Corpus_exercises_substitution_verbatim_placeholders_and_empty_leaves()
    {
        using var logto = LogtoHandlebars.Load();
        var cases = new HandlebarsCorpus(seed: 20260529).Cases(2500).ToList();

        // A corpus where nothing (or everything) is replaced would make the parity test vacuous.
        var outputs = cases.Select(c => (c.Template, Output: logto.Render(c.Template, c.PayloadJson))).ToList();
        var changed = outputs.Count(o => o.Output != o.Template);
        var untouched = outputs.Count(o => o.Output == o.Template && o.Template.Contains("{{", StringComparison.Ordinal));
        var exponents = cases.Count(
            c => c.PayloadJson.Contains("e+", StringComparison.OrdinalIgnoreCase)
                || c.PayloadJson.Contains("e-", StringComparison.OrdinalIgnoreCase));
        Assert.InRange(changed, 1000, 2400);
        Assert.InRange(untouched, 100, 1500);
        Assert.InRange(exponents, 50, 2500);
    }

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
