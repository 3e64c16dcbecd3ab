using System.Text.Json;
using System.Text.Json.Nodes;
using Logto.Connector.AliyunDirectMail;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

public sealed class AliyunDirectMailConfigValidatorTests
{
    private const string Secret = "SECRET-CANARY-8c1f4e2a";

    private static readonly string[] RequiredUsageTypes = ["Register", "SignIn", "ForgotPassword", "Generic"];

    [Fact]
    public void Parse_binds_every_field_of_a_valid_config()
    {
        var config = ValidConfig();
        config["regionId"] = "ap-southeast-1";
        config["endpoint"] = "http://127.0.0.1:5080/";
        config["fromAlias"] = "Example";
        config["escapeHtml"] = false;

        var parsed = Parse(config);

        Assert.Equal("testid", parsed.AccessKeyId);
        Assert.Equal(Secret, parsed.AccessKeySecret);
        Assert.Equal("noreply@mail.example.com", parsed.AccountName);
        Assert.Equal("Example", parsed.FromAlias);
        Assert.Equal("ap-southeast-1", parsed.RegionId);
        Assert.Equal("http://127.0.0.1:5080/", parsed.Endpoint);
        Assert.False(parsed.EscapeHtml);
        Assert.Equal(["Register", "SignIn", "ForgotPassword", "Generic"], parsed.Templates.Select(t => t.UsageType));
        Assert.Equal("Generic code {{code}}", parsed.Templates[3].Subject);
    }

    [Fact]
    public void Parse_leaves_optional_fields_unset_when_absent()
    {
        var parsed = Parse(ValidConfig());

        Assert.Null(parsed.RegionId);
        Assert.Null(parsed.Endpoint);
        Assert.Null(parsed.FromAlias);
        Assert.Null(parsed.EscapeHtml);
    }

    [Fact]
    public void Parse_allows_keys_the_schema_does_not_name()
    {
        var config = ValidConfig();
        config["legacyField"] = new JsonObject { ["x"] = 1 };
        config["templates"]![0]!["note"] = "kept out of the bound record";

        Assert.Equal("testid", Parse(config).AccessKeyId);
    }

    [Fact]
    public void Parse_accepts_the_schemas_default_templates()
    {
        var config = ValidConfig();
        config["templates"] = AliyunDirectMailMetadata.Source.ConfigSchema["properties"]!["templates"]!["default"]!.DeepClone();

        Assert.Equal(Enum.GetNames<TemplateType>(), Parse(config).Templates.Select(t => t.UsageType));
    }

    [Theory]
    [InlineData("accessKeyId")]
    [InlineData("accessKeySecret")]
    [InlineData("accountName")]
    [InlineData("templates")]
    public void Parse_reports_a_missing_required_key_at_its_path(string key)
    {
        var config = ValidConfig();
        config.Remove(key);

        AssertIssues(config, $$"""[{"code":"invalid_type","message":"Required","path":["{{key}}"]}]""");
    }

    [Fact]
    public void Parse_reports_a_wrong_type_with_the_expected_and_received_types()
    {
        var config = ValidConfig();
        config["accessKeyId"] = 42;
        config["escapeHtml"] = "yes";

        AssertIssues(config, """
            [{"code":"invalid_type","message":"Expected string, received number","path":["accessKeyId"]},
             {"code":"invalid_type","message":"Expected boolean, received string","path":["escapeHtml"]}]
            """);
    }

    [Fact]
    public void Parse_rejects_null_for_an_optional_key_like_zods_optional()
    {
        var config = ValidConfig();
        config["fromAlias"] = null;

        AssertIssues(config, """[{"code":"invalid_type","message":"Expected string, received null","path":["fromAlias"]}]""");
    }

