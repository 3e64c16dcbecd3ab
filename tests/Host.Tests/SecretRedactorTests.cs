using System.Text.Json;
using Logto.ConnectorHost;

namespace Host.Tests;

public sealed class SecretRedactorTests
{
    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "accessKeyId": { "type": "string" },
            "accessKeySecret": { "type": "string", "writeOnly": true },
            "pin": { "type": "string", "format": "password" },
            "hook": { "type": "string", "x-logto-form": { "isConfidential": true } },
            "nested": { "type": "object", "properties": { "signing": { "type": "string", "x-secret": true } } },
            "list": { "type": "array", "items": { "type": "object", "properties": { "cert": { "type": "string", "sensitive": true } } } }
          }
        }
        """;

    [Fact]
    public void FindSecretFields_reads_every_secret_annotation_at_any_depth()
    {
        using var schema = JsonDocument.Parse(Schema);

        var fields = SecretRedactor.FindSecretFields(schema.RootElement);

        Assert.Equal(["accessKeySecret", "cert", "hook", "pin", "signing"], fields.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("accessKeySecret", true)]
    [InlineData("client_secret", true)]
    [InlineData("password", true)]
    [InlineData("refreshToken", true)]
    [InlineData("api-key", true)]
    [InlineData("privateKey", true)]
    [InlineData("accessKeyId", false)]
    [InlineData("accountName", false)]
    public void IsSecretName_recognises_secret_like_names(string name, bool secret) =>
        Assert.Equal(secret, SecretRedactor.IsSecretName(name));

    [Fact]
    public void Redact_masks_secret_values_wherever_they_appear_but_short_ones_only_whole()
    {
        using var schema = JsonDocument.Parse(Schema);
        using var config = JsonDocument.Parse("""
            {"accessKeyId":"AKID","accessKeySecret":"s3cr3t-value","pin":"42","nested":{"signing":"sig-material"},"list":[{"cert":"CERTDATA"}]}
            """);
        var redactor = SecretRedactor.ForConfig(config.RootElement, SecretRedactor.FindSecretFields(schema.RootElement));
        using var data = JsonDocument.Parse("""
            {"message":"key s3cr3t-value was refused","pin":"42","answer":"42 is fine inside text","deep":[{"sig-material":"CERTDATA"}],"id":"AKID"}
            """);

        var redacted = redactor.Redact(data.RootElement).GetRawText();

        Assert.Equal(
            """{"message":"key [REDACTED] was refused","pin":"[REDACTED]","answer":"42 is fine inside text","deep":[{"[REDACTED]":"[REDACTED]"}],"id":"AKID"}""",
            redacted);
    }

    [Fact]
    public void A_config_without_secrets_leaves_text_alone()
    {
        using var config = JsonDocument.Parse("""{"accountName":"a@b.c"}""");

        var redactor = SecretRedactor.ForConfig(config.RootElement, new HashSet<string>());

        Assert.True(redactor.IsEmpty);
        Assert.Equal("a@b.c", redactor.Redact("a@b.c"));
    }
}
