using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Text;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Differential
{
    /// <summary>
    /// Random configs and users from the oracle's fuzz.js (tests/oracle), evaluated by @configcat/sdk 1.1.0 and by the
    /// engine: value, variation ID, default-value flag, matched targeting rule and % option, the error code, the
    /// evaluation log (INFO 5000) and the other messages (warnings, errors) must all agree. Seeds and sizes are ours;
    /// each case is its own row, named by seed and index.
    /// </summary>
    public class OracleDifferentialTests
    {
        private static readonly (string Seed, int Configs, int Users)[] Runs =
        {
            ("ps-engine-1", 60, 40),
            ("ps-engine-2", 40, 60),
            ("ps-engine-3", 150, 10),
            ("ps-engine-4", 20, 150),
        };

        public static IEnumerable<object[]> Cases()
        {
            foreach (var (seed, configs, users) in Runs)
            {
                var run = FuzzRun.Get(seed, configs, users);
                for (var i = 0; i < run.Cases.Length; i++)
                {
                    yield return new object[] { seed, i };
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
        public void Engine_agrees_with_the_sdk(string seed, int index)
        {
            var (_, configs, users) = Runs.Single(r => r.Seed == seed);
            var run = FuzzRun.Get(seed, configs, users);
            var test = run.Cases[index];
            var expected = run.Results[index];

            var settings = run.Settings(test.GetProperty("config").GetString()!);
            var key = test.GetProperty("key").GetString()!;
            var settingType = test.GetProperty("settingType").ValueKind == JsonValueKind.Null ? (SettingType?)null : (SettingType)test.GetProperty("settingType").GetInt32();
            var defaultValue = CaseJson.ReadDefault(test.GetProperty("default"), settingType);
            var user = CaseJson.ReadUser(test.GetProperty("user"));

            var sink = new CapturingLogSink();
            var result = Evaluator.Evaluate(settings, key, defaultValue, user, new Logger(LogLevel.Info, sink, methodName: "getValueAsync()"));

            var problems = new List<string>();
            if (!CaseJson.ValueEquals(expected.GetProperty("value"), result.Value))
            {
                problems.Add("value");
            }

            if (StringOrNull(expected, "variationId") != result.VariationId)
            {
                problems.Add("variationId");
            }

            if (expected.GetProperty("isDefaultValue").GetBoolean() != result.IsDefaultValue)
            {
                problems.Add("isDefaultValue");
            }

            if (IndexOrNull(expected, "matchedRule") != RuleIndex(settings, key, result))
            {
                problems.Add("matchedRule");
            }

            if (IndexOrNull(expected, "matchedPercentageOption") != OptionIndex(settings, key, result))
            {
                problems.Add("matchedPercentageOption");
            }

            if ((StringOrNull(expected, "errorCode") ?? nameof(EvaluationErrorCode.None)) != result.ErrorCode.ToString())
            {
                problems.Add("errorCode");
            }

            if (WithoutErrorClass(StringOrNull(expected, "error")) != result.ErrorMessage)
            {
                problems.Add("error");
            }

            var nodeLog = WithDatePlaceholder(StringOrNull(expected, "log"));
            var nodeMessages = NodeMessages(expected).Select(WithDatePlaceholder).ToList();
            var log = WithDatePlaceholder(sink.WithId(5000).Select(e => e.Message).LastOrDefault(), user);
            var messages = sink.Events.Where(e => e.EventId != 5000).Select(e => WithDatePlaceholder(e.ToString(), user)).ToList();
            if (nodeLog != log)
            {
                problems.Add("evaluation log");
            }

            if (!nodeMessages.SequenceEqual(messages))
            {
                problems.Add("messages");
            }

            Assert.True(problems.Count == 0, Describe(seed, index, run, test, expected, result, problems)
                + "\nnode log:\n" + nodeLog + "\nengine log:\n" + log
                + "\nnode messages:\n" + string.Join("\n", nodeMessages) + "\nengine messages:\n" + string.Join("\n", messages));
        }

        /// <summary>The JavaScript SDK's error message starts with the error's class ("InvalidConfigModelError: "); the
        /// engine's, like the .NET SDK's, is the message alone, and the error code says what kind it is (a deliberate
        /// difference, tests/oracle/README.md).</summary>
        private static readonly Regex JavaScriptErrorClass = new Regex("^[A-Za-z]+Error: ");

        private static string? WithoutErrorClass(string? nodeError) => nodeError == null ? null : JavaScriptErrorClass.Replace(nodeError, "");

        /// <summary>
        /// A Date attribute that a comparator cannot read is printed by the JavaScript SDK with Date#toString, which depends
        /// on the time zone of the machine; the engine prints it in ISO form instead (a deliberate difference). Both
        /// are replaced with one placeholder, the engine's only for the user's own date attributes.
        /// </summary>
        private static readonly Regex JavaScriptDateText = new Regex(@"'[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} -?\d{4,6} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}( \([^)]*\))?' is not a valid");

        private const string DatePlaceholder = "'<date>' is not a valid";

        private static string? WithDatePlaceholder(string? nodeText) => nodeText == null ? null : JavaScriptDateText.Replace(nodeText, DatePlaceholder);

        private static string? WithDatePlaceholder(string? engineText, User? user)
        {
            if (engineText == null || user == null)
            {
                return engineText;
            }

            foreach (var attribute in user.Custom)
            {
                if (attribute.Value is DateTime date)
                {
                    engineText = engineText.Replace("'" + JsDate.FormatUnixMilliseconds(JsDate.ToUnixMilliseconds(date)) + "' is not a valid", DatePlaceholder);
                }
            }

            return engineText;
        }

        /// <summary>The node SDK's messages, with the method it names in 1002 as the engine's logger names it (the JavaScript
        /// SDK itself says getValueAsync() in 3001 but getValueDetailsAsync in 1002).</summary>
        private static IEnumerable<string> NodeMessages(JsonElement logged) => logged.TryGetProperty("messages", out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!.Replace("`getValueDetailsAsync` method", "`getValueAsync()` method"))
            : Enumerable.Empty<string>();

        private static string? StringOrNull(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static int? IndexOrNull(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) ? value.GetInt32() : (int?)null;

        private static int? RuleIndex(SettingsMap settings, string key, EvaluationResult result) =>
            result.MatchedTargetingRule == null ? null : settings[key].TargetingRules.ToList().IndexOf(result.MatchedTargetingRule);

        private static int? OptionIndex(SettingsMap settings, string key, EvaluationResult result)
        {
            if (result.MatchedPercentageOption == null)
            {
                return null;
            }

            var options = result.MatchedTargetingRule?.PercentageOptions ?? settings[key].PercentageOptions;
            return options.ToList().IndexOf(result.MatchedPercentageOption);
        }

        private static string Describe(string seed, int index, FuzzRun run, JsonElement test, JsonElement expected, EvaluationResult result, List<string> problems)
        {
            var text = new StringBuilder();
            text.Append("Mismatch in ").Append(string.Join(", ", problems)).Append(" for seed ").Append(seed).Append(", case ").Append(index).AppendLine();
            text.Append("case:     ").AppendLine(test.GetRawText());
            text.Append("node:     ").AppendLine(expected.GetRawText());
            text.Append("engine:   value=").Append(result.Value == null ? "null" : Convert.ToString(result.Value, CultureInfo.InvariantCulture) + " (" + result.Value.GetType().Name + ")")
                .Append(", variationId=").Append(result.VariationId ?? "null")
                .Append(", isDefaultValue=").Append(result.IsDefaultValue)
                .Append(", error=").Append(result.ErrorCode).Append(' ').Append(result.ErrorMessage).AppendLine();
            text.Append("config:   ").Append(System.IO.Path.Combine(run.Directory, test.GetProperty("config").GetString()!));
            return text.ToString();
        }
    }
}
