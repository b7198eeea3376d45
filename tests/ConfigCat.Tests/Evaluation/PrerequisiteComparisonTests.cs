using System.Collections.Generic;
using System.Linq;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Overrides;
using ConfigCat.Engine.Parsing;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Evaluation
{
    /// <summary>
    /// Which values a prerequisite flag can be compared with, as @configcat/sdk 1.1.0 decides it: a setting of the config
    /// JSON takes only a comparison value of its own type (an Int flag no Double value, and the other way round), and
    /// the check comes before the prerequisite is evaluated, so the evaluation log ends at the condition. A plain override
    /// value has no declared type and takes either kind of number. The expected logs are the SDK's output for the same
    /// config (tests/oracle).
    /// </summary>
    public class PrerequisiteComparisonTests
    {
        private static readonly SettingsMap Remote = ConfigJsonParser.Parse(@"{""p"": {""s"": ""salt""}, ""f"": {
            ""count"": {""t"": 2, ""v"": {""i"": 1}, ""i"": ""c1""},
            ""ratio"": {""t"": 3, ""v"": {""d"": 1}, ""i"": ""r1""},
            ""byDouble"": {""t"": 1, ""v"": {""s"": ""off""}, ""i"": ""b0"",
                ""r"": [{""c"": [{""p"": {""f"": ""count"", ""c"": 0, ""v"": {""d"": 1}}}], ""s"": {""v"": {""s"": ""on""}, ""i"": ""b1""}}]},
            ""byInt"": {""t"": 1, ""v"": {""s"": ""off""}, ""i"": ""i0"",
                ""r"": [{""c"": [{""p"": {""f"": ""ratio"", ""c"": 1, ""v"": {""i"": 1}}}], ""s"": {""v"": {""s"": ""on""}, ""i"": ""i1""}}]}}}").Settings;

        [Theory]
        [InlineData("byDouble", "count", "EQUALS")]
        [InlineData("byInt", "ratio", "NOT EQUALS")]
        public void A_number_of_the_other_type_is_a_type_mismatch_found_before_the_prerequisite_is_evaluated(string key, string prerequisite, string comparator)
        {
            var sink = new CapturingLogSink();

            var result = Evaluator.Evaluate(Remote, key, null, null, new Logger(LogLevel.Info, sink));

            Assert.Equal(EvaluationErrorCode.InvalidConfigModel, result.ErrorCode);
            Assert.Equal("Type mismatch between comparison value '1' and prerequisite flag '" + prerequisite + "'.", result.ErrorMessage);
            Assert.True(result.IsDefaultValue);
            Assert.Equal(
                "Evaluating '" + key + "'\n  Evaluating targeting rules and applying the first match if any:\n  - IF Flag '" + prerequisite + "' " + comparator
                + " '1'\n  Returning 'null'.",
                sink.WithId(5000).Single().Message);
        }

        [Theory]
        [InlineData(@"{""i"": 42}")]
        [InlineData(@"{""d"": 42}")]
        public void A_plain_override_number_takes_either_kind_of_number(string comparisonValue)
        {
            var remote = ConfigJsonParser.Parse(@"{""f"": {""dependent"": {""t"": 1, ""v"": {""s"": ""off""},
                ""r"": [{""c"": [{""p"": {""f"": ""count"", ""c"": 0, ""v"": " + comparisonValue + @"}}], ""s"": {""v"": {""s"": ""on""}}}]}}}").Settings;
            var local = new DictionaryOverrideDataSource(new[] { new KeyValuePair<string, object?>("count", 42) });

            var settings = new FlagOverrides(local, OverrideBehaviour.LocalOverRemote).Apply(remote);

            var result = Evaluator.Evaluate(settings, "dependent", null, null, Logger.Null);
            Assert.Equal(EvaluationErrorCode.None, result.ErrorCode);
            Assert.Equal("on", result.Value);
        }
    }
}
