using System;
using System.Collections.Generic;
using System.IO;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Fetching;
using ConfigCat.Engine.Overrides;
using ConfigCat.Engine.Polling;
using ConfigCat.Tests.Support;
using ConfigCat.TestServer;
using Xunit;

namespace ConfigCat.Tests.Client
{
    /// <summary>Each override behaviour with each override source, against a downloaded config: "shared" exists in
    /// both, "remoteOnly" only in the download, "localOnly" only in the overrides.</summary>
    public sealed class OverrideBehaviourTests : IDisposable
    {
        private readonly TestConfigServer server = new TestConfigServer();
        private readonly string sdkKey = TestConfigs.UniqueSdkKey("overrides");

        public OverrideBehaviourTests()
        {
            server.SetConfig(sdkKey, TestConfigs.Strings(new Dictionary<string, string> { ["shared"] = "remote", ["remoteOnly"] = "remote" }));
        }

        public void Dispose() => server.Dispose();

        public static IEnumerable<object[]> Cases()
        {
            foreach (var source in new[] { "dictionary", "simplified file", "full file" })
            {
                yield return new object[] { source, OverrideBehaviour.LocalOnly, "local", null!, "local" };
                yield return new object[] { source, OverrideBehaviour.LocalOverRemote, "local", "remote", "local" };
                yield return new object[] { source, OverrideBehaviour.RemoteOverLocal, "remote", "remote", "local" };
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Behaviour_decides_which_value_wins(string source, OverrideBehaviour behaviour, string shared, string? remoteOnly, string localOnly)
        {
            var overrides = new FlagOverrides(CreateSource(source), behaviour);
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl, FlagOverrides = overrides });

            var refresh = client.ForceRefresh();

            Assert.Equal(shared, client.GetValue("shared", "default"));
            Assert.Equal(remoteOnly ?? "default", client.GetValue("remoteOnly", "default"));
            Assert.Equal(localOnly, client.GetValue("localOnly", "default"));
            if (behaviour == OverrideBehaviour.LocalOnly)
            {
                Assert.Equal(RefreshErrorCode.LocalOnlyClient, refresh.ErrorCode);
                Assert.Equal(0, server.CountRequests(sdkKey));
            }
            else
            {
                Assert.True(refresh.IsSuccess);
            }
        }

        [Fact]
        public void Local_only_needs_no_sdk_key()
        {
            var overrides = new FlagOverrides(new DictionaryOverrideDataSource(new Dictionary<string, object?> { ["flag"] = true }), OverrideBehaviour.LocalOnly);
            using var client = new ConfigCatClient(null, new ConfigCatClientOptions { FlagOverrides = overrides });

            Assert.Equal(true, client.GetValue("flag", false));
            Assert.Equal(ClientCacheState.HasLocalOverrideFlagDataOnly, client.WaitForReady(TimeSpan.FromSeconds(1)));
        }

        private static IOverrideDataSource CreateSource(string kind)
        {
            var directory = TemporaryDirectory.Create();
            switch (kind)
            {
                case "dictionary":
                    return new DictionaryOverrideDataSource(new Dictionary<string, object?> { ["shared"] = "local", ["localOnly"] = "local" });
                case "simplified file":
                    var simplified = Path.Combine(directory, "flags.json");
                    File.WriteAllText(simplified, "{ \"flags\": { \"shared\": \"local\", \"localOnly\": \"local\" } }");
                    return new FileOverrideDataSource(simplified);
                default:
                    var full = Path.Combine(directory, "config.json");
                    File.WriteAllText(full, TestConfigs.Strings(new Dictionary<string, string> { ["shared"] = "local", ["localOnly"] = "local" }));
                    return new FileOverrideDataSource(full);
            }
        }
    }
}
