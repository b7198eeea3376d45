using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Tests.Support;

namespace ConfigCat.Tests.Conformance
{
    /// <summary>The evaluation log (warnings, then INFO 5000) must match the conformance fixtures to the character. The
    /// fixtures come from the JavaScript SDK, so the calling method is named <c>getValueAsync()</c> here. Free of any test
    /// framework so the Desktop host runs the same cases against the staged module.</summary>
    public static class EvaluationLogCases
    {
        public static IEnumerable<(string Set, int Index, string ExpectedLogFile)> All()
        {
            var configs = JsonDocument.Parse(File.ReadAllText(TestPaths.EvaluationLog("configs.json"))).RootElement;
            foreach (var descriptorPath in Directory.GetFiles(TestPaths.EvaluationLog(string.Empty), "*.json").OrderBy(p => p))
            {
                var set = Path.GetFileNameWithoutExtension(descriptorPath);
                if (set == "configs")
                {
                    continue;
                }

                var descriptor = JsonDocument.Parse(File.ReadAllText(descriptorPath)).RootElement;
                var hasLocalConfig = descriptor.TryGetProperty("jsonOverride", out _)
                    || (descriptor.TryGetProperty("sdkKey", out var sdkKey) && configs.TryGetProperty(sdkKey.GetString()!, out _));
                if (!hasLocalConfig)
                {
                    continue;
                }

                var tests = descriptor.GetProperty("tests");
                for (var i = 0; i < tests.GetArrayLength(); i++)
                {
                    yield return (set, i, tests[i].GetProperty("expectedLog").GetString()!);
                }
            }
        }

        /// <summary>The fixture's expected log and the log of evaluating its case (the returned value checked first).</summary>
        public static (string Expected, string Actual) Logs(string set, int index, string expectedLogFile)
        {
            var descriptor = JsonDocument.Parse(File.ReadAllText(TestPaths.EvaluationLog(set + ".json"))).RootElement;
            var test = descriptor.GetProperty("tests")[index];
            var config = LoadedConfigs.Get(ConfigPathOf(descriptor));
            var key = test.GetProperty("key").GetString()!;
            var user = test.TryGetProperty("user", out var userJson) ? CaseJson.ReadUser(userJson) : null;
            var settingType = config.Settings.TryGetValue(key, out var setting) ? setting.Type : (SettingType?)null;
            var defaultValue = CaseJson.ReadDefault(test.GetProperty("defaultValue"), settingType);

            var sink = new CapturingLogSink();
            var logger = new Logger(LogLevel.Info, sink, methodName: "getValueAsync()");
            var result = Evaluator.Evaluate(config.Settings, key, defaultValue, user, logger);

            var expected = File.ReadAllText(TestPaths.EvaluationLog(Path.Combine(set, expectedLogFile))).Replace("\r\n", "\n").TrimEnd('\n');
            var actual = string.Join("\n", sink.Events.Where(e => e.Level != LogLevel.Error).Select(e => e.ToString()));
            if (!CaseJson.ValueEquals(test.GetProperty("returnValue"), result.Value))
            {
                actual = "returned " + result.Value + " instead of " + test.GetProperty("returnValue").GetRawText() + ", error: " + result.ErrorMessage + "\n" + actual;
            }

            return (expected, actual);
        }

        private static string ConfigPathOf(JsonElement descriptor)
        {
            if (descriptor.TryGetProperty("jsonOverride", out var jsonOverride))
            {
                return TestPaths.EvaluationLog(Path.Combine("_overrides", jsonOverride.GetString()!));
            }

            var configs = JsonDocument.Parse(File.ReadAllText(TestPaths.EvaluationLog("configs.json"))).RootElement;
            return TestPaths.EvaluationLog(configs.GetProperty(descriptor.GetProperty("sdkKey").GetString()!).GetProperty("config").GetString()!);
        }
    }
}
