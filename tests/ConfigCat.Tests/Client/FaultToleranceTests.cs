using System;
using System.Collections.Generic;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Fetching;
using ConfigCat.Engine.Polling;
using ConfigCat.Tests.Support;
using ConfigCat.TestServer;
using Xunit;

namespace ConfigCat.Tests.Client
{
    /// <summary>Every network or content fault keeps the last good config, reports the error and throws nothing.</summary>
    public sealed class FaultToleranceTests : IDisposable
    {
        private readonly TestConfigServer server = new TestConfigServer();
        private readonly string sdkKey = TestConfigs.UniqueSdkKey("faults");

        public void Dispose() => server.Dispose();

        public static IEnumerable<object[]> Faults() => new[]
        {
            new object[] { ServerFault.Status, 500, RefreshErrorCode.UnexpectedHttpResponse, 1101 },
            new object[] { ServerFault.Status, 502, RefreshErrorCode.UnexpectedHttpResponse, 1101 },
            new object[] { ServerFault.Status, 403, RefreshErrorCode.InvalidSdkKey, 1100 },
            new object[] { ServerFault.Status, 404, RefreshErrorCode.InvalidSdkKey, 1100 },
            new object[] { ServerFault.Stall, 0, RefreshErrorCode.HttpRequestTimeout, 1102 },
            new object[] { ServerFault.Drop, 0, RefreshErrorCode.HttpRequestFailure, 1103 },
            new object[] { ServerFault.Truncate, 0, RefreshErrorCode.HttpRequestFailure, 1103 },
            new object[] { ServerFault.Garbage, 0, RefreshErrorCode.InvalidHttpResponseContent, 1105 },
        };

        [Theory]
        [MemberData(nameof(Faults))]
        public void Fault_keeps_the_last_good_config_and_is_reported(ServerFault fault, int status, RefreshErrorCode expectedCode, int expectedEventId)
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
            // Only the stall needs a short timeout; the other faults get one a loaded machine cannot run into.
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions
            {
                PollingMode = PollingMode.ManualPoll,
                BaseUrl = server.BaseUrl,
                HttpTimeout = fault == ServerFault.Stall ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(20),
            });
            var errors = new List<int>();
            client.Error += (_, e) => errors.Add(e.LogEvent.EventId);
            Assert.True(client.ForceRefresh().IsSuccess);

            // New content on the server makes the next answer a 200 (not a 304), so the fault hits the transfer.
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "changed"));
            server.Fault = fault;
            server.FaultStatus = status;
            server.StallMilliseconds = 8000;
            var result = client.ForceRefresh();

            Assert.False(result.IsSuccess);
            Assert.Equal(expectedCode, result.ErrorCode);
            Assert.False(string.IsNullOrEmpty(result.ErrorMessage));
            Assert.Equal(expectedEventId, Assert.Single(errors));
            var details = client.GetValueDetails("greeting", "default");
            Assert.Equal("hello", details.Value);
            Assert.False(details.IsDefaultValue);
        }

        [Fact]
        public void Timeout_message_states_the_timeout_in_milliseconds()
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
            server.Fault = ServerFault.Stall;
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl, HttpTimeout = TimeSpan.FromMilliseconds(700) });

            var result = client.ForceRefresh();

            Assert.Equal("Request timed out while trying to fetch config JSON. Timeout value: 700ms", result.ErrorMessage);
        }

        [Fact]
        public void Not_modified_without_a_cached_config_is_an_error()
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
            var cacheDirectory = TemporaryDirectory.Create();
            var cache = new Engine.Caching.FileConfigCache(cacheDirectory);
            using (var first = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl, ExternalCache = cache }))
            {
                first.ForceRefresh();
            }

            // An entry whose JSON part is empty holds the ETag but no config: the CDN's 304 then cannot be used.
            var path = cache.PathOf(Engine.Caching.CacheKey.Compute(sdkKey));
            var parts = System.IO.File.ReadAllText(path).Split('\n');
            System.IO.File.WriteAllText(path, parts[0] + "\n" + parts[1] + "\n");
            using var second = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl, ExternalCache = cache });

            var result = second.ForceRefresh();

            Assert.Equal(RefreshErrorCode.InvalidHttpResponseWhenLocalCacheIsEmpty, result.ErrorCode);
        }

        [DesktopExcluded("Mono 6.8 lacks CertificateRequest, so the self-signed TLS endpoint cannot be created there.")]
        [Fact]
        public void Failed_tls_handshake_is_reported_as_a_secure_connection_failure()
        {
            using var untrusted = new UntrustedTlsServer();
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = untrusted.BaseUrl, HttpTimeout = TimeSpan.FromSeconds(20) });
            var errors = new List<int>();
            client.Error += (_, e) => errors.Add(e.LogEvent.EventId);

            var result = client.ForceRefresh();

            Assert.Equal(RefreshErrorCode.HttpRequestFailure, result.ErrorCode);
            Assert.Equal(2100, Assert.Single(errors));
            Assert.Contains("TLS 1.2+", result.ErrorMessage);
            Assert.Equal("default", client.GetValueDetails("greeting", "default").Value);
        }

        [Fact]
        public void Unreachable_server_gives_defaults_without_throwing()
        {
            var closedPort = new Uri("http://127.0.0.1:" + TemporaryPort.Closed());
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.AutoPoll, BaseUrl = closedPort, MaxInitWaitTime = TimeSpan.FromSeconds(5) });

            var details = client.GetValueDetails("greeting", "default");

            Assert.Equal("default", details.Value);
            Assert.True(details.IsDefaultValue);
        }
    }
}