    [Fact]
    public void Parse_rejects_an_unknown_region_listing_the_known_ones()
    {
        var config = ValidConfig();
        config["regionId"] = "cn-shanghai";

        AssertIssues(config, """
            [{"code":"invalid_enum_value","message":"Invalid enum value. Expected 'cn-hangzhou' | 'ap-southeast-1' | 'ap-southeast-2' | 'eu-central-1' | 'us-east-1'","path":["regionId"]}]
            """);
    }

    [Theory]
    [InlineData(
        "ftp://dm.aliyuncs.com/",
        """[{"code":"invalid_string","message":"Invalid: must match pattern ^https?://","path":["endpoint"]}]""")]
    [InlineData(
        "dm.aliyuncs.com",
        """[{"code":"invalid_string","message":"Invalid uri","path":["endpoint"]},""" +
        """{"code":"invalid_string","message":"Invalid: must match pattern ^https?://","path":["endpoint"]}]""")]
    [InlineData(
        "",
        """[{"code":"invalid_string","message":"Invalid uri","path":["endpoint"]},""" +
        """{"code":"invalid_string","message":"Invalid: must match pattern ^https?://","path":["endpoint"]}]""")]
    public void Parse_rejects_an_endpoint_that_is_not_an_http_url(string endpoint, string expectedIssues)
    {
        var config = ValidConfig();
        config["endpoint"] = endpoint;

        AssertIssues(config, expectedIssues);
    }

    [Theory]
    [InlineData("https://dm-vpc.cn-hangzhou.aliyuncs.com/")]
    [InlineData("http://127.0.0.1:5080")]
    public void Parse_accepts_an_http_or_https_endpoint(string endpoint)
    {
        var config = ValidConfig();
        config["endpoint"] = endpoint;

        Assert.Equal(endpoint, Parse(config).Endpoint);
    }

    [Fact]
    public void Parse_reports_template_fields_with_numeric_indices_in_the_path()
    {
        var config = ValidConfig();
        config["templates"]![1]!.AsObject().Remove("subject");
        config["templates"]![2]!["content"] = 7;

        AssertIssues(config, """
            [{"code":"invalid_type","message":"Required","path":["templates",1,"subject"]},
             {"code":"invalid_type","message":"Expected string, received number","path":["templates",2,"content"]}]
            """);
    }

    [Fact]
    public void Parse_reports_a_missing_required_template_with_Logtos_message()
    {
        var config = ValidConfig();
        config["templates"]!.AsArray().RemoveAt(3);

        var error = Assert.Throws<ConnectorException>(() => Parse(config));

        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal(
            """{"issues":[{"code":"custom","message":"Template with UsageType (Generic) should be provided!","path":["templates"]}],"name":"ConfigValidationError"}""",
            error.ErrorData!.ToJsonString());
    }

    [Fact]
    public void Parse_names_every_missing_required_template_in_Logtos_order()
    {
        var config = ValidConfig();
        config["templates"] = new JsonArray();

        AssertIssues(config, """
            [{"code":"custom","message":"Template with UsageType (Register, SignIn, ForgotPassword, Generic) should be provided!","path":["templates"]}]
            """);
    }

    [Fact]
    public void Parse_reports_the_required_usage_type_a_legacy_one_replaced()
    {
        var config = ValidConfig();
        config["templates"]![1]!["usageType"] = "Test";

        AssertIssues(config, """
            [{"code":"custom","message":"Template with UsageType (SignIn) should be provided!","path":["templates"]}]
            """);
    }

    [Fact]
    public void Parse_accepts_a_legacy_usage_type_next_to_the_required_ones_like_the_official_guard()
    {
        var config = ValidConfig();
        config["templates"]!.AsArray().Add(new JsonObject { ["usageType"] = "Test", ["subject"] = "s", ["content"] = "c" });

        using var document = JsonDocument.Parse(config.ToJsonString());
        var parsed = AliyunDirectMailConfigValidator.Parse(document.RootElement);

        Assert.Contains(parsed.Templates, t => t.UsageType == "Test");
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData("[]", "array")]
    [InlineData("\"config\"", "string")]
    [InlineData("42", "number")]
    public void Parse_rejects_a_config_that_is_not_an_object(string json, string received)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<ConnectorException>(() => AliyunDirectMailConfigValidator.Parse(document.RootElement));

