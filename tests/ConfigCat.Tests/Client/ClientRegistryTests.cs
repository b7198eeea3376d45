using System;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Polling;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Client
{
    public class ClientRegistryTests
    {
        [Fact]
        public void Same_key_shares_one_client_until_the_last_lease_is_released()
        {
            var sdkKey = TestConfigs.UniqueSdkKey("registry");
            var options = new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, Offline = true };

            var first = ConfigCatClientRegistry.Acquire(sdkKey, options);
            var second = ConfigCatClientRegistry.Acquire(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, Offline = true });

            Assert.Same(first.Client, second.Client);
            first.Dispose();
            first.Dispose();
            Assert.False(second.Client.IsDisposed);
            second.Dispose();
            Assert.True(second.Client.IsDisposed);

            using var third = ConfigCatClientRegistry.Acquire(sdkKey, options);
            Assert.NotSame(first.Client, third.Client);
        }

        [Fact]
        public void Different_download_options_get_a_client_of_their_own()
        {
            var sdkKey = TestConfigs.UniqueSdkKey("registry-options");
            using var first = ConfigCatClientRegistry.Acquire(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, Offline = true });
            using var second = ConfigCatClientRegistry.Acquire(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.LazyLoad, Offline = true });
            using var online = ConfigCatClientRegistry.Acquire(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll });

            Assert.NotSame(first.Client, second.Client);
            Assert.NotSame(first.Client, online.Client);
            Assert.Equal(PollingMode.LazyLoad, second.Client.Options.PollingMode);
            Assert.False(online.Client.IsOffline);
        }

        [Fact]
        public void Options_that_do_not_shape_downloading_still_share_the_client()
        {
            var sdkKey = TestConfigs.UniqueSdkKey("registry-log");
            using var first = ConfigCatClientRegistry.Acquire(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, Offline = true, LogLevel = LogLevel.Debug });
            using var second = ConfigCatClientRegistry.Acquire(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, Offline = true, LogLevel = LogLevel.Error });

            Assert.Same(first.Client, second.Client);
        }
    }
}
