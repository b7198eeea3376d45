using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Parsing;
using ConfigCat.Tests.Conformance;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Evaluation
{
    public class EvaluatorTests
    {
        /// <summary>Rules on Email, a semver, a number, a date and an array attribute, then 50/50 % options. The
        /// expected messages below are what configcat-node 11.4.1 logs for the same config and users.</summary>
        private const string WarningsConfig = @"{""p"": {""s"": ""salt""}, ""f"": {
            ""flag"": {""t"": 1, ""v"": {""s"": ""off""}, ""i"": ""v0"", ""r"": [
                {""c"": [{""u"": {""a"": ""Email"", ""c"": 28, ""s"": ""a@b""}}], ""s"": {""v"": {""s"": ""email""}, ""i"": ""v1""}},
                {""c"": [{""u"": {""a"": ""Version"", ""c"": 6, ""s"": ""1.0.0""}}], ""s"": {""v"": {""s"": ""old""}, ""i"": ""v2""}},
                {""c"": [{""u"": {""a"": ""Num"", ""c"": 0, ""l"": [""5""]}}], ""s"": {""v"": {""s"": ""five""}, ""i"": ""v3""}},
                {""c"": [{""u"": {""a"": ""When"", ""c"": 19, ""d"": 1680307200}}], ""s"": {""v"": {""s"": ""after""}, ""i"": ""v4""}},
                {""c"": [{""u"": {""a"": ""Tags"", ""c"": 34, ""l"": [""a""]}}], ""s"": {""v"": {""s"": ""tagged""}, ""i"": ""v5""}}],
              ""p"": [{""p"": 50, ""v"": {""s"": ""half1""}, ""i"": ""p1""}, {""p"": 50, ""v"": {""s"": ""half2""}, ""i"": ""p2""}]},
            ""byPlan"": {""t"": 0, ""a"": ""Plan"", ""v"": {""b"": false}, ""i"": ""b0"", ""r"": [
                {""c"": [{""u"": {""a"": ""Plan"", ""c"": 28, ""s"": ""x""}}], ""p"": [{""p"": 100, ""v"": {""b"": true}, ""i"": ""b1""}]},
                {""c"": [{""u"": {""a"": ""Email"", ""c"": 28, ""s"": ""x""}}], ""p"": [{""p"": 100, ""v"": {""b"": true}, ""i"": ""b2""}]}],
              ""p"": [{""p"": 100, ""v"": {""b"": true}, ""i"": ""b3""}]}}}";

        private const string TypesConfig = @"{""f"": {
            ""bool"": {""t"": 0, ""v"": {""b"": true}, ""i"": ""bool""},
            ""text"": {""t"": 1, ""v"": {""s"": ""hello""}, ""i"": ""text""},
            ""int"": {""t"": 2, ""v"": {""i"": 42}, ""i"": ""int""},
            ""double"": {""t"": 3, ""v"": {""d"": 3.5}, ""i"": ""double""}}}";

        private static readonly SettingsMap Types = ConfigJsonParser.Parse(TypesConfig).Settings;

        [Fact]
        public void A_missing_key_lists_the_available_keys_in_document_order()
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""b"": {""t"": 0, ""v"": {""b"": true}}, ""a"": {""t"": 0, ""v"": {""b"": true}}}}").Settings;
            var sink = new CapturingLogSink();

            var result = Evaluator.Evaluate(settings, "missing", "fallback", null, new Logger(LogLevel.Warning, sink));

            const string message = "Failed to evaluate setting 'missing' (the key was not found in config JSON). Returning the `defaultValue` parameter "
                + "that you specified in your application: 'fallback'. Available keys: ['b', 'a'].";
            Assert.Equal(EvaluationErrorCode.SettingKeyMissing, result.ErrorCode);
            Assert.Equal(message, result.ErrorMessage);
            Assert.Equal("fallback", result.Value);
            Assert.True(result.IsDefaultValue);
            var logged = Assert.Single(sink.Events);
            Assert.Equal("ERROR [1001] " + message, logged.ToString());
        }

        [Fact]
        public void A_missing_key_in_an_empty_config_lists_no_keys()
        {
            var result = Evaluator.Evaluate(SettingsMap.Empty, "missing", null, null, Logger.Null);
            Assert.EndsWith("'null'. Available keys: [].", result.ErrorMessage);
        }

        [Fact]
        public void No_settings_means_the_config_is_not_available()
        {
            var sink = new CapturingLogSink();
            var result = Evaluator.Evaluate(null, "flag", 5, new User("1"), new Logger(LogLevel.Error, sink));

            const string message = "Config JSON is not present when evaluating setting 'flag'. Returning the `defaultValue` parameter that you specified in your application: '5'.";
            Assert.Equal(EvaluationErrorCode.ConfigJsonNotAvailable, result.ErrorCode);
            Assert.Equal(message, result.ErrorMessage);
            Assert.Equal(5, result.Value);
            Assert.Equal("ERROR [1000] " + message, Assert.Single(sink.Events).ToString());
        }

        [Theory]
        [InlineData("bool", "yes")]
        [InlineData("bool", 1)]
        [InlineData("text", true)]
        [InlineData("text", 1.5)]
        [InlineData("int", "42")]
        [InlineData("int", 42.0)]
        [InlineData("double", 3)]
        [InlineData("double", false)]
        public void A_default_of_another_type_is_a_type_mismatch_and_is_returned(string key, object defaultValue)
        {
            var sink = new CapturingLogSink();
            var result = Evaluator.Evaluate(Types, key, defaultValue, null, new Logger(LogLevel.Error, sink));

            Assert.Equal(EvaluationErrorCode.SettingValueTypeMismatch, result.ErrorCode);
            Assert.Same(defaultValue, result.Value);
            Assert.Null(result.VariationId);
            Assert.StartsWith("The type of a setting must match the type of the specified default value. Setting's type was ", result.ErrorMessage);
            Assert.IsType<SettingTypeMismatchException>(result.ErrorException);
            Assert.Equal(1002, Assert.Single(sink.Events).EventId);
        }

        [Fact]
        public void The_type_mismatch_message_names_both_types()
        {
            var result = Evaluator.Evaluate(Types, "double", 3, null, Logger.Null);
            Assert.Equal("The type of a setting must match the type of the specified default value. Setting's type was Double but the default value's type was Int32. "
                + "Please use a default value which corresponds to the setting type Double. Learn more: https://configcat.com/docs/sdk-reference/dotnet/#setting-type-mapping",
                result.ErrorMessage);
        }

        [Theory]
        [InlineData("bool", false, true)]
        [InlineData("text", "", "hello")]
        [InlineData("int", 0, 42)]
        [InlineData("int", 0L, 42L)]
        [InlineData("double", 0.0, 3.5)]
        public void A_default_of_the_setting_type_returns_the_value_in_that_type(string key, object defaultValue, object expected)
        {
            var result = Evaluator.Evaluate(Types, key, defaultValue, null, Logger.Null);
            Assert.Equal(EvaluationErrorCode.None, result.ErrorCode);
            Assert.Equal(expected.GetType(), result.Value!.GetType());
            Assert.Equal(expected, result.Value);
            Assert.Equal(key, result.VariationId);
        }

        [Fact]
        public void Without_a_default_the_value_comes_in_its_natural_type()
        {
            Assert.IsType<bool>(Evaluator.Evaluate(Types, "bool", null, null, Logger.Null).Value);
            Assert.IsType<string>(Evaluator.Evaluate(Types, "text", null, null, Logger.Null).Value);
            Assert.IsType<int>(Evaluator.Evaluate(Types, "int", null, null, Logger.Null).Value);
            Assert.IsType<double>(Evaluator.Evaluate(Types, "double", null, null, Logger.Null).Value);
        }

        public static IEnumerable<object[]> UnsupportedDefaults() => new[]
        {
            new object[] { 1.5m }, new object[] { 1.5f }, new object[] { (short)1 }, new object[] { new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
            new object[] { new[] { "a" } }, new object[] { new object() }, new object[] { 'c' },
        };

        [Theory]
        [MemberData(nameof(UnsupportedDefaults))]
        public void A_default_of_an_unsupported_type_is_an_argument_error(object defaultValue)
        {
            Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(Types, "text", defaultValue, null, Logger.Null));
        }

        /// <summary>The SDKs validate the arguments first, so a bad call fails the same way whether or not the
        /// config and the key are there.</summary>
        [Theory]
        [MemberData(nameof(UnsupportedDefaults))]
        public void A_default_of_an_unsupported_type_is_an_argument_error_without_config_or_key_too(object defaultValue)
        {
            Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(Types, "missing", defaultValue, null, Logger.Null));
            Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(null, "text", defaultValue, null, Logger.Null));
        }

        [Fact]
        public void A_null_or_empty_key_is_an_argument_error()
        {
            Assert.Throws<ArgumentNullException>(() => Evaluator.Evaluate(Types, null!, null, null, Logger.Null));
            Assert.Throws<ArgumentNullException>(() => Evaluator.Evaluate(null, null!, null, null, Logger.Null));
            Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(Types, string.Empty, null, null, Logger.Null));
            Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(null, string.Empty, null, null, Logger.Null));
        }

        [Fact]
        public void Custom_attribute_names_are_case_sensitive()
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""flag"": {""t"": 1, ""v"": {""s"": ""off""}, ""r"": [
                {""c"": [{""u"": {""a"": ""Plan"", ""c"": 28, ""s"": ""pro""}}], ""s"": {""v"": {""s"": ""Plan""}}},
                {""c"": [{""u"": {""a"": ""plan"", ""c"": 28, ""s"": ""pro""}}], ""s"": {""v"": {""s"": ""plan""}}},
                {""c"": [{""u"": {""a"": ""email"", ""c"": 28, ""s"": ""a@b""}}], ""s"": {""v"": {""s"": ""email""}}}]}}}").Settings;

            string Evaluate(User user) => (string)Evaluator.Evaluate(settings, "flag", null, user, Logger.Null).Value!;

            Assert.Equal("Plan", Evaluate(Custom(("Plan", "pro"))));
            Assert.Equal("plan", Evaluate(Custom(("plan", "pro"))));
            Assert.Equal("off", Evaluate(Custom(("PLAN", "pro"))));
            Assert.Equal("off", Evaluate(new User("1", email: "a@b")));
            Assert.Equal("email", Evaluate(Custom(("email", "a@b"))));
        }

        [Fact]
        public void A_text_that_is_no_JSON_array_is_a_one_item_array_only_for_a_user_that_asks_for_it()
        {
            var settings = ConfigJsonParser.Parse(@"{""p"": {""s"": ""salt""}, ""f"": {""flag"": {""t"": 0, ""v"": {""b"": false}, ""r"": [
                {""c"": [{""u"": {""a"": ""Roles"", ""c"": 34, ""l"": [""admin""]}}], ""s"": {""v"": {""b"": true}}}]}}}").Settings;
            var roles = new[] { new KeyValuePair<string, object?>("Roles", "admin") };

            var strict = Evaluator.Evaluate(settings, "flag", null, new User("1", custom: roles), Logger.Null);
            var lenient = Evaluator.Evaluate(settings, "flag", null, new User("1", custom: roles, textIsOneItemArray: true), Logger.Null);
            var json = Evaluator.Evaluate(settings, "flag", null, new User("1", custom: new[] { new KeyValuePair<string, object?>("Roles", "[\"admin\"]") }, textIsOneItemArray: true), Logger.Null);

            Assert.Equal(false, strict.Value);
            Assert.Equal(true, lenient.Value);
            Assert.Equal(true, json.Value);
        }

        /// <summary>One evaluation parses a version attribute once for all its rules; rules on another attribute, or
        /// an invalid version before a valid one, must still see their own attribute.</summary>
        [Fact]
        public void Version_rules_on_different_attributes_each_read_their_own_attribute()
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""flag"": {""t"": 1, ""v"": {""s"": ""off""}, ""r"": [
                {""c"": [{""u"": {""a"": ""App"", ""c"": 6, ""s"": ""1.0.0""}}], ""s"": {""v"": {""s"": ""old app""}}},
                {""c"": [{""u"": {""a"": ""App"", ""c"": 9, ""s"": ""3.0.0""}}], ""s"": {""v"": {""s"": ""new app""}}},
                {""c"": [{""u"": {""a"": ""Os"", ""c"": 6, ""s"": ""1.0.0""}}], ""s"": {""v"": {""s"": ""old os""}}},
                {""c"": [{""u"": {""a"": ""App"", ""c"": 4, ""l"": [""2.0.0""]}}], ""s"": {""v"": {""s"": ""app 2""}}}]}}}").Settings;

            string Evaluate(User user) => (string)Evaluator.Evaluate(settings, "flag", null, user, Logger.Null).Value!;

            Assert.Equal("old os", Evaluate(Custom(("App", "2.0.0"), ("Os", "0.9.0"))));
            Assert.Equal("app 2", Evaluate(Custom(("App", "2.0.0"), ("Os", "1.0.0"))));
            Assert.Equal("old os", Evaluate(Custom(("App", "not a version"), ("Os", "0.9.0"))));
            Assert.Equal("app 2", Evaluate(Custom(("App", "2.0.0"), ("Os", "not a version"))));
            Assert.Equal("off", Evaluate(Custom(("App", "2.5.0"), ("Os", "not a version"))));
            Assert.Equal("new app", Evaluate(Custom(("App", " 3.0.0 "), ("Os", "0.9.0"))));
        }

        [Fact]
        public void Custom_attributes_named_like_the_well_known_ones_are_ignored()
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""flag"": {""t"": 1, ""v"": {""s"": ""off""}, ""r"": [
                {""c"": [{""u"": {""a"": ""Email"", ""c"": 28, ""s"": ""a@b""}}], ""s"": {""v"": {""s"": ""on""}}}]}}}").Settings;
            var user = new User("1", null, null, new[] { new KeyValuePair<string, object?>("Email", "a@b") });
            Assert.Equal("off", Evaluator.Evaluate(settings, "flag", null, user, Logger.Null).Value);
        }

        /// <summary>flag: AFTER 1680307200 (2023-04-01T00:00:00Z) and BEFORE 1682899200 (2023-05-01T00:00:00Z), the
        /// boolTrueIn202304 vectors of the SDK tests.</summary>
        public static IEnumerable<object[]> DateAttributes() => new[]
        {
            new object[] { new DateTime(2023, 4, 1, 0, 0, 0, 1, DateTimeKind.Utc), true },
            new object[] { new DateTime(2023, 3, 31, 23, 59, 59, 999, DateTimeKind.Utc), false },
            new object[] { new DateTime(2023, 4, 30, 23, 59, 59, 999, DateTimeKind.Unspecified), true },
            new object[] { new DateTime(2023, 5, 1, 0, 0, 0, DateTimeKind.Unspecified), false },
            new object[] { new DateTimeOffset(2023, 4, 1, 2, 0, 0, 1, TimeSpan.FromHours(2)), true },
            new object[] { new DateTimeOffset(2023, 4, 1, 1, 59, 59, 999, TimeSpan.FromHours(2)), false },
            new object[] { new DateTimeOffset(2023, 3, 31, 22, 0, 0, 1, TimeSpan.FromHours(-2)), true },
            new object[] { new DateTime(2023, 4, 15, 0, 0, 0, DateTimeKind.Utc).ToLocalTime(), true },
            new object[] { 1680307200.001, true },
            new object[] { 1680307200, false },
            new object[] { 1682899199L, true },
            new object[] { 1680307200.5m, true },
            new object[] { "1680307200,001", true },
            new object[] { double.NaN, false },
            new object[] { double.PositiveInfinity, false },
        };

        [Theory]
        [MemberData(nameof(DateAttributes))]
        public void Dates_compare_as_Unix_seconds_with_milliseconds(object when, bool expected)
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""flag"": {""t"": 0, ""v"": {""b"": false}, ""r"": [{""c"": [
                {""u"": {""a"": ""When"", ""c"": 19, ""d"": 1680307200}}, {""u"": {""a"": ""When"", ""c"": 18, ""d"": 1682899200}}],
                ""s"": {""v"": {""b"": true}}}]}}}").Settings;
            Assert.Equal(expected, Evaluator.Evaluate(settings, "flag", null, Custom(("When", when)), Logger.Null).Value);
        }

        [Fact]
        public void A_date_in_a_text_comparison_becomes_its_Unix_seconds()
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""flag"": {""t"": 0, ""v"": {""b"": false}, ""r"": [{""c"": [
                {""u"": {""a"": ""When"", ""c"": 28, ""s"": ""1680307200.001""}}], ""s"": {""v"": {""b"": true}}}]}}}").Settings;
            var sink = new CapturingLogSink();
            var user = Custom(("When", new DateTime(2023, 4, 1, 0, 0, 0, 1, DateTimeKind.Utc)));

            Assert.Equal(true, Evaluator.Evaluate(settings, "flag", null, user, new Logger(LogLevel.Warning, sink)).Value);
            Assert.Contains("converted to the string value '1680307200.001'", Assert.Single(sink.WithId(3005)).Message);
        }

        public static IEnumerable<object[]> Numbers() => new[]
        {
            new object[] { 5, true }, new object[] { 5L, true }, new object[] { 5.0, true }, new object[] { 5.0f, true },
            new object[] { 5.0m, true }, new object[] { (short)5, true }, new object[] { (byte)5, true }, new object[] { 5u, true },
            new object[] { 5UL, true }, new object[] { (sbyte)5, true }, new object[] { (ushort)5, true },
            new object[] { 4, false }, new object[] { 5.000001m, false }, new object[] { "5", true }, new object[] { " 5,0 ", true },
        };

        [Theory]
        [MemberData(nameof(Numbers))]
        public void Numbers_of_every_NET_type_are_numbers(object number, bool expected)
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""flag"": {""t"": 0, ""v"": {""b"": false}, ""r"": [{""c"": [
                {""u"": {""a"": ""N"", ""c"": 10, ""d"": 5}}], ""s"": {""v"": {""b"": true}}}]}}}").Settings;
            var result = Evaluator.Evaluate(settings, "flag", null, Custom(("N", number)), Logger.Null);
            Assert.Equal(EvaluationErrorCode.None, result.ErrorCode);
            Assert.Equal(expected, result.Value);
        }

        /// <summary>Text comparisons see a number in JavaScript's Number#toString form.</summary>
        [Theory]
        [InlineData(5, "5")]
        [InlineData(5L, "5")]
        [InlineData(-0.0, "0")]
        [InlineData(1e21, "1e+21")]
        [InlineData(0.1f, "0.10000000149011612")]
        [InlineData(1234567.125, "1234567.125")]
        public void Numbers_in_text_comparisons_are_converted_like_JavaScript(object number, string text)
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""flag"": {""t"": 0, ""v"": {""b"": false}, ""r"": [{""c"": [
                {""u"": {""a"": ""N"", ""c"": 28, ""s"": """ + text + @"""}}], ""s"": {""v"": {""b"": true}}}]}}}").Settings;
            Assert.Equal(true, Evaluator.Evaluate(settings, "flag", null, Custom(("N", number)), Logger.Null).Value);
        }

        [Fact]
        public void Decimal_attributes_are_read_as_doubles()
        {
            var settings = ConfigJsonParser.Parse(@"{""f"": {""flag"": {""t"": 0, ""v"": {""b"": false}, ""r"": [{""c"": [
                {""u"": {""a"": ""N"", ""c"": 28, ""s"": ""0.1""}}], ""s"": {""v"": {""b"": true}}}]}}}").Settings;
            Assert.Equal(true, Evaluator.Evaluate(settings, "flag", null, Custom(("N", 0.1m)), Logger.Null).Value);
        }

        [Fact]
        public void Missing_user_is_warned_once_per_flag()
        {
            AssertWarnings("flag", null, "off", "v0",
                "WARNING [3001] Cannot evaluate targeting rules and % options for setting 'flag' (User Object is missing). You should pass a User Object to the "
                    + "evaluation methods like `getValueAsync()` in order to make targeting work properly. Read more: https://configcat.com/docs/advanced/user-object/");
        }

        [Fact]
        public void Missing_invalid_and_converted_attributes_are_warned_about()
        {
            AssertWarnings("flag", new User("1", null, null, Attributes(("Version", "abc"), ("Num", 5), ("When", "soon"), ("Tags", "a,b"))), "five", "v3",
                "WARNING [3003] Cannot evaluate condition (User.Email EQUALS 'a@b') for setting 'flag' (the User.Email attribute is missing). You should set the "
                    + "User.Email attribute in order to make targeting work properly. Read more: https://configcat.com/docs/advanced/user-object/",
                "WARNING [3004] Cannot evaluate condition (User.Version < '1.0.0') for setting 'flag' ('abc' is not a valid semantic version). Please check the "
                    + "User.Version attribute and make sure that its value corresponds to the comparison operator.",
                "WARNING [3005] Evaluation of condition (User.Num IS ONE OF ['5']) for setting 'flag' may not produce the expected result (the User.Num attribute "
                    + "is not a string value, thus it was automatically converted to the string value '5'). Please make sure that using a non-string value was intended.");
        }

        [Fact]
        public void A_date_attribute_matches_the_AFTER_rule_and_a_decimal_number_is_converted()
        {
            var user = new User("1", "c@d", null, Attributes(("Version", "2.0.0"), ("Num", 5.5), ("When", new DateTime(2023, 4, 1, 0, 0, 0, 1, DateTimeKind.Utc))));
            AssertWarnings("flag", user, "after", "v4",
                "WARNING [3005] Evaluation of condition (User.Num IS ONE OF ['5']) for setting 'flag' may not produce the expected result (the User.Num attribute "
                    + "is not a string value, thus it was automatically converted to the string value '5.5'). Please make sure that using a non-string value was intended.");
        }

        [Fact]
        public void A_missing_percentage_attribute_is_warned_about_once()
        {
            AssertWarnings("byPlan", new User("1", "y"), false, "b0",
                "WARNING [3003] Cannot evaluate condition (User.Plan EQUALS 'x') for setting 'byPlan' (the User.Plan attribute is missing). You should set the "
                    + "User.Plan attribute in order to make targeting work properly. Read more: https://configcat.com/docs/advanced/user-object/",
                "WARNING [3003] Cannot evaluate % options for setting 'byPlan' (the User.Plan attribute is missing). You should set the User.Plan attribute in "
                    + "order to make targeting work properly. Read more: https://configcat.com/docs/advanced/user-object/");
        }

        [Fact]
        public void Missing_user_in_rules_and_percentage_options_is_warned_once()
        {
            var sink = new CapturingLogSink();
            Evaluate(WarningsConfig, "byPlan", null, sink);
            Assert.Single(sink.Events);
            Assert.Equal(3001, sink.Events[0].EventId);
        }

        [Fact]
        public void The_matched_rule_and_percentage_option_are_reported()
        {
            var settings = ConfigJsonParser.Parse(WarningsConfig).Settings;
            var rule = Evaluator.Evaluate(settings, "flag", null, new User("1", "a@b"), Logger.Null);
            Assert.Same(settings["flag"].TargetingRules[0], rule.MatchedTargetingRule);
            Assert.Null(rule.MatchedPercentageOption);

            var option = Evaluator.Evaluate(settings, "byPlan", null, new User("1", null, null, Attributes(("Plan", "x"))), Logger.Null);
            Assert.Same(settings["byPlan"].TargetingRules[0], option.MatchedTargetingRule);
            Assert.Same(settings["byPlan"].TargetingRules[0].PercentageOptions![0], option.MatchedPercentageOption);
            Assert.Equal("b1", option.VariationId);

            var fallback = Evaluator.Evaluate(settings, "flag", null, null, Logger.Null);
            Assert.Null(fallback.MatchedTargetingRule);
            Assert.Null(fallback.MatchedPercentageOption);
        }

        [Fact]
        public void Warnings_and_the_evaluation_log_are_not_built_when_the_level_filters_them()
        {
            var sink = new CapturingLogSink();
            var user = new User("1", null, null, Attributes(("Version", "abc"), ("Num", 5)));
            Evaluate(WarningsConfig, "flag", user, sink, LogLevel.Error);
            Assert.Empty(sink.Events);
        }

        /// <summary>Every 7th row of every matrix of the conformance data, plus comma decimals, doubles compared as
        /// text and Turkish casing, evaluated (with the evaluation log) under cultures whose number format and casing
        /// differ from the invariant culture.</summary>
        [Theory]
        [InlineData("de-DE")]
        [InlineData("tr-TR")]
        [InlineData("ar-SA")]
        public void Results_do_not_depend_on_the_current_culture(string cultureName)
        {
            var inputs = CultureProbeCases().ToList();
            var invariant = RunUnder(CultureInfo.InvariantCulture, inputs);
            var other = RunUnder(CultureInfo.GetCultureInfo(cultureName), inputs);
            Assert.Equal(invariant.Results, other.Results);
            Assert.Equal(invariant.Log, other.Log);

            // The probe users: "Istanbul" / N = "3,125", "ıi" / N = 3.125, "İ" / N = "1e0".
            Assert.Equal(new[]
            {
                "I=True", "i=False", "num=2.75", "text=no",
                "I=False", "i=True", "num=2.75", "text=yes",
                "I=False", "i=False", "num=2.75", "text=no",
            }, invariant.Results.Skip(invariant.Results.Count - 12));
        }

        private static (List<string> Results, List<string> Log) RunUnder(CultureInfo culture, List<(SettingsMap Settings, string Key, User? User)> inputs)
        {
            var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                var sink = new CapturingLogSink();
                var logger = new Logger(LogLevel.Info, sink);
                var results = inputs.Select(input =>
                {
                    var result = Evaluator.Evaluate(input.Settings, input.Key, null, input.User, logger);
                    return input.Key + "=" + Convert.ToString(result.Value, CultureInfo.InvariantCulture) + result.ErrorMessage;
                }).ToList();
                return (results, sink.Events.Select(e => e.ToString()).ToList());
            }
            finally
            {
                CultureInfo.CurrentCulture = saved.CurrentCulture;
                CultureInfo.CurrentUICulture = saved.CurrentUICulture;
            }
        }

        private static IEnumerable<(SettingsMap, string, User?)> CultureProbeCases()
        {
            foreach (var name in MatrixFile.Names())
            {
                var matrix = MatrixFile.Load(name);
                var settings = LoadedConfigs.Get(TestPaths.Matrix(name + ".json")).Settings;
                for (var row = 0; row < matrix.Rows.Length; row += 7)
                {
                    foreach (var key in matrix.Keys)
                    {
                        yield return (settings, key, matrix.UserOf(row));
                    }
                }
            }

            var probe = ConfigJsonParser.Parse(@"{""f"": {
                ""I"": {""t"": 0, ""v"": {""b"": false}, ""r"": [{""c"": [{""u"": {""a"": ""Name"", ""c"": 30, ""l"": [""I""]}}], ""s"": {""v"": {""b"": true}}}]},
                ""i"": {""t"": 0, ""v"": {""b"": false}, ""r"": [{""c"": [{""u"": {""a"": ""Name"", ""c"": 2, ""l"": [""i""]}}], ""s"": {""v"": {""b"": true}}}]},
                ""num"": {""t"": 3, ""v"": {""d"": 1.5}, ""r"": [{""c"": [{""u"": {""a"": ""N"", ""c"": 12, ""d"": 3.25}}], ""s"": {""v"": {""d"": 2.75}}}]},
                ""text"": {""t"": 1, ""v"": {""s"": ""no""}, ""r"": [{""c"": [{""u"": {""a"": ""N"", ""c"": 0, ""l"": [""3.125""]}}], ""s"": {""v"": {""s"": ""yes""}}}]}}}").Settings;
            foreach (var user in new[]
            {
                new User("1", null, null, Attributes(("Name", "Istanbul"), ("N", "3,125"))),
                new User("1", null, null, Attributes(("Name", "ıi"), ("N", 3.125))),
                new User("1", null, null, Attributes(("Name", "İ"), ("N", "1e0"))),
            })
            {
                foreach (var key in probe.Keys)
                {
                    yield return (probe, key, user);
                }
            }
        }

        private static void AssertWarnings(string key, User? user, object value, string variationId, params string[] warnings)
        {
            var sink = new CapturingLogSink();
            var result = Evaluate(WarningsConfig, key, user, sink);
            Assert.Equal(value, result.Value);
            Assert.Equal(variationId, result.VariationId);
            Assert.Equal(warnings, sink.Events.Select(e => e.ToString()));
        }

        private static EvaluationResult Evaluate(string configJson, string key, User? user, CapturingLogSink sink, LogLevel level = LogLevel.Warning) =>
            Evaluator.Evaluate(ConfigJsonParser.Parse(configJson).Settings, key, null, user, new Logger(level, sink, methodName: "getValueAsync()"));

        private static User Custom(params (string Name, object Value)[] attributes) => new User("1", null, null, Attributes(attributes));

        private static IEnumerable<KeyValuePair<string, object?>> Attributes(params (string Name, object Value)[] attributes) =>
            attributes.Select(a => new KeyValuePair<string, object?>(a.Name, a.Value));
    }
}
