using System.Collections.Generic;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Parsing;
using Xunit;

namespace ConfigCat.Tests.Parsing
{
    /// <summary>Broken parts of a config are not parse errors: the config loads, the other settings evaluate, and the
    /// broken setting fails with InvalidConfigModel (and the spec's message) only when the broken part is evaluated.</summary>
    public class ConfigLinkerTests
    {
        public static IEnumerable<object[]> BrokenSettings() => new[]
        {
            new object[] { "unknown comparator", @"{""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""u"": {""a"": ""Email"", ""c"": 99, ""l"": [""x""]}}], ""s"": {""v"": {""s"": ""on""}}}]}",
                "Comparison operator is invalid." },
            new object[] { "list comparator without a list", @"{""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""u"": {""a"": ""Email"", ""c"": 0}}], ""s"": {""v"": {""s"": ""on""}}}]}",
                "Comparison value is missing or invalid." },
            new object[] { "text comparator with a list only", @"{""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""u"": {""a"": ""Email"", ""c"": 28, ""l"": [""x""]}}], ""s"": {""v"": {""s"": ""on""}}}]}",
                "Comparison value is missing or invalid." },
            new object[] { "number comparator without a number", @"{""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""u"": {""a"": ""Email"", ""c"": 10, ""s"": ""5""}}], ""s"": {""v"": {""s"": ""on""}}}]}",
                "Comparison value is missing or invalid." },
            new object[] { "semver comparator without a value", @"{""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""u"": {""a"": ""Email"", ""c"": 6}}], ""s"": {""v"": {""s"": ""on""}}}]}",
                "Comparison value is missing or invalid." },
            new object[] { "hashed slice without a length", @"{""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""u"": {""a"": ""Email"", ""c"": 22, ""l"": [""abc""]}}], ""s"": {""v"": {""s"": ""on""}}}]}",
                "Comparison value is invalid." },
            new object[] { "segment index out of range", @"{""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""s"": {""s"": 5, ""c"": 0}}], ""s"": {""v"": {""s"": ""on""}}}]}",
                "Segment reference is invalid." },
            new object[] { "negative segment index", @"{""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""s"": {""s"": -1, ""c"": 0}}], ""s"": {""v"": {""s"": ""on""}}}]}",
                "Segment reference is invalid." },
            new object[] { "THEN part missing", @"{""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""u"": {""a"": ""Email"", ""c"": 28, ""s"": ""a@b""}}]}]}",
                "Targeting rule THEN part is missing or invalid." },
            new object[] { "empty THEN percentage options", @"{""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""u"": {""a"": ""Email"", ""c"": 28, ""s"": ""a@b""}}], ""p"": []}]}",
                "Targeting rule THEN part is missing or invalid." },
            new object[] { "percentages adding up to 0", @"{""t"": 1, ""v"": {""s"": ""off""}, ""p"": [{""p"": 0, ""v"": {""s"": ""on""}}]}",
                "Sum of percentage option percentages is less than 100." },
            new object[] { "invalid setting type", @"{""t"": 7, ""v"": {""s"": ""off""}}",
                "Setting type is invalid." },
            new object[] { "value of another type", @"{""t"": 0, ""v"": {""s"": ""off""}}",
                "Setting value is missing or invalid." },
            new object[] { "missing value", @"{""t"": 1}",
                "Setting value is missing or invalid." },
            new object[] { "integer out of Int32 range", @"{""t"": 2, ""v"": {""i"": 2147483648}}",
                "Setting value is missing or invalid." },
            new object[] { "missing prerequisite", @"{""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""p"": {""f"": ""nope"", ""c"": 0, ""v"": {""b"": true}}}], ""s"": {""v"": {""s"": ""on""}}}]}",
                "Prerequisite flag is missing." },
            new object[] { "condition of no kind", @"{""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""x"": {}}], ""s"": {""v"": {""s"": ""on""}}}]}",
                "Condition is missing or invalid." },
        };

        [Theory]
        [MemberData(nameof(BrokenSettings))]
        public void A_broken_part_fails_only_the_evaluation_that_reaches_it(string problem, string brokenSetting, string message)
        {
            var config = ConfigJsonParser.Parse(@"{""p"": {""s"": ""salt""}, ""f"": {""ok"": {""t"": 1, ""v"": {""s"": ""fine""}}, ""broken"": " + brokenSetting + "}}");
            AssertFailsOnlyWhenEvaluated(config, problem, message);
        }

