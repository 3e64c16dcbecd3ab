using System.Text.Json;
using Logto.Connector.AliyunDirectMail;
using Logto.Connector.AliyunSms;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunSms;

/// <summary>
/// Valid JSON that .NET cannot decode (a lone surrogate in a value or a member name) in a config is the documented
/// invalid_config for both connectors, never an exception the host would answer as an internal error.
/// </summary>
public sealed class HostileConfigTests
{
    public static TheoryData<string> Configs => new()
    {
        """{"accessKeyId":"\ud800","accessKeySecret":"s","signName":"n","accountName":"a@b.co","templates":[]}""",
        """{"\ud800x":1,"accessKeyId":"i","accessKeySecret":"s","signName":"n","accountName":"a@b.co","templates":[]}""",
        """{"accessKeyId":"i","accessKeySecret":"s","signName":"n","accountName":"a@b.co","endpoint":"https://x/\udfff","templates":[{"usageType":"\ud800"}]}""",
        """{"accessKeyId":"i","accessKeySecret":"s","signName":"n","accountName":"a@b.co","templates":[{"\udc00":1,"usageType":"Generic"}]}""",
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void A_config_holding_text_that_is_not_Unicode_is_invalid_config(string json)
    {
        using var config = JsonDocument.Parse(json);

        Action<JsonElement>[] validators = [c => AliyunSmsConfigValidator.Parse(c), c => AliyunDirectMailConfigValidator.Parse(c)];
        foreach (var validate in validators)
        {
            var error = Assert.Throws<ConnectorException>(() => validate(config.RootElement));
            Assert.Equal(ConnectorErrorCode.InvalidConfig, error.Code);
        }
    }
}
