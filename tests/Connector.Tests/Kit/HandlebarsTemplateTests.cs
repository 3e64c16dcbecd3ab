using Connector.Tests.AliyunDirectMail.Support;
using Logto.ConnectorKit;

namespace Connector.Tests.Kit;

public class HandlebarsTemplateTests
{
    private static string Render(string template, string payload, bool escapeHtml = false) =>
        HandlebarsTemplate.Render(template, TestConfigs.Element(payload), escapeHtml);

    [Theory]
    // The examples in connector-kit's own doc comment.
    [InlineData("Your verification code is {{code}}", """{"code":"123456"}""", "Your verification code is 123456")]
    [InlineData("Your application name is {{application.name}}", """{"application":{"name":"Logto"}}""", "Your application name is Logto")]
    [InlineData("Your application name is {{application.name}}", """{"application":{}}""", "Your application name is ")]
    [InlineData("Your verification code is {{code}}", "{}", "Your verification code is {{code}}")]
    [InlineData("Your application name is {{application.name}}", "{}", "Your application name is {{application.name}}")]
    public void Render_follows_the_examples_documented_by_logto(string template, string payload, string expected) =>
        Assert.Equal(expected, Render(template, payload));

    [Theory]
    [InlineData("{{ code }}|{{\tcode\n}}|{{\u00A0code\uFEFF}}", "1|1|1")]
    [InlineData("{{\u0085code}}", "{{\u0085code}}")] // NEL is \s in .NET but not in JavaScript
    [InlineData("{{\u200Bcode}}", "{{\u200Bcode}}")]
    [InlineData("{{code}}{{code}}", "11")]
    [InlineData("{{{code}}}", "{1}")]
    [InlineData("{{code}", "{{code}")]
    [InlineData("{{}}|{{ }}|{{.code}}", "{{}}|{{ }}|{{.code}}")]
    [InlineData("{{é}}|{{user.名前}}", "{{é}}|{{user.名前}}")]
    [InlineData("{{code.length}}|{{code.}}", "|")]
    public void Render_matches_placeholders_with_javascript_whitespace_and_ascii_word_characters(string template, string expected) =>
        Assert.Equal(expected, Render(template, """{"code":"1","user":{"名前":"x"},"é":"y"}"""));

    [Theory]
    [InlineData("{{n}}", """{"n":1e21}""", "1e+21")]
    [InlineData("{{n}}", """{"n":1.5e-7}""", "1.5e-7")]
    [InlineData("{{n}}", """{"n":0.000001}""", "0.000001")]
    [InlineData("{{n}}", """{"n":12345678901234567890}""", "12345678901234567000")]
    [InlineData("{{n}}", """{"n":-0}""", "0")]
    [InlineData("{{n}}", """{"n":-2.50}""", "-2.5")]
    [InlineData("{{n}}", """{"n":1e400}""", "Infinity")]
    [InlineData("{{b}}|{{f}}|{{z}}", """{"b":true,"f":false,"z":null}""", "true|false|")]
    [InlineData("{{a}}", """{"a":[1,null,"x",[2,[3]],{"k":1},true]}""", "1,,x,2,3,[object Object],true")]
    [InlineData("{{a.1}}|{{a.length}}|{{a.01}}|{{a.9}}", """{"a":["p","q"]}""", "q|2||")]
    [InlineData("{{o}}|{{o.k.deeper}}|{{o.s.x}}", """{"o":{"k":{},"s":"str"}}""", "[object Object]||")]
    [InlineData("{{o.}}", """{"o":{"":"empty key"}}""", "empty key")]
    [InlineData("{{d}}", """{"d":1,"d":2}""", "2")]
    public void Render_substitutes_values_as_javascript_String_prints_them(string template, string payload, string expected) =>
        Assert.Equal(expected, Render(template, payload));

    [Fact]
    public void Render_with_html_escaping_escapes_only_substituted_values()
    {
        var payload = """{"user":{"name":"<a href='https://evil.example'>Mallory & co</a>"}}""";

        var escaped = Render("<p>Hi <b>{{user.name}}</b> {{unknown}}</p>", payload, escapeHtml: true);
        var raw = Render("<p>Hi <b>{{user.name}}</b> {{unknown}}</p>", payload);

        Assert.Equal("<p>Hi <b>&lt;a href=&#39;https://evil.example&#39;&gt;Mallory &amp; co&lt;/a&gt;</b> {{unknown}}</p>", escaped);
        Assert.Equal("<p>Hi <b><a href='https://evil.example'>Mallory & co</a></b> {{unknown}}</p>", raw);
    }

    [Fact]
    public void Render_keeps_dollar_signs_in_values_and_templates_literal()
    {
        Assert.Equal("$& $1 $$", Render("{{a}} $1 $$", """{"a":"$&"}"""));
    }

    [Fact]
    public void Render_keeps_a_lone_surrogate_from_the_payload_like_javascript()
    {
        Assert.Equal("x\uD800y", Render("x{{s}}y", """{"s":"\ud800"}"""));
    }

    [Fact]
    public void Render_treats_only_own_members_as_known_roots_unlike_logtos_in_operator()
    {
        // Logto renders {{constructor}} as "function Object() { [native code] }"; an inherited member is not payload data.
        Assert.Equal("{{constructor}}|{{toString}}", Render("{{constructor}}|{{toString}}", """{"code":"1"}"""));
    }

    [Fact]
    public void Render_with_a_non_object_payload_replaces_nothing()
    {
        Assert.Equal("{{code}}", Render("{{code}}", "null"));
    }
}
