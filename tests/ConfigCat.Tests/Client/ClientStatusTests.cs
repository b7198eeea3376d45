using System;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Fetching;
using ConfigCat.Engine.Polling;
using ConfigCat.Tests.Support;
using ConfigCat.TestServer;
using Xunit;

namespace ConfigCat.Tests.Client
{
    /// <summary>LastError is the client's last download problem, with the event id that reported it; evaluations do not
    /// touch it and a successful download clears it.</summary>
    public sealed class ClientStatusTests : IDisposable
    {
        private readonly TestConfigServer server = new TestConfigServer();
        private readonly string sdkKey = TestConfigs.UniqueSdkKey("status");

        public void Dispose() => server.Dispose();

        [Fact]
        public void LastError_names_the_download_problem_not_the_evaluation_that_followed_it()
        {
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl });

            Assert.Equal(RefreshErrorCode.InvalidSdkKey, client.ForceRefresh().ErrorCode);
            client.GetValue("greeting", "default");

            var status = client.GetStatus();
            Assert.StartsWith("[1100] ", status.LastError);
            Assert.NotNull(status.LastErrorTime);
        }

        [Fact]
        public void Evaluation_errors_leave_LastError_alone_and_a_successful_download_clears_it()
        {
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl });
            server.Fault = ServerFault.Status;
            client.ForceRefresh();
            Assert.StartsWith("[1101] ", client.GetStatus().LastError);

            server.Fault = ServerFault.None;
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
            Assert.True(client.ForceRefresh().IsSuccess);
            client.GetValue("missing", "default");

            var status = client.GetStatus();
            Assert.Null(status.LastError);
            Assert.Null(status.LastErrorTime);
        }
    }
}
