using System;
using System.Collections.Generic;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.Engine.Model;
using ConfigCat.Engine.Overrides;
using Xunit;

namespace ConfigCat.Tests.Overrides
{
    public class DictionaryOverrideDataSourceTests
    {
        public static IEnumerable<object[]> SupportedValues() => new[]
        {
            new object[] { true, SettingType.Boolean, true },
            new object[] { "text", SettingType.String, "text" },
            new object[] { "", SettingType.String, "" },
            new object[] { 42, SettingType.Int, 42 },
            new object[] { (short)-7, SettingType.Int, -7 },
            new object[] { (byte)7, SettingType.Int, 7 },
            new object[] { (sbyte)-7, SettingType.Int, -7 },
            new object[] { (ushort)7, SettingType.Int, 7 },
            new object[] { 2147483647L, SettingType.Int, int.MaxValue },
            new object[] { -2147483648L, SettingType.Int, int.MinValue },
            new object[] { 2147483647u, SettingType.Int, int.MaxValue },
            new object[] { 1.5, SettingType.Double, 1.5 },
            new object[] { 1.5f, SettingType.Double, 1.5 },
            new object[] { double.NaN, SettingType.Double, double.NaN },
        };

        [Theory]
        [MemberData(nameof(SupportedValues))]
        public void Supported_values_become_settings_of_the_matching_type(object value, SettingType type, object expected)
        {
            var settings = Source(("flag", value)).Settings;
            Assert.Equal(type, settings["flag"].Type);

            var result = Evaluator.Evaluate(settings, "flag", null, null, Logger.Null);
            Assert.Equal(EvaluationErrorCode.None, result.ErrorCode);
            Assert.Equal(expected.GetType(), result.Value!.GetType());
            Assert.Equal(expected, result.Value);
            Assert.Null(result.VariationId);
        }

        public static IEnumerable<object?[]> UnsupportedValues() => new[]
        {
            new object?[] { 2147483648L, "Setting value '2147483648' is of an unsupported type (Int64)." },
            new object?[] { -2147483649L, "Setting value '-2147483649' is of an unsupported type (Int64)." },
            new object?[] { 2147483648u, "Setting value '2147483648' is of an unsupported type (UInt32)." },
            new object?[] { 5UL, "Setting value '5' is of an unsupported type (UInt64)." },
            new object?[] { 1.5m, "Setting value '1.5' is of an unsupported type (Decimal)." },
            new object?[] { 'c', "Setting value 'c' is of an unsupported type (Char)." },
            new object?[] { null, "Setting value is null." },
        };

        [Theory]
        [MemberData(nameof(UnsupportedValues))]
        public void Unsupported_values_fail_when_evaluated_with_a_message_naming_the_type(object? value, string message)
        {
            var settings = Source(("flag", value), ("ok", true)).Settings;
            Assert.Equal(SettingType.Unknown, settings["flag"].Type);
            Assert.Equal(true, Evaluator.Evaluate(settings, "ok", null, null, Logger.Null).Value);

            foreach (var defaultValue in new object?[] { null, "fallback", 1 })
            {
                var result = Evaluator.Evaluate(settings, "flag", defaultValue, null, Logger.Null);
                Assert.Equal(EvaluationErrorCode.InvalidConfigModel, result.ErrorCode);
                Assert.Equal(message, result.ErrorMessage);
                Assert.Equal(defaultValue, result.Value);
            }
        }

        [Fact]
        public void Keys_keep_their_order_and_are_case_sensitive()
        {
            var settings = Source(("b", 1), ("a", 2), ("A", 3)).Settings;
            Assert.Equal(new[] { "b", "a", "A" }, settings.Keys);
            Assert.Equal(3, Evaluator.Evaluate(settings, "A", null, null, Logger.Null).Value);
        }

        [Fact]
        public void The_values_are_read_once_when_the_source_is_created()
        {
            var values = new Dictionary<string, object?> { ["flag"] = true };
            var source = new DictionaryOverrideDataSource(values);
            values["flag"] = false;
            values["new"] = true;
            Assert.Equal(true, Evaluator.Evaluate(source.Settings, "flag", null, null, Logger.Null).Value);
            Assert.False(source.Settings.ContainsKey("new"));
        }

        [Fact]
        public void Null_values_map_is_an_argument_error()
        {
            Assert.Throws<ArgumentNullException>(() => new DictionaryOverrideDataSource(null!));
        }

        private static DictionaryOverrideDataSource Source(params (string Key, object? Value)[] values)
        {
            var pairs = new List<KeyValuePair<string, object?>>();
            foreach (var (key, value) in values)
            {
                pairs.Add(new KeyValuePair<string, object?>(key, value));
            }

            return new DictionaryOverrideDataSource(pairs);
        }
    }
}