        Assert.Equal(
            $$"""[{"code":"invalid_type","message":"Expected object, received {{received}}","path":[]}]""",
            error.ErrorData!["issues"]!.ToJsonString());
    }

    [Fact]
    public void Parse_reports_every_issue_sorted_by_path()
    {
        var config = new JsonObject
        {
            ["templates"] = new JsonArray(new JsonObject { ["usageType"] = "Generic", ["subject"] = 1 }),
            ["regionId"] = "mars-1",
            ["accessKeyId"] = true,
        };

        var issues = Issues(config);

        Assert.Equal(
            ["accessKeyId", "accessKeySecret", "accountName", "regionId", "templates", "templates/0/content", "templates/0/subject"],
            issues.Select(i => string.Join('/', i!["path"]!.AsArray().Select(p => p!.ToString()))));
    }

    public static TheoryData<string, string> ConfigsCarryingTheSecret() => new()
    {
        { "secret valid, others invalid", """{"accessKeyId":1,"accessKeySecret":"S","templates":[]}""" },
        { "secret as the region", """{"accessKeyId":"a","accessKeySecret":"S","accountName":"n","regionId":"S","templates":[]}""" },
        { "secret as the endpoint", """{"accessKeyId":"a","accessKeySecret":"S","accountName":"n","endpoint":"S","templates":[]}""" },
        {
            "secret as a usage type",
            """{"accessKeyId":"a","accessKeySecret":"S","accountName":"n","templates":[{"usageType":"S","subject":"S","content":1}]}"""
        },
        { "secret of the wrong type", """{"accessKeyId":"a","accessKeySecret":["S"],"accountName":"n","templates":[]}""" },
        { "secret as a key", """{"accessKeyId":"a","accessKeySecret":"S","accountName":"n","templates":[{"S":"S"}]}""" },
    };

    [Theory]
    [MemberData(nameof(ConfigsCarryingTheSecret))]
    public void Parse_never_puts_the_secret_in_the_error(string scenario, string json)
    {
        using var document = JsonDocument.Parse(json.Replace("\"S\"", $"\"{Secret}\"", StringComparison.Ordinal));

        var error = Assert.Throws<ConnectorException>(() => AliyunDirectMailConfigValidator.Parse(document.RootElement));

        Assert.True(error.ErrorData!["issues"]!.AsArray().Count > 0, scenario);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ErrorData.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parsed_config_does_not_print_the_secret()
    {
        Assert.DoesNotContain(Secret, Parse(ValidConfig()).ToString(), StringComparison.Ordinal);
    }

    internal static JsonObject ValidConfig() => new()
    {
        ["accessKeyId"] = "testid",
        ["accessKeySecret"] = Secret,
        ["accountName"] = "noreply@mail.example.com",
        ["templates"] = new JsonArray([.. RequiredUsageTypes.Select(type => (JsonNode)new JsonObject
        {
            ["usageType"] = type,
            ["subject"] = $"{type} code {{{{code}}}}",
            ["content"] = $"<p>Your {type} code is <b>{{{{code}}}}</b></p>",
        })]),
    };

    private static AliyunDirectMailConfig Parse(JsonNode config)
    {
        using var document = JsonDocument.Parse(config.ToJsonString());
        return AliyunDirectMailConfigValidator.Parse(document.RootElement);
    }

    private static JsonArray Issues(JsonNode config)
    {
        var error = Assert.Throws<ConnectorException>(() => Parse(config));
        Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        Assert.Equal(AliyunDirectMailConfigValidator.ErrorName, error.ErrorData!["name"]!.GetValue<string>());
        return error.ErrorData["issues"]!.AsArray();
    }

    private static void AssertIssues(JsonNode config, string expected) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), Issues(config).ToJsonString());
}
