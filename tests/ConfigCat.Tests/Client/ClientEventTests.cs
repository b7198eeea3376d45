using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Polling;
using ConfigCat.Tests.Support;
using ConfigCat.TestServer;
using Xunit;

namespace ConfigCat.Tests.Client
{
    /// <summary>Events are raised once a refresh has settled, so handlers may call back into the client; hooks given in
    /// the options see the client's first events; a handler that throws is reported at Warning.</summary>
    public sealed class ClientEventTests : IDisposable
    {
        private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(30);

        private readonly TestConfigServer server = new TestConfigServer();
        private readonly string sdkKey = TestConfigs.UniqueSdkKey("events");

        public void Dispose() => server.Dispose();

        [Fact]
        public async Task A_ConfigFetched_handler_that_refreshes_again_does_not_deadlock()
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl });
            var nested = new ConcurrentQueue<RefreshResult>();
            var handled = 0;
            client.ConfigFetched += (_, e) =>
            {
                if (Interlocked.Exchange(ref handled, 1) == 0)
                {
                    nested.Enqueue(client.ForceRefresh());
                }
            };

            var refresh = Task.Run(() => client.ForceRefresh());

            Assert.Same(refresh, await Task.WhenAny(refresh, Task.Delay(HangBound)));
            Assert.True((await refresh).IsSuccess);
            Assert.True(Assert.Single(nested).IsSuccess);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task An_Error_handler_that_reads_in_lazy_load_after_a_failed_download_does_not_deadlock()
        {
            server.Fault = ServerFault.Status;
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.LazyLoad, BaseUrl = server.BaseUrl });
            var readInHandler = new ConcurrentQueue<object?>();
            var handled = 0;
            client.Error += (_, e) =>
            {
                if (e.LogEvent.EventId == 1101 && Interlocked.Exchange(ref handled, 1) == 0)
                {
                    readInHandler.Enqueue(client.GetValue("greeting", "fallback"));
                }
            };

            var read = Task.Run(() => client.GetValue("greeting", "default"));

            Assert.Same(read, await Task.WhenAny(read, Task.Delay(HangBound)));
            Assert.Equal("default", await read);
            Assert.Equal("fallback", Assert.Single(readInHandler));
        }

        [Fact]
        public void Hooks_in_the_options_see_the_first_ConfigFetched_and_ClientReady()
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
            var fetched = new ConcurrentQueue<RefreshResult>();
            var ready = new ConcurrentQueue<ClientCacheState>();
            var options = new ConfigCatClientOptions { BaseUrl = server.BaseUrl, MaxInitWaitTime = TimeSpan.FromSeconds(20) };
            options.ConfigFetched += (_, e) => fetched.Enqueue(e.Result);
            options.ClientReady += (_, e) => ready.Enqueue(e.CacheState);

            using var client = new ConfigCatClient(sdkKey, options);

            Assert.True(Eventually.Happens(() => !ready.IsEmpty, HangBound));
            Assert.Equal(ClientCacheState.HasUpToDateFlagData, Assert.Single(ready));
            Assert.True(Assert.Single(fetched).IsSuccess);
        }

        [Fact]
        public void A_handler_that_throws_is_logged_at_Warning_and_the_other_handlers_still_run()
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl });
            var log = new ConcurrentQueue<LogEvent>();
            client.LogEmitted += (_, e) => log.Enqueue(e.LogEvent);
            var secondRan = false;
            client.ConfigChanged += (_, e) => throw new InvalidOperationException("handler broke");
            client.ConfigChanged += (_, e) => secondRan = true;

            Assert.True(client.ForceRefresh().IsSuccess);

            Assert.True(secondRan);
            var warning = Assert.Single(log, e => e.Message.Contains("handler broke") || (e.Exception?.Message == "handler broke"));
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains("ConfigChanged", warning.Message);
        }

        [Fact]
        public void Handlers_of_a_download_see_its_outcome_in_the_status()
        {
            server.Fault = ServerFault.Status;
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl });
            var seen = new ConcurrentQueue<string?>();
            client.ConfigFetched += (_, e) => seen.Enqueue(client.GetStatus().LastError);

            client.ForceRefresh();

            Assert.Contains("1101", Assert.Single(seen));
        }
    }
}
