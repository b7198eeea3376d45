using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Polling;
using ConfigCat.Tests.Support;
using ConfigCat.TestServer;
using Xunit;

namespace ConfigCat.Tests.Client
{
    /// <summary>The file cache shared by processes: one download serves the next client, even when the CDN is gone.</summary>
    public sealed class FileCacheTests : IDisposable
    {
        private readonly TestConfigServer server = new TestConfigServer();
        private readonly string sdkKey = TestConfigs.UniqueSdkKey("filecache");
        private readonly string directory = Path.Combine(TemporaryDirectory.Create(), "cache");

        public FileCacheTests()
        {
            server.SetConfig(sdkKey, TestConfigs.OneString("greeting", "hello"));
        }

        public void Dispose() => server.Dispose();

        [Fact]
        public void Second_client_without_network_starts_from_the_first_clients_cache_file()
        {
            using (var first = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl, ExternalCache = new FileConfigCache(directory) }))
            {
                Assert.True(first.ForceRefresh().IsSuccess);
            }

            var unreachable = new Uri("http://127.0.0.1:" + TemporaryPort.Closed());
            using var second = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.AutoPoll, BaseUrl = unreachable, MaxInitWaitTime = TimeSpan.FromSeconds(5), ExternalCache = new FileConfigCache(directory) });

            var details = second.GetValueDetails("greeting", "default");

            Assert.Equal("hello", details.Value);
            Assert.False(details.IsDefaultValue);
            Assert.Equal(ConfigOrigin.ExternalCache, second.GetStatus().Origin);
        }

        [Fact]
        public void Fresh_cache_entry_spares_another_clients_download()
        {
            using (var first = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl, ExternalCache = new FileConfigCache(directory) }))
            {
                first.ForceRefresh();
            }

            using var second = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.AutoPoll, BaseUrl = server.BaseUrl, ExternalCache = new FileConfigCache(directory) });
            Assert.Equal(ClientCacheState.HasUpToDateFlagData, second.WaitForReady(TimeSpan.FromSeconds(10)));

            Assert.Equal("hello", second.GetValue("greeting", "default"));
            Assert.Equal(1, server.CountRequests(sdkKey));
        }

        [Fact]
        public void Cache_file_holds_the_cross_sdk_entry_and_is_private_to_its_owner()
        {
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl, ExternalCache = new FileConfigCache(directory) });
            client.ForceRefresh();

            var path = Path.Combine(directory, CacheKey.Compute(sdkKey) + ".cache");
            var parts = File.ReadAllText(path).Split('\n', 3);
            Assert.True(long.Parse(parts[0]) > 0);
            Assert.Equal(TestConfigServer.ETagOf(TestConfigs.OneString("greeting", "hello")), parts[1]);
            Assert.Equal(TestConfigs.OneString("greeting", "hello"), parts[2]);
            Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
            }
            else
            {
                // A protected DACL: nothing inherited from %TEMP%, and the file inherits the folder's entries.
                Assert.Contains("D:P", WindowsFileSecurity.Describe(directory));
                foreach (var entry in new[] { directory, path })
                {
                    var descriptor = WindowsSecurityDescriptor.Parse(WindowsFileSecurity.Describe(entry));
                    Assert.Equal(new[] { "BA", "SY", WindowsFileSecurity.CurrentUser }.OrderBy(t => t), descriptor.Entries.Select(e => e.Trustee).OrderBy(t => t));
                    Assert.Null(CacheTrust.Check(entry));
                }
            }
        }

        [Theory]
        [InlineData("not a cache entry")]
        [InlineData("1686756435844\netag\n{\"f\":{\"greeting\":")]
        [InlineData("\u0000\u0001\u0002")]
        public void Corrupt_cache_file_is_ignored_and_reported_once(string content)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, CacheKey.Compute(sdkKey) + ".cache"), content);
            var errors = new List<int>();
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl, ExternalCache = new FileConfigCache(directory) });
            client.LogEmitted += (_, e) => errors.Add(e.LogEvent.EventId);

            Assert.Equal("default", client.GetValue("greeting", "default"));
            Assert.Equal("default", client.GetValue("greeting", "default"));
            Assert.True(client.ForceRefresh().IsSuccess);
            Assert.Equal("hello", client.GetValue("greeting", "default"));

            Assert.Equal(1, errors.Count(id => id == 2200));
        }

        [Fact]
        public void Unwritable_cache_is_reported_and_the_client_keeps_working()
        {
            var blocker = Path.Combine(TemporaryDirectory.Create(), "not-a-directory");
            File.WriteAllText(blocker, "a file where the cache folder should be");
            var errors = new List<int>();
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl, ExternalCache = new FileConfigCache(blocker) });
            client.Error += (_, e) => errors.Add(e.LogEvent.EventId);

            Assert.True(client.ForceRefresh().IsSuccess);

            Assert.Equal("hello", client.GetValue("greeting", "default"));
            Assert.Contains(2201, errors);
        }

        /// <summary>A valid entry for "greeting" = "planted" in a folder and file made untrusted by
        /// <paramref name="makeUntrusted"/>; the client must neither serve it nor overwrite it, and warn once.</summary>
        [Theory]
        [InlineData("folder owned by another user")]
        [InlineData("file owned by another user")]
        [InlineData("world-writable folder")]
        [InlineData("group-writable file")]
        public void Cache_that_another_user_can_write_is_neither_read_nor_written_and_reported_once(string makeUntrusted)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || (makeUntrusted.Contains("owned") && UnixFileOwnership.CurrentUser != 0))
            {
                return; // Changing a file's owner needs root; the Windows decision is tested on SDDL in WindowsCacheTrustTests.
            }

            var planted = new FileConfigCache(directory);
            var path = planted.PathOf(CacheKey.Compute(sdkKey));
            planted.Set(CacheKey.Compute(sdkKey), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + "\n\"planted\"\n" + TestConfigs.OneString("greeting", "planted"));
            switch (makeUntrusted)
            {
                case "folder owned by another user": ChangeOwner(directory); break;
                case "file owned by another user": ChangeOwner(path); break;
                case "world-writable folder": File.SetUnixFileMode(directory, (UnixFileMode)0x1FF); break;
                default: File.SetUnixFileMode(path, (UnixFileMode)0x1B0); break;
            }

            var plantedText = File.ReadAllText(path);
            var warnings = new List<LogEvent>();
            using var client = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl, ExternalCache = new FileConfigCache(directory) });
            client.LogEmitted += (_, e) => warnings.Add(e.LogEvent);

            Assert.Equal("default", client.GetValue("greeting", "default"));
            Assert.Equal("default", client.GetValue("greeting", "default"));
            Assert.True(client.ForceRefresh().IsSuccess);
            Assert.Equal("hello", client.GetValue("greeting", "default"));

            Assert.Equal(plantedText, File.ReadAllText(path));
            var warning = Assert.Single(warnings, e => e.EventId == 4200);
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Contains(makeUntrusted.Contains("owned") ? "owned by another user" : "can be written by other users", warning.Message);
        }

        private static void ChangeOwner(string path)
        {
            using var chown = System.Diagnostics.Process.Start("chown", new[] { "65534", path });
            chown!.WaitForExit();
            Assert.Equal(0, chown.ExitCode);
        }
    }
}
