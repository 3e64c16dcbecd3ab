using Connector.Tests.AliyunDirectMail;
using Connector.Tests.Schema;
using Logto.Connector.AliyunSms;

namespace Connector.Tests.AliyunSms;

public sealed class AliyunSmsConfigSchemaTests
{
    [Fact]
    public void Committed_schema_matches_the_one_generated_from_the_config_type() =>
        GeneratedFile.AssertUpToDate(AliyunSmsConfigSchemaSource.RelativePath, AliyunSmsConfigSchemaSource.GenerateText());

    [Fact]
    public void Embedded_schema_is_the_committed_file()
    {
        var committed = File.ReadAllText(GeneratedFile.PathOf(AliyunSmsConfigSchemaSource.RelativePath)).ReplaceLineEndings("\n");

        Assert.Equal(committed, AliyunSmsMetadata.Source.ConfigSchemaJson.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Templates_description_names_the_required_usage_types()
    {
        var description = AliyunSmsMetadata.Source.ConfigSchema["properties"]!["templates"]!["description"]!.GetValue<string>();

        var required = AliyunDirectMailConfigSchemaSource.RequiredUsageTypesInWords;

        Assert.Contains($"{required} are required", description, StringComparison.Ordinal);
    }
}
