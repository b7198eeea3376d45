using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Polling;
using ConfigCat.Tests.Support;
using ConfigCat.TestServer;
using Xunit;

namespace ConfigCat.Tests.Client
{
    /// <summary>A cancelled wait ends at once (within a second here, a bound on a hang) while the download it waited for
    /// goes on for whoever else shares it.</summary>
    public sealed class CancellationTests : IDisposable
    {
        private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(1);

        private readonly TestConfigServer server = new TestConfigServer { Fault = ServerFault.Stall, StallMilliseconds = 4000 };
        private readonly string sdkKey = TestConfigs.UniqueSdkKey("cancel");

        public CancellationTests()
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
        }

        public void Dispose() => server.Dispose();

        [Fact]
        public async Task ForceRefresh_stops_waiting_when_cancelled_and_the_download_goes_on()
        {
            using var client = new ConfigCatClient(sdkKey, Options(PollingMode.ManualPoll));
            var shared = Task.Run(() => client.ForceRefresh());
            Assert.True(Eventually.Happens(() => server.Requests.Count == 1, TimeSpan.FromSeconds(10)));

            await AssertStopsWithinBound(token => client.ForceRefresh(token));

            Assert.Same(shared, await Task.WhenAny(shared, Task.Delay(TimeSpan.FromSeconds(30))));
            Assert.True((await shared).IsSuccess);
            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task A_lazy_load_read_stops_waiting_when_cancelled()
        {
            using var client = new ConfigCatClient(sdkKey, Options(PollingMode.LazyLoad));

            await AssertStopsWithinBound(token => client.GetSnapshot(token));
        }

        [Fact]
        public async Task WaitForReady_stops_waiting_when_cancelled()
        {
            var options = Options(PollingMode.AutoPoll);
            options.MaxInitWaitTime = TimeSpan.FromSeconds(20);
            using var client = new ConfigCatClient(sdkKey, options);

            await AssertStopsWithinBound(token => client.WaitForReady(TimeSpan.FromSeconds(20), token));
        }

        private ConfigCatClientOptions Options(PollingMode mode) =>
            new ConfigCatClientOptions { PollingMode = mode, BaseUrl = server.BaseUrl, HttpTimeout = TimeSpan.FromSeconds(20) };

        private async Task AssertStopsWithinBound(Action<CancellationToken> wait)
        {
            using var cancellation = new CancellationTokenSource();
            var waiting = Task.Run(() => wait(cancellation.Token));
            Assert.True(Eventually.Happens(() => server.Requests.Count >= 1, TimeSpan.FromSeconds(10)));
            Assert.False(waiting.IsCompleted);

            var clock = Stopwatch.StartNew();
            cancellation.Cancel();
            var ended = await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(30))) == waiting;
            clock.Stop();

            Assert.True(ended, "The wait did not end when cancelled.");
            Assert.True(clock.Elapsed < StopBound, "Cancelling took " + clock.Elapsed.TotalMilliseconds + " ms.");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }
    }
}
