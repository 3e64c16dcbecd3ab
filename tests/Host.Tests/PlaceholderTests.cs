namespace Host.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Host_project_builds() => Assert.True(typeof(Logto.ConnectorKit.IConnector).IsInterface);
}
