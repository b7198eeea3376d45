using System;
using ConfigCat.Engine.Client;
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
            Assert.False(second.OptionsIgnored);
            first.Dispose();
            first.Dispose();
            Assert.False(second.Client.IsDisposed);
            second.Dispose();
            Assert.True(second.Client.IsDisposed);

            using var third = ConfigCatClientRegistry.Acquire(sdkKey, options);
            Assert.NotSame(first.Client, third.Client);
        }

        [Fact]
        public void Different_options_for_an_existing_client_are_reported_as_ignored()
        {
            var sdkKey = TestConfigs.UniqueSdkKey("registry-options");
            using var first = ConfigCatClientRegistry.Acquire(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, Offline = true });
            using var second = ConfigCatClientRegistry.Acquire(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.LazyLoad, Offline = true });

            Assert.True(second.OptionsIgnored);
            Assert.Equal(PollingMode.ManualPoll, second.Client.Options.PollingMode);
        }
    }
}
