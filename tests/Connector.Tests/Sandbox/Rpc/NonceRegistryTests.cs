using Connector.Tests.Sandbox.Support;
using Logto.Connector.AliyunSandbox.Rpc;

namespace Connector.Tests.Sandbox.Rpc;

public sealed class NonceRegistryTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_nonce_is_usable_once_per_access_key_id()
    {
        var nonces = new NonceRegistry(new ManualClock(Start));

        Assert.True(nonces.TryUse("key-a", "n1", Start.AddMinutes(15)));
        Assert.False(nonces.TryUse("key-a", "n1", Start.AddMinutes(15)));
        Assert.True(nonces.TryUse("key-b", "n1", Start.AddMinutes(15)));
    }

    [Fact]
    public void A_nonce_is_forgotten_once_its_timestamp_window_has_passed()
    {
        var clock = new ManualClock(Start);
        var nonces = new NonceRegistry(clock);
        nonces.TryUse("key", "n1", Start.AddMinutes(15));

        clock.Now = Start.AddMinutes(15).AddSeconds(1);
        nonces.TryUse("key", "n2", clock.Now.AddMinutes(15));

        Assert.Equal(1, nonces.Count);
        Assert.True(nonces.TryUse("key", "n1", clock.Now.AddMinutes(15)));
    }

    [Fact]
    public void Memory_stays_bounded_by_forgetting_the_nonce_closest_to_expiry_first()
    {
        var nonces = new NonceRegistry(new ManualClock(Start), capacity: 3);
        nonces.TryUse("key", "late", Start.AddMinutes(15));
        nonces.TryUse("key", "early", Start.AddMinutes(1));
        nonces.TryUse("key", "middle", Start.AddMinutes(5));

        nonces.TryUse("key", "fourth", Start.AddMinutes(10));

        Assert.Equal(3, nonces.Count);
        Assert.True(nonces.TryUse("key", "early", Start.AddMinutes(1)));
        Assert.False(nonces.TryUse("key", "late", Start.AddMinutes(15)));
        Assert.False(nonces.TryUse("key", "fourth", Start.AddMinutes(10)));
    }
}