        [Theory]
        [InlineData(@"{""f"": {")]
        [InlineData(@"{""p"": {""u"": ""https://cdn-global.configcat.com""}, ""f"": {")]
        [InlineData(@"{""p"": {""s"": """"}, ""f"": {")]
        public void A_hashed_comparator_without_a_salt_fails_when_evaluated(string start)
        {
            var config = ConfigJsonParser.Parse(start + @"""ok"": {""t"": 1, ""v"": {""s"": ""fine""}},
                ""broken"": {""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""u"": {""a"": ""Email"", ""c"": 16, ""l"": [""00""]}}], ""s"": {""v"": {""s"": ""on""}}}]}}}");
            AssertFailsOnlyWhenEvaluated(config, "no salt", "Config JSON salt is missing.");
        }

        private static void AssertFailsOnlyWhenEvaluated(Config config, string problem, string message)
        {
            var user = new User("42", "a@b");
            Assert.Equal("fine", Evaluator.Evaluate(config.Settings, "ok", null, user, Logger.Null).Value);

            var result = Evaluator.Evaluate(config.Settings, "broken", null, user, Logger.Null);
            Assert.True(EvaluationErrorCode.InvalidConfigModel == result.ErrorCode, problem + ": " + result.ErrorCode + " " + result.ErrorMessage);
            Assert.Equal(message, result.ErrorMessage);
            Assert.Null(result.Value);
            Assert.True(result.IsDefaultValue);
            Assert.Null(result.VariationId);
        }

        [Fact]
        public void A_broken_rule_after_the_matching_one_is_never_reached()
        {
            var config = ConfigJsonParser.Parse(@"{""f"": {""flag"": {""t"": 1, ""v"": {""s"": ""off""}, ""r"": [
                {""c"": [{""u"": {""a"": ""Email"", ""c"": 28, ""s"": ""a@b""}}], ""s"": {""v"": {""s"": ""first""}}},
                {""c"": [{""u"": {""a"": ""Email"", ""c"": 99, ""l"": [""x""]}}], ""s"": {""v"": {""s"": ""second""}}}]}}}");

            Assert.Equal("first", Evaluator.Evaluate(config.Settings, "flag", null, new User("1", "a@b"), Logger.Null).Value);
            Assert.Equal(EvaluationErrorCode.InvalidConfigModel, Evaluator.Evaluate(config.Settings, "flag", null, new User("1", "c@d"), Logger.Null).ErrorCode);
        }

        [Fact]
        public void A_condition_whose_attribute_is_missing_is_skipped_before_its_comparison_data_is_checked()
        {
            var config = ConfigJsonParser.Parse(@"{""f"": {""flag"": {""t"": 1, ""v"": {""s"": ""off""}, ""r"": [
                {""c"": [{""u"": {""a"": ""Plan"", ""c"": 99}}], ""s"": {""v"": {""s"": ""on""}}}]}}}");

            var result = Evaluator.Evaluate(config.Settings, "flag", null, new User("1"), Logger.Null);
            Assert.Equal(EvaluationErrorCode.None, result.ErrorCode);
            Assert.Equal("off", result.Value);
        }

        /// <summary>SHA-256 of "a@b" ‖ "salt" ‖ context, computed with node's crypto module.</summary>
        [Theory]
        [InlineData("462eaab4a4ee97b81fb89217657e312513a53c78456448761347c01e1b15bdf7", "051cdba4200baa1400779e750593f131cc4ae308d1fe89af8c7b8df9952b44a1", "on", "on")]
        [InlineData("051cdba4200baa1400779e750593f131cc4ae308d1fe89af8c7b8df9952b44a1", "462eaab4a4ee97b81fb89217657e312513a53c78456448761347c01e1b15bdf7", "off", "off")]
        public void Segment_conditions_hash_with_the_segment_name_and_rules_with_the_setting_key(string segmentHash, string ruleHash, string viaSegment, string viaRule)
        {
            var config = ConfigJsonParser.Parse(@"{""p"": {""s"": ""salt""}, ""s"": [{""n"": ""Seg"", ""r"": [{""a"": ""Email"", ""c"": 20, ""s"": """ + segmentHash + @"""}]}],
                ""f"": {""segmentFlag"": {""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""s"": {""s"": 0, ""c"": 0}}], ""s"": {""v"": {""s"": ""on""}}}]},
                       ""flag"": {""t"": 1, ""v"": {""s"": ""off""}, ""r"": [{""c"": [{""u"": {""a"": ""Email"", ""c"": 20, ""s"": """ + ruleHash + @"""}}], ""s"": {""v"": {""s"": ""on""}}}]}}}");
            var user = new User("1", "a@b");

            Assert.Equal(viaSegment, Evaluator.Evaluate(config.Settings, "segmentFlag", null, user, Logger.Null).Value);
            Assert.Equal(viaRule, Evaluator.Evaluate(config.Settings, "flag", null, user, Logger.Null).Value);
        }
    }
}
