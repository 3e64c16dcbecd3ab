using System.Text.Encodings.Web;
using System.Text.Json;
using Logto.Connector.AliyunSms;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunSms;

public sealed class SendSmsResponseReaderTests
{
    [Theory]
    [InlineData(
        """{"Message":"OK","RequestId":"R","Code":"OK","BizId":"900619746936498440^0"}""",
        """{"Code":"OK","Message":"OK","BizId":"900619746936498440^0","RequestId":"R"}""")]
    [InlineData(
        """{"Message":"OK","RequestId":"R","Code":"OK","Extra":1}""",
        """{"Code":"OK","Message":"OK","RequestId":"R"}""")]
    public void An_accepted_send_returns_the_official_result_shape(string body, string expected)
    {
        var answer = SendSmsResponseReader.Read(200, body);

        Assert.Null(answer.Error);
        Assert.Equal(expected, answer.Result.GetRawText());
    }

    [Theory]
    [InlineData(
        200, "isv.BUSINESS_LIMIT_CONTROL", ConnectorErrorCode.RateLimitExceeded,
        """{"errorDescription":"触发分钟级流控Permits:1","Code":"isv.BUSINESS_LIMIT_CONTROL","RequestId":"R"}""")]
    [InlineData(
        200, "isv.MOBILE_NUMBER_ILLEGAL", ConnectorErrorCode.General,
        """{"errorDescription":"触发分钟级流控Permits:1","Code":"isv.MOBILE_NUMBER_ILLEGAL","RequestId":"R"}""")]
    [InlineData(
        400, "isv.BUSINESS_LIMIT_CONTROL", ConnectorErrorCode.General,
        """{"errorDescription":"触发分钟级流控Permits:1","Code":"isv.BUSINESS_LIMIT_CONTROL","RequestId":"R"}""")]
    [InlineData(
        400, "Throttling.User", ConnectorErrorCode.General,
        """{"errorDescription":"触发分钟级流控Permits:1","Code":"Throttling.User","RequestId":"R"}""")]
    public void A_rejection_maps_like_the_official_connector(int status, string code, ConnectorErrorCode expected, string data)
    {
        var answer = SendSmsResponseReader.Read(
            status, $$"""{"Message":"触发分钟级流控Permits:1","RequestId":"R","Code":"{{code}}","HostId":"h","Recommend":"r"}""");

        Assert.Equal(expected, answer.Error!.Code);
        Assert.Equal(code, answer.AliyunCode);
        var unescaped = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        Assert.Equal(data, answer.Error.ErrorData!.ToJsonString(unescaped));
    }

    [Theory]
    [InlineData(
        200,
        """{"Message":"m","RequestId":"R","Code":"X","BizId":"B"}""",
        """{"errorDescription":"m","Code":"X","BizId":"B","RequestId":"R"}""")]
    [InlineData(
        500,
        """{"Message":"m","RequestId":"R","Code":"X","BizId":"B"}""",
        """{"errorDescription":"m","BizId":"B","Code":"X","RequestId":"R"}""")]
    public void Error_data_keeps_the_official_key_order(int status, string body, string data)
    {
        Assert.Equal(data, SendSmsResponseReader.Read(status, body).Error!.ErrorData!.ToJsonString());
    }

    [Theory]
    [InlineData(200, "not json")]
    [InlineData(503, "<html>Service Unavailable</html>")]
    [InlineData(200, """{"Code":"OK","Message":"OK"}""")]
    [InlineData(200, """{"Code":"OK","Message":"OK","RequestId":1}""")]
    [InlineData(200, """{"Code":"OK","Message":"OK","RequestId":"R","BizId":null}""")]
    [InlineData(200, """{"Code":"\ud800","Message":"OK","RequestId":"R"}""")]
    [InlineData(400, """{"Code":"X","Message":"\udfff","RequestId":"R"}""")]
    [InlineData(200, "[]")]
    public void An_answer_that_is_not_the_official_shape_is_invalid_response_without_its_body(int status, string body)
    {
        var error = SendSmsResponseReader.Read(status, body).Error!;

        Assert.Equal(ConnectorErrorCode.InvalidResponse, error.Code);
        Assert.StartsWith(
            $"Aliyun SMS answered HTTP {status} with ", error.ErrorData!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Service", error.ErrorData.ToJsonString(), StringComparison.Ordinal);
    }
}
