using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Polling;
using ConfigCat.Tests.Support;
using ConfigCat.TestServer;
using Xunit;

namespace ConfigCat.Tests.Client
{
    public sealed class ConcurrencyTests : IDisposable
    {
        private readonly TestConfigServer server = new TestConfigServer();
        private readonly string sdkKey = TestConfigs.UniqueSdkKey("concurrency");

        public void Dispose() => server.Dispose();

        [Fact]
        public void Sixteen_threads_evaluating_while_the_config_is_refreshed_see_only_old_or_new_values()
        {
            var configA = TestConfigs.Strings(new System.Collections.Generic.Dictionary<string, string> { ["color"] = "red", ["size"] = "small" });
            var configB = TestConfigs.Strings(new System.Collections.Generic.Dictionary<string, string> { ["color"] = "blue", ["size"] = "large" });
            server.SetConfig(sdkKey, configA);
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl });
            Assert.True(client.ForceRefresh().IsSuccess);
            var user = new User("user-1", "a@example.com");

            // Dedicated threads, as PowerShell runspaces have: thread-pool workers would starve the refresh's I/O.
            var refreshes = 0;
            var evaluating = 16;
            var refresher = new Thread(() =>
            {
                var useB = true;
                while (Volatile.Read(ref evaluating) > 0)
                {
                    server.SetConfig(sdkKey, useB ? configB : configA);
                    client.ForceRefresh();
                    Interlocked.Increment(ref refreshes);
                    useB = !useB;
                }
            });
            refresher.Start();
            Assert.True(Eventually.Happens(() => Volatile.Read(ref refreshes) > 0, TimeSpan.FromSeconds(10)));
            var refreshesAtStart = Volatile.Read(ref refreshes);

            var unexpected = new ConcurrentBag<string>();
            var evaluations = 0;
            // Each thread evaluates at least 10,000 times and goes on until the config has been refreshed a few times
            // during the run, so that a slow refresher on a loaded machine still refreshes underneath the evaluations.
            const int MinimumRefreshesDuringRun = 3;
            var runLimit = System.Diagnostics.Stopwatch.StartNew();
            var evaluators = Enumerable.Range(0, 16).Select(_ => new Thread(() =>
            {
                try
                {
                    for (var i = 0; i < 10_000 || (Volatile.Read(ref refreshes) - refreshesAtStart < MinimumRefreshesDuringRun && runLimit.Elapsed < TimeSpan.FromSeconds(60)); i++)
                    {
                        // One snapshot per iteration: both values must come from the same config.
                        var snapshot = client.Snapshot();
                        var color = snapshot.Evaluate("color", "none", user);
                        var size = snapshot.Evaluate("size", "none", user);
                        var pair = color.Value + "/" + size.Value;
                        if (pair != "red/small" && pair != "blue/large")
                        {
                            unexpected.Add(pair + " " + color.ErrorMessage + size.ErrorMessage);
                        }

                        if ((string?)client.GetValue("color", "none", user) is not ("red" or "blue"))
                        {
                            unexpected.Add("client value outside both configs");
                        }

                        Interlocked.Increment(ref evaluations);
                    }
                }
                catch (Exception e)
                {
                    unexpected.Add(e.ToString());
                }
                finally
                {
                    Interlocked.Decrement(ref evaluating);
                }
            })).ToList();
            evaluators.ForEach(thread => thread.Start());
            evaluators.ForEach(thread => thread.Join());
            refresher.Join();

            Assert.Empty(unexpected);
            Assert.True(evaluations >= 160_000, "evaluations: " + evaluations);
            Assert.True(refreshes - refreshesAtStart >= MinimumRefreshesDuringRun, "the config was refreshed only " + (refreshes - refreshesAtStart) + " times during the run");
        }

        [Fact]
        public void Concurrent_first_requests_trigger_exactly_one_download()
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
            server.Fault = ServerFault.Stall;
            server.StallMilliseconds = 500;
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.LazyLoad, BaseUrl = server.BaseUrl });
            using var start = new Barrier(20);

            var values = Enumerable.Range(0, 20).AsParallel().WithDegreeOfParallelism(20).Select(_ =>
            {
                start.SignalAndWait();
                return client.GetValue("greeting", "default");
            }).ToArray();

            Assert.All(values, value => Assert.Equal("hello", value));
            Assert.Equal(1, server.CountRequests(sdkKey));
        }
    }
}
