using System;
using System.Collections.Generic;
using System.Linq;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Fetching;
using ConfigCat.Engine.Polling;
using ConfigCat.Tests.Support;
using ConfigCat.TestServer;
using Xunit;

namespace ConfigCat.Tests.Client
{
    /// <summary>The download protocol against a real HTTP server on 127.0.0.1.</summary>
    public sealed class FetchProtocolTests : IDisposable
    {
        private readonly TestConfigServer server = new TestConfigServer();
        private readonly string sdkKey = TestConfigs.UniqueSdkKey("fetch");

        public void Dispose() => server.Dispose();

        [Fact]
        public void Etag_is_sent_back_and_304_keeps_the_config_until_it_changes()
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl });
            var changes = new List<ConfigChangedEventArgs>();
            client.ConfigChanged += (_, e) => changes.Add(e);

            Assert.True(client.ForceRefresh().IsSuccess);
            var firstFetch = client.Snapshot().FetchTime!.Value;
            Assert.Equal("hello", client.GetValue("greeting", "default"));

            Assert.True(client.ForceRefresh().IsSuccess);
            Assert.True(client.Snapshot().FetchTime >= firstFetch);

            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hi"));
            Assert.True(client.ForceRefresh().IsSuccess);
            Assert.Equal("hi", client.GetValue("greeting", "default"));

            var requests = server.Requests;
            Assert.Equal(3, requests.Count);
            Assert.Null(requests[0].Header("If-None-Match"));
            Assert.Equal(TestConfigServer.ETagOf(TestConfigs.OneString("greeting", "hello")), requests[1].Header("If-None-Match"));
            Assert.Equal(requests[1].Header("If-None-Match"), requests[2].Header("If-None-Match"));
            Assert.Equal(2, changes.Count);
            Assert.True(changes[0].Previous.IsEmpty);
            Assert.Equal("hi", changes[1].Current.Config!.Settings["greeting"].Value.Value);
            Assert.Equal("hello", changes[1].Previous.Config!.Settings["greeting"].Value.Value);
        }

        [Theory]
        [InlineData(PollingMode.AutoPoll, "a")]
        [InlineData(PollingMode.LazyLoad, "l")]
        [InlineData(PollingMode.ManualPoll, "m")]
        public void Request_identifies_the_sdk_and_mode_at_the_documented_url(PollingMode mode, string modeCode)
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = mode, BaseUrl = server.BaseUrl });

            client.ForceRefresh();

            var request = server.Requests.First();
            Assert.Equal("GET", request.Method);
            Assert.Equal("/configuration-files/" + sdkKey + "/config_v6.json", request.Path);
            var version = typeof(ConfigCatClient).Assembly.GetName().Version!;
            var expected = "ConfigCat-PowerShell/" + modeCode + "-" + version.Major + "." + version.Minor + "." + version.Build;
            Assert.Equal(expected, request.Header("X-ConfigCat-UserAgent"));
            Assert.Equal(expected, request.Header("User-Agent"));
        }

        [Fact]
        public void Base_url_with_a_path_is_kept()
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = new Uri(server.BaseUrl, "/proxy/configcat") });

            client.ForceRefresh();

            Assert.Equal("/proxy/configcat/configuration-files/" + sdkKey + "/config_v6.json", server.Requests.Single().Path);
        }

        [Fact]
        public void Forced_redirect_moves_a_custom_base_url_and_the_move_persists()
        {
            using var target = new TestConfigServer();
            target.SetConfig(sdkKey, TestConfigs.OneString("greeting", "from target"));
            server.SetConfig(sdkKey, TestConfigs.Redirecting("greeting", "from origin", target.BaseUrl.AbsoluteUri.TrimEnd('/'), redirectMode: 2));
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl });

            Assert.True(client.ForceRefresh().IsSuccess);
            Assert.Equal("from target", client.GetValue("greeting", "default"));
            client.ForceRefresh();

            Assert.Equal(1, server.CountRequests(sdkKey));
            Assert.Equal(2, target.CountRequests(sdkKey));
        }

        [Fact]
        public void Suggested_redirect_is_ignored_with_a_custom_base_url()
        {
            using var target = new TestConfigServer();
            target.SetConfig(sdkKey, TestConfigs.OneString("greeting", "from target"));
            server.SetConfig(sdkKey, TestConfigs.Redirecting("greeting", "from origin", target.BaseUrl.AbsoluteUri.TrimEnd('/'), redirectMode: 1));
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl });

            client.ForceRefresh();

            Assert.Equal("from origin", client.GetValue("greeting", "default"));
            Assert.Equal(0, target.CountRequests(sdkKey));
        }

        [Fact]
        public void Redirect_loop_stops_after_three_requests_and_reports_it()
        {
            using var other = new TestConfigServer();
            server.SetConfig(sdkKey, TestConfigs.Redirecting("greeting", "from first", other.BaseUrl.AbsoluteUri.TrimEnd('/'), redirectMode: 2));
            other.SetConfig(sdkKey, TestConfigs.Redirecting("greeting", "from second", server.BaseUrl.AbsoluteUri.TrimEnd('/'), redirectMode: 2));
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl });
            var errors = new List<int>();
            client.Error += (_, e) => errors.Add(e.LogEvent.EventId);

            var result = client.ForceRefresh();

            Assert.True(result.IsSuccess);
            Assert.Equal(2, server.CountRequests(sdkKey));
            Assert.Equal(1, other.CountRequests(sdkKey));
            Assert.Contains(1104, errors);
            Assert.Equal("from first", client.GetValue("greeting", "default"));
        }

        [Fact]
        public void Wrong_sdk_key_is_reported_with_the_key_masked()
        {
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl });

            var result = client.ForceRefresh();

            Assert.False(result.IsSuccess);
            Assert.Equal(RefreshErrorCode.InvalidSdkKey, result.ErrorCode);
            Assert.DoesNotContain(sdkKey, result.ErrorMessage);
            Assert.Contains(sdkKey.Substring(sdkKey.Length - 6), result.ErrorMessage);
        }
    }
}
