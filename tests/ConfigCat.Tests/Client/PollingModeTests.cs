using System;
using System.Threading;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Fetching;
using ConfigCat.Engine.Polling;
using ConfigCat.Tests.Support;
using ConfigCat.TestServer;
using Xunit;

namespace ConfigCat.Tests.Client
{
    /// <summary>When each polling mode downloads, observed as requests on a real loopback server.</summary>
    public sealed class PollingModeTests : IDisposable
    {
        private readonly TestConfigServer server = new TestConfigServer();
        private readonly string sdkKey = TestConfigs.UniqueSdkKey("polling");

        public PollingModeTests()
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
        }

        public void Dispose() => server.Dispose();

        [Fact]
        public void Auto_poll_downloads_at_start_and_picks_up_a_change_within_one_interval()
        {
            var interval = TimeSpan.FromSeconds(1);
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.AutoPoll, PollInterval = interval, BaseUrl = server.BaseUrl });
            using var changed = new ManualResetEventSlim();
            client.ConfigChanged += (_, e) =>
            {
                if ((string?)e.Current.Config!.Settings["greeting"].Value.Value == "hi")
                {
                    changed.Set();
                }
            };

            Assert.Equal(ClientCacheState.HasUpToDateFlagData, client.WaitForReady(TimeSpan.FromSeconds(10)));
            Assert.Equal("hello", client.GetValue("greeting", "default"));
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hi"));
            var changedAt = DateTime.UtcNow;

            Assert.True(changed.Wait(TimeSpan.FromSeconds(10)), "the change was never picked up");
            Assert.Equal("hi", client.GetValue("greeting", "default"));

            // The change must arrive with the next poll (not, say, after the 60 s default interval); the slack absorbs
            // thread scheduling on a busy machine.
            Assert.True(DateTime.UtcNow - changedAt < interval + TimeSpan.FromSeconds(3), "picked up after " + (DateTime.UtcNow - changedAt));
        }

        [Fact]
        public void Auto_poll_evaluations_make_no_requests()
        {
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.AutoPoll, PollInterval = TimeSpan.FromSeconds(60), BaseUrl = server.BaseUrl });
            client.WaitForReady(TimeSpan.FromSeconds(10));
            var before = server.CountRequests(sdkKey);

            for (var i = 0; i < 1000; i++)
            {
                Assert.Equal("hello", client.GetValue("greeting", "default"));
            }

            Assert.Equal(1, before);
            Assert.Equal(before, server.CountRequests(sdkKey));
        }

        [Fact]
        public void Auto_poll_first_evaluation_waits_for_the_first_download()
        {
            server.Fault = ServerFault.Stall;
            server.StallMilliseconds = 300;
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.AutoPoll, MaxInitWaitTime = TimeSpan.FromSeconds(10), BaseUrl = server.BaseUrl });

            Assert.Equal("hello", client.GetValue("greeting", "default"));
        }

        [Fact]
        public void Auto_poll_does_not_wait_longer_than_the_max_init_wait_time()
        {
            server.Fault = ServerFault.Stall;
            server.StallMilliseconds = 20_000;
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.AutoPoll, MaxInitWaitTime = TimeSpan.FromSeconds(1), BaseUrl = server.BaseUrl });

            var details = client.GetValueDetails("greeting", "default");

            Assert.Equal("default", details.Value);
            Assert.Equal(EvaluationErrorCode.ConfigJsonNotAvailable, details.ErrorCode);
        }

        [Fact]
        public void Lazy_load_downloads_again_only_after_the_time_to_live()
        {
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.LazyLoad, CacheTimeToLive = TimeSpan.FromSeconds(2), BaseUrl = server.BaseUrl });

            Assert.Equal("hello", client.GetValue("greeting", "default"));
            Assert.Equal("hello", client.GetValue("greeting", "default"));
            Assert.Equal(1, server.CountRequests(sdkKey));

            Thread.Sleep(TimeSpan.FromSeconds(2.2));
            Assert.Equal("hello", client.GetValue("greeting", "default"));
            Assert.Equal(2, server.CountRequests(sdkKey));
            Assert.NotNull(server.Requests[1].Header("If-None-Match"));
        }

        [Fact]
        public void Manual_poll_never_downloads_by_itself()
        {
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl });

            var details = client.GetValueDetails("greeting", "default");
            Thread.Sleep(500);

            Assert.Equal("default", details.Value);
            Assert.Equal(EvaluationErrorCode.ConfigJsonNotAvailable, details.ErrorCode);
            Assert.Equal(0, server.CountRequests(sdkKey));

            Assert.True(client.ForceRefresh().IsSuccess);
            Assert.Equal("hello", client.GetValue("greeting", "default"));
            Assert.Equal(1, server.CountRequests(sdkKey));
        }

        [Theory]
        [InlineData(PollingMode.AutoPoll)]
        [InlineData(PollingMode.LazyLoad)]
        [InlineData(PollingMode.ManualPoll)]
        public void Offline_makes_no_request_until_back_online(PollingMode mode)
        {
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = mode, Offline = true, MaxInitWaitTime = TimeSpan.Zero, BaseUrl = server.BaseUrl });

            Assert.True(client.IsOffline);
            Assert.Equal("default", client.GetValue("greeting", "default"));
            var refresh = client.ForceRefresh();
            Thread.Sleep(300);

            Assert.False(refresh.IsSuccess);
            Assert.Equal(RefreshErrorCode.OfflineClient, refresh.ErrorCode);
            Assert.Equal(0, server.CountRequests(sdkKey));

            client.SetOnline();
            Assert.False(client.IsOffline);
            Assert.True(client.ForceRefresh().IsSuccess);
            Assert.Equal("hello", client.GetValue("greeting", "default"));
        }

        [Fact]
        public void Disposing_stops_polling()
        {
            var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.AutoPoll, PollInterval = TimeSpan.FromSeconds(1), BaseUrl = server.BaseUrl });
            Assert.Equal(ClientCacheState.HasUpToDateFlagData, client.WaitForReady(TimeSpan.FromSeconds(30)));

            client.Dispose();

            // A poll already on the wire when the client was disposed may still reach the server; only later ones count.
            Thread.Sleep(500);
            var afterDispose = server.CountRequests(sdkKey);
            Thread.Sleep(TimeSpan.FromSeconds(2.5));

            Assert.Equal(afterDispose, server.CountRequests(sdkKey));
            Assert.Equal("hello", client.GetValue("greeting", "default"));
        }
    }
}
