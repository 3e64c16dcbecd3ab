using Logto.Connector.Aliyun;
using Logto.Connector.AliyunDirectMail;
using Logto.ConnectorKit;

namespace Connector.Tests.AliyunDirectMail;

public class SingleSendMailResponseReaderTests
{
    [Fact]
    public void Read_returns_EnvId_and_RequestId_of_a_success()
    {
        var answer = SingleSendMailResponseReader.Read(200, """{"RequestId":"r-1","EnvId":"600000123456789","Extra":1}""");

        Assert.Null(answer.Error);
        Assert.Equal("""{"EnvId":"600000123456789","RequestId":"r-1"}""", answer.Result.GetRawText());
        Assert.Equal("r-1", answer.RequestId);
    }

    [Theory]
    [InlineData(200, """{"unexpected":true}""")]
    [InlineData(200, """{"EnvId":1,"RequestId":"r"}""")]
    [InlineData(200, "[]")]
    [InlineData(200, """{"EnvId":"\ud800","RequestId":"r"}""")]
    [InlineData(400, """{"Code":"X"}""")]
    [InlineData(400, """{"Code":"X","Message":"m","RequestId":null}""")]
    [InlineData(400, """{"Code":"X","Message":"\udfff"}""")]
    [InlineData(500, "123")]
    public void Read_maps_json_of_the_wrong_shape_to_invalid_response(int status, string body)
    {
        var error = SingleSendMailResponseReader.Read(status, body).Error;

        Assert.Equal(ConnectorErrorCode.InvalidResponse, error?.Code);
    }

    [Theory]
    [InlineData(503, "Service Unavailable")]
    [InlineData(200, "<html>proxy</html>")]
    [InlineData(502, "")]
    public void Read_maps_a_body_that_is_not_json_to_invalid_response_without_quoting_it(int status, string body)
    {
        var error = SingleSendMailResponseReader.Read(status, body).Error!;

        Assert.Equal(ConnectorErrorCode.InvalidResponse, error.Code);
        Assert.Equal(
            $"Aliyun Direct Mail answered HTTP {status} with a body that is not JSON.", error.ErrorData!["message"]!.GetValue<string>());
    }

    [Fact]
    public void Read_maps_an_aliyun_error_to_general_with_the_official_data_shape()
    {
        var body =
            """{"RequestId":"2F5A","HostId":"dm.aliyuncs.com","Code":"InvalidMailAddress.NotFound","Message":"The specified mail address is not found.","Recommend":"https://api.aliyun.com/troubleshoot?q=InvalidMailAddress.NotFound"}""";

        var answer = SingleSendMailResponseReader.Read(400, body);

        Assert.Equal(ConnectorErrorCode.General, answer.Error!.Code);
        Assert.Equal("InvalidMailAddress.NotFound", answer.AliyunCode);
        Assert.Equal(
            """{"errorDescription":"The specified mail address is not found.","Code":"InvalidMailAddress.NotFound","RequestId":"2F5A","HostId":"dm.aliyuncs.com","Recommend":"https://api.aliyun.com/troubleshoot?q=InvalidMailAddress.NotFound"}""",
            answer.Error.ErrorData!.ToJsonString());
    }

    [Fact]
    public void Read_omits_absent_optional_members_of_an_aliyun_error()
    {
        var error = SingleSendMailResponseReader.Read(403, """{"Code":"Forbidden.RAM","Message":"no"}""").Error!;

        Assert.Equal("""{"errorDescription":"no","Code":"Forbidden.RAM"}""", error.ErrorData!.ToJsonString());
    }
}
