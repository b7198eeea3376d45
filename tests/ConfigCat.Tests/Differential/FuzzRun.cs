using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Parsing;

namespace ConfigCat.Tests.Differential
{
    /// <summary>
    /// One output of the oracle's fuzz.js: random configs, cases and @configcat/sdk's result for each case, with its
    /// evaluation log and other messages. The output is byte-identical for the same seed and sizes, so it is generated
    /// once into the installed oracle's folder and reused by later runs.
    /// </summary>
    public sealed class FuzzRun
    {
        private static readonly ConcurrentDictionary<string, FuzzRun> Runs = new ConcurrentDictionary<string, FuzzRun>();

        private readonly ConcurrentDictionary<string, SettingsMap> configs = new ConcurrentDictionary<string, SettingsMap>();

        private FuzzRun(string directory)
        {
            Directory = directory;
            Cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "cases.json"))).RootElement.EnumerateArray().ToArray();
            Results = File.ReadAllLines(Path.Combine(directory, "results.jsonl"))
                .Where(line => line.Length > 0)
                .Select(line => JsonDocument.Parse(line).RootElement)
                .ToArray();
            if (Cases.Length != Results.Length)
            {
                throw new InvalidDataException(directory + ": " + Cases.Length + " cases but " + Results.Length + " results");
            }
        }

        public string Directory { get; }

        public JsonElement[] Cases { get; }

        /// <summary>The SDK's answer per case (fields in tests/oracle/lib/evaluate.js).</summary>
        public JsonElement[] Results { get; }

        public static FuzzRun Get(string seed, int configs, int users) => Runs.GetOrAdd(seed + "/" + configs + "x" + users, _ =>
        {
            var directory = Path.Combine(NodeOracle.Directory, "fuzz", seed + "-" + configs + "x" + users);
            NodeOracle.BuildOnce(directory, output =>
                NodeOracle.RunNode("fuzz.js", "--out", output, "--seed", seed, "--configs", configs.ToString(), "--users", users.ToString()));
            return new FuzzRun(directory);
        });

        /// <summary>The settings of a generated config (path relative to the run), parsed once.</summary>
        public SettingsMap Settings(string relativePath) =>
            configs.GetOrAdd(relativePath, p => ConfigJsonParser.Parse(File.ReadAllText(Path.Combine(Directory, p))).Settings);
    }
}
