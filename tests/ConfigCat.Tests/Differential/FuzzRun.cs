using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Parsing;

namespace ConfigCat.Tests.Differential
{
    /// <summary>
    /// One output of the oracle's fuzz.js: random configs, cases and configcat-node's result for each case, plus the
    /// same cases evaluated again by eval.js with the node SDK's evaluation log and warnings. The output is
    /// byte-identical for the same seed and sizes, so it is generated once into the installed oracle's folder and
    /// reused by later runs.
    /// </summary>
    public sealed class FuzzRun
    {
        private static readonly ConcurrentDictionary<string, FuzzRun> Runs = new ConcurrentDictionary<string, FuzzRun>();

        private readonly ConcurrentDictionary<string, SettingsMap> configs = new ConcurrentDictionary<string, SettingsMap>();

        private FuzzRun(string directory)
        {
            Directory = directory;
            Cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "cases.json"))).RootElement.EnumerateArray().ToArray();
            Expected = ReadLines(Path.Combine(directory, "expected.jsonl"));
            Logged = ReadLines(Path.Combine(directory, "logged.jsonl"));
            if (Cases.Length != Expected.Length || Cases.Length != Logged.Length)
            {
                throw new InvalidDataException(directory + ": " + Cases.Length + " cases but " + Expected.Length + " results and " + Logged.Length + " logs");
            }
        }

        public string Directory { get; }

        public JsonElement[] Cases { get; }

        public JsonElement[] Expected { get; }

        /// <summary>eval.js --log results: the node SDK's evaluation log ("log") and other messages ("messages").</summary>
        public JsonElement[] Logged { get; }

        public static FuzzRun Get(string seed, int configs, int users) => Runs.GetOrAdd(seed + "/" + configs + "x" + users, _ =>
        {
            var directory = Path.Combine(NodeOracle.Directory, "fuzz", seed + "-" + configs + "x" + users);
            NodeOracle.BuildOnce(directory, output =>
            {
                NodeOracle.RunNode("fuzz.js", "--out", output, "--seed", seed, "--configs", configs.ToString(), "--users", users.ToString());
                NodeOracle.RunNode("eval.js", Path.Combine(output, "cases.json"), "--log", "--out", Path.Combine(output, "logged.jsonl"));
            });
            return new FuzzRun(directory);
        });

        private static JsonElement[] ReadLines(string path) => File.ReadAllLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToArray();

        /// <summary>The settings of a generated config (path relative to the run), parsed once.</summary>
        public SettingsMap Settings(string relativePath) =>
            configs.GetOrAdd(relativePath, p => ConfigJsonParser.Parse(File.ReadAllText(Path.Combine(Directory, p))).Settings);
    }
}
