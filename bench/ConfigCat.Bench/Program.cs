using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Parsing;

namespace ConfigCat.Bench
{
    /// <summary>
    /// <c>bdn [BenchmarkDotNet arguments]</c> runs the benchmarks and writes out/bench/engine.json (per-operation and,
    /// for the corpora, per-evaluation figures); <c>export FILE</c> writes the corpora for bench/node/bench.js;
    /// <c>scale FILE</c> measures parse time and retained managed memory of the generated configs.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            switch (args.FirstOrDefault())
            {
                case "bdn":
                    return RunBenchmarks(args.Skip(1).ToArray());
                case "export" when args.Length == 2:
                    Export(args[1]);
                    return 0;
                case "scale" when args.Length == 2:
                    MeasureScale(args[1]);
                    return 0;
                default:
                    Console.Error.WriteLine("usage: ConfigCat.Bench bdn [BenchmarkDotNet arguments] | export FILE | scale FILE");
                    return 2;
            }
        }

        private static int RunBenchmarks(string[] arguments)
        {
            // Without a filter BenchmarkSwitcher asks which benchmarks to run; no filter means all of them here (and the
            // caller need not pass a '*' that PowerShell would expand into file names).
            if (!arguments.Contains("--filter"))
            {
                arguments = arguments.Concat(new[] { "--filter", "*" }).ToArray();
            }

            var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(BenchPaths.Output, "BenchmarkDotNet.Artifacts"));
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments, config).ToArray();
            var corpusSizes = new Dictionary<string, int>
            {
                ["matrix"] = Corpus.Matrix().Cases.Length,
                ["generated"] = Corpus.Generated().Cases.Length,
            };

            var rows = new List<Dictionary<string, object?>>();
            foreach (var report in summaries.SelectMany(s => s.Reports))
            {
                var benchmark = report.BenchmarkCase;
                var statistics = report.ResultStatistics;
                if (statistics == null)
                {
                    continue;
                }

                var parameters = benchmark.Parameters.Items.ToDictionary(p => p.Name, p => p.Value?.ToString());
                var evaluations = benchmark.Descriptor.Type == typeof(CorpusBenchmarks) ? corpusSizes[parameters["Corpus"]!] : 1;
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
                rows.Add(new Dictionary<string, object?>
                {
                    ["type"] = benchmark.Descriptor.Type.Name,
                    ["method"] = benchmark.Descriptor.WorkloadMethod.Name,
                    ["parameters"] = parameters,
                    ["evaluations"] = evaluations,
                    ["meanNs"] = statistics.Mean,
                    ["medianNs"] = statistics.Median,
                    ["stdErrNs"] = statistics.StandardError,
                    ["allocatedBytes"] = allocated,
                    ["nsPerEvaluation"] = statistics.Mean / evaluations,
                    ["bytesPerEvaluation"] = allocated == null ? null : (double)allocated.Value / evaluations,
                });
            }

            var path = Path.Combine(BenchPaths.Output, "engine.json");
            File.WriteAllText(path, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine("Wrote " + path);
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }

        private static void Export(string path)
        {
            using var stream = File.Create(path);
            using var writer = new Utf8JsonWriter(stream);
            writer.WriteStartArray();
            foreach (var corpus in new[] { Corpus.Matrix(), Corpus.Generated() })
            {
                var maps = corpus.ParseConfigs().Select(c => c.Settings).ToArray();
                var users = corpus.Users.Select(u => u?.ToUser()).ToArray();
                var values = corpus.Cases
                    .Select(c => Evaluator.Evaluate(maps[c.Config], c.Key, null, c.User < 0 ? null : users[c.User], Logger.Null).Value)
                    .ToArray();
                corpus.Export(writer, values);
            }

            writer.WriteEndArray();
        }

        /// <summary>Per settings count: JSON size, best-of-10 parse time (a cross-check of the BenchmarkDotNet figure that
        /// also counts the first, cold parse), the managed memory a parsed config keeps alive, and the interleaved
        /// evaluation time of one flag.</summary>
        private static void MeasureScale(string path)
        {
            var rows = new List<Dictionary<string, object>>();
            foreach (var count in GeneratedConfig.ScaleSettingCounts)
            {
                var json = GeneratedConfig.Json(count);
                var stopwatch = Stopwatch.StartNew();
                ConfigJsonParser.Parse(json);
                var coldMs = stopwatch.Elapsed.TotalMilliseconds;
                var bestMs = double.MaxValue;
                for (var i = 0; i < 10; i++)
                {
                    stopwatch.Restart();
                    ConfigJsonParser.Parse(json);
                    bestMs = Math.Min(bestMs, stopwatch.Elapsed.TotalMilliseconds);
                }

                var before = SettledMemory();
                var config = ConfigJsonParser.Parse(json);
                var retained = SettledMemory() - before;
                GC.KeepAlive(config);
                rows.Add(new Dictionary<string, object>
                {
                    ["settings"] = count,
                    ["jsonBytes"] = System.Text.Encoding.UTF8.GetByteCount(json),
                    ["firstParseMs"] = coldMs,
                    ["bestParseMs"] = bestMs,
                    ["retainedBytes"] = retained,
                });
            }

            var evaluation = MeasureOneFlagInterleaved();
            for (var i = 0; i < rows.Count; i++)
            {
                rows[i]["evaluateOneFlagMedianNs"] = evaluation[i];
            }

            File.WriteAllText(path, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
        }

        /// <summary>
        /// ScaleBenchmarks.EvaluateOneFlag again, timed so that it compares the sizes fairly on a shared machine:
        /// BenchmarkDotNet measures each size in its own block of time, so a change of load between the blocks looks like
        /// a difference between sizes. Here the sizes take turns (rotating which goes first) in 41 rounds of 100,000
        /// evaluations each, and each size's figure is the median of its rounds.
        /// </summary>
        private static double[] MeasureOneFlagInterleaved()
        {
            const int Rounds = 41;
            const int EvaluationsPerRound = 100_000;
            var counts = GeneratedConfig.ScaleSettingCounts;
            var maps = counts.Select(c => ConfigJsonParser.Parse(GeneratedConfig.Json(c)).Settings).ToArray();
            var user = GeneratedConfig.Users()[2].ToUser();
            var samples = counts.Select(_ => new List<double>()).ToArray();
            var stopwatch = new Stopwatch();
            for (var round = -5; round < Rounds; round++)
            {
                for (var turn = 0; turn < counts.Length; turn++)
                {
                    var i = (turn + round + 5) % counts.Length;
                    stopwatch.Restart();
                    for (var n = 0; n < EvaluationsPerRound; n++)
                    {
                        Evaluator.Evaluate(maps[i], GeneratedConfig.ScaleProbeKey, null, user, Logger.Null);
                    }

                    stopwatch.Stop();

                    // The first five rounds only warm up (tiered JIT, caches).
                    if (round >= 0)
                    {
                        samples[i].Add(stopwatch.Elapsed.TotalMilliseconds * 1e6 / EvaluationsPerRound);
                    }
                }
            }

            return samples.Select(s => s.OrderBy(x => x).ElementAt(s.Count / 2)).ToArray();
        }

        private static long SettledMemory()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return GC.GetTotalMemory(forceFullCollection: true);
        }
    }
}
