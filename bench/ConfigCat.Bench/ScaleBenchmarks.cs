using BenchmarkDotNet.Attributes;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Parsing;

namespace ConfigCat.Bench
{
    /// <summary>Generated configs of 10, 1,000 and 10,000 settings: how long parsing (with linking) takes, and whether
    /// evaluating one flag (three text rules, all evaluated) depends on how many other settings the config has.</summary>
    [MemoryDiagnoser]
    public class ScaleBenchmarks
    {
        private string json = string.Empty;
        private SettingsMap settings = SettingsMap.Empty;
        private User user = new User("x");

        [Params(10, 1000, 10000)]
        public int Settings { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            json = GeneratedConfig.Json(Settings);
            settings = ConfigJsonParser.Parse(json).Settings;

            // user-2 has a gmail address and no matching country, so all three rules of the probe flag are evaluated.
            user = GeneratedConfig.Users()[2].ToUser();
        }

        [Benchmark]
        public Config Parse() => ConfigJsonParser.Parse(json);

        [Benchmark]
        public object? EvaluateOneFlag() => Evaluator.Evaluate(settings, GeneratedConfig.ScaleProbeKey, null, user, Logger.Null).Value;
    }
}
