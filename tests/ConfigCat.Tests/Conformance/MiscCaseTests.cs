using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Overrides;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Conformance
{
    /// <summary>The value tables of <c>misc/cases</c>: attribute conversion and trimming, comparison value trimming,
    /// circular prerequisites, non-text comparisons, flag overrides and override file formats.</summary>
    public class MiscCaseTests
    {
        public static IEnumerable<object[]> Cases()
        {
            foreach (var file in Directory.GetFiles(TestPaths.Misc("cases"), "*.json").OrderBy(p => p))
            {
                var count = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetArrayLength();
                for (var i = 0; i < count; i++)
                {
                    yield return new object[] { Path.GetFileName(file), i };
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Case_gives_the_expected_result(string file, int index)
        {
            var casePath = TestPaths.Misc(Path.Combine("cases", file));
            var test = JsonDocument.Parse(File.ReadAllText(casePath)).RootElement[index];
            var caseDirectory = Path.GetDirectoryName(casePath)!;
            var remote = test.TryGetProperty("config", out var configPath)
                ? LoadedConfigs.Get(Path.Combine(caseDirectory, configPath.GetString()!)).Settings
                : null;
            var settings = test.TryGetProperty("overrides", out var overrides) ? ApplyOverrides(overrides, remote, caseDirectory) : remote;

            var key = test.GetProperty("key").GetString()!;
            var settingType = settings != null && settings.TryGetValue(key, out var setting) ? setting.Type : (SettingType?)null;
            var defaultValue = CaseJson.ReadDefault(test.GetProperty("default"), settingType);
            var user = CaseJson.ReadUser(test.GetProperty("user"));

            var result = Evaluator.Evaluate(settings, key, defaultValue, user, Logger.Null);

            Assert.True(CaseJson.ValueEquals(test.GetProperty("expected"), result.Value), "returned " + (result.Value ?? "null") + ", error: " + result.ErrorMessage);
            if (test.TryGetProperty("expectedErrorContains", out var fragments))
            {
                Assert.NotNull(result.ErrorMessage);
                foreach (var fragment in fragments.EnumerateArray())
                {
                    Assert.Contains(fragment.GetString()!, result.ErrorMessage);
                }
            }
        }

        private static SettingsMap ApplyOverrides(JsonElement overrides, SettingsMap? remote, string caseDirectory)
        {
            var behaviour = (OverrideBehaviour)System.Enum.Parse(typeof(OverrideBehaviour), overrides.GetProperty("behaviour").GetString()!);
            IOverrideDataSource source = overrides.TryGetProperty("values", out var values)
                ? new DictionaryOverrideDataSource(values.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, OverrideValue(p.Value))))
                : new FileOverrideDataSource(Path.Combine(caseDirectory, overrides.GetProperty("config").GetString()!));
            return new FlagOverrides(source, behaviour).Apply(behaviour == OverrideBehaviour.LocalOnly ? null : remote);
        }

        private static object? OverrideValue(JsonElement value) => value.ValueKind == JsonValueKind.Number
            ? (value.TryGetInt32(out var whole) ? (object)whole : value.GetDouble())
            : CaseJson.ReadAttributeValue(value);
    }
}
