using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Polling;
using ConfigCat.TestServer;

namespace ConfigCat.Bench
{
    /// <summary>
    /// One operation evaluates a whole corpus (the matrix corpus: every row × key of the conformance matrices; the generated
    /// one: every setting of a 1,000-setting config × 16 users). Program divides by the case count for the per-evaluation
    /// figures. <c>Evaluator</c> is the bare engine; <c>ClientSnapshot</c> goes through a real client that downloaded
    /// the configs from a loopback server, the same API level as the node script's <c>client.snapshot().getValue</c>.
    /// </summary>
    [MemoryDiagnoser]
    public class CorpusBenchmarks
    {
        private SettingsMap[] maps = Array.Empty<SettingsMap>();
        private ConfigSnapshot[] snapshots = Array.Empty<ConfigSnapshot>();
        private ConfigCatClient[] clients = Array.Empty<ConfigCatClient>();
        private User?[] users = Array.Empty<User?>();
        private CorpusCase[] cases = Array.Empty<CorpusCase>();
        private TestConfigServer? server;

        [Params("matrix", "generated")]
        public string Corpus { get; set; } = "matrix";

        [GlobalSetup]
        public void Setup()
        {
            var corpus = Corpus == "matrix" ? Bench.Corpus.Matrix() : Bench.Corpus.Generated();
            cases = corpus.Cases;
            maps = corpus.ParseConfigs().Select(c => c.Settings).ToArray();
            users = corpus.Users.Select(u => u?.ToUser()).ToArray();

            server = new TestConfigServer();
            clients = new ConfigCatClient[corpus.ConfigFiles.Length];
            snapshots = new ConfigSnapshot[clients.Length];
            for (var i = 0; i < clients.Length; i++)
            {
                var sdkKey = "configcat-sdk-1/" + ("bench-" + Corpus).PadRight(22, '0') + "/" + i.ToString("D22");
                server.SetConfig(sdkKey, System.IO.File.ReadAllText(corpus.ConfigFiles[i]));
                clients[i] = new ConfigCatClient(sdkKey, new ConfigCatClientOptions { PollingMode = PollingMode.ManualPoll, BaseUrl = server.BaseUrl, LogLevel = LogLevel.Off });
                var refresh = clients[i].ForceRefresh();
                if (!refresh.IsSuccess)
                {
                    throw new InvalidOperationException("Download of " + corpus.ConfigFiles[i] + " failed: " + refresh.ErrorMessage);
                }

                snapshots[i] = clients[i].Snapshot();
            }
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            server?.Dispose();
        }

        [Benchmark]
        public int Evaluator()
        {
            var errors = 0;
            var all = cases;
            for (var i = 0; i < all.Length; i++)
            {
                var c = all[i];
                var result = Engine.Evaluation.Evaluator.Evaluate(maps[c.Config], c.Key, null, c.User < 0 ? null : users[c.User], Logger.Null);
                if (result.IsDefaultValue)
                {
                    errors++;
                }
            }

            return errors;
        }

        [Benchmark]
        public int ClientSnapshot()
        {
            var errors = 0;
            var all = cases;
            for (var i = 0; i < all.Length; i++)
            {
                var c = all[i];
                var result = snapshots[c.Config].Evaluate(c.Key, null, c.User < 0 ? null : users[c.User]);
                if (result.IsDefaultValue)
                {
                    errors++;
                }
            }

            return errors;
        }
    }
}
