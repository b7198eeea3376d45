using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Text;
using Xunit;

namespace ConfigCat.Tests.Differential
{
    /// <summary>
    /// The JavaScript rules the engine re-implements (Number#toString, the SDK's number parsing, node-semver, JSON
    /// string arrays, UTF-8 of lone surrogates, Date#toISOString), checked on random inputs against the answers of
    /// @configcat/sdk's own code (tests/oracle/js-rules.js, run in the installed oracle). Every mismatch is listed.
    /// </summary>
    public class JsRulesDifferentialTests
    {
        private const string Seed = "ps-js-rules-1";
        private const int Count = 3000;
        private const int MaxListed = 25;

        private static readonly Lazy<ILookup<string, JsonElement>> Inputs = new Lazy<ILookup<string, JsonElement>>(Generate);

        [Theory]
        [InlineData("format")]
        [InlineData("parse")]
        [InlineData("number")]
        [InlineData("semver")]
        [InlineData("array")]
        [InlineData("stringify")]
        [InlineData("utf8")]
        [InlineData("date")]
        public void Engine_agrees_with_the_sdk(string rule)
        {
            var inputs = Inputs.Value[rule].ToList();
            Assert.True(inputs.Count >= Count, "too few " + rule + " inputs: " + inputs.Count);

            var mismatches = inputs.Select(input => Check(rule, input)).Where(m => m != null).ToList();
            Assert.True(mismatches.Count == 0, mismatches.Count + " of " + inputs.Count + " " + rule + " inputs differ from node:\n"
                + string.Join("\n", mismatches.Take(MaxListed)));
        }

        private static string? Check(string rule, JsonElement input)
        {
            switch (rule)
            {
                case "format":
                {
                    var actual = JsNumberFormatter.Format(Double(input, "bits"));
                    return Differ(Text(input, "out"), actual, input);
                }

                case "parse":
                {
                    var actual = JsNumberParser.ParseFloatStrict(Text(input, "in"));
                    return SameNumber(Double(input, "bits"), actual) ? null : Mismatch(input, Describe(actual));
                }

                case "number":
                {
                    var ok = UserAttributeValues.TryParseNumber(Text(input, "in"), out var actual);
                    return ok == input.GetProperty("ok").GetBoolean() && (!ok || SameNumber(Double(input, "bits"), actual))
                        ? null : Mismatch(input, ok + " " + Describe(actual));
                }

                case "semver":
                {
                    var a = SemVersion.Parse(JsWhitespace.Trim(Text(input, "a")));
                    var b = SemVersion.Parse(JsWhitespace.Trim(Text(input, "b")));
                    int? comparison = a != null && b != null ? Math.Sign(a.Value.CompareTo(b.Value)) : (int?)null;
                    var expected = input.GetProperty("cmp");
                    return (a != null) == input.GetProperty("va").GetBoolean() && (b != null) == input.GetProperty("vb").GetBoolean()
                        && comparison == (expected.ValueKind == JsonValueKind.Null ? (int?)null : expected.GetInt32())
                        ? null : Mismatch(input, "valid " + (a != null) + "/" + (b != null) + ", compare " + comparison);
                }

                case "array":
                {
                    var actual = JsJson.TryParseStringArray(Text(input, "in"));
                    var expected = input.GetProperty("out");
                    var same = expected.ValueKind == JsonValueKind.Null
                        ? actual == null
                        : actual != null && actual.SequenceEqual(expected.EnumerateArray().Select(Text));
                    return same ? null : Mismatch(input, actual == null ? "null" : JsJson.StringifyStringArray(actual));
                }

                case "stringify":
                {
                    var items = input.GetProperty("in").EnumerateArray().Select(Text).ToArray();
                    return Differ(Text(input, "out"), JsJson.StringifyStringArray(items), input);
                }

                case "utf8":
                {
                    var expected = input.GetProperty("out").EnumerateArray().Select(unit => (byte)unit.GetInt32()).ToArray();
                    var actual = JsUtf8.GetBytes(Text(input, "in"));
                    return expected.SequenceEqual(actual) && actual.Length == JsUtf8.GetByteCount(Text(input, "in"))
                        ? null : Mismatch(input, Convert.ToHexString(actual));
                }

                case "date":
                {
                    var expected = input.GetProperty("out");
                    var actual = JsDate.FormatUnixSeconds(Double(input, "bits"));
                    return Differ(expected.ValueKind == JsonValueKind.Null ? null : Text(expected), actual, input);
                }

                default:
                    throw new ArgumentOutOfRangeException(nameof(rule), rule, null);
            }
        }

        private static ILookup<string, JsonElement> Generate()
        {
            var directory = Path.Combine(NodeOracle.Directory, "js-rules", Seed + "-" + Count);
            NodeOracle.BuildOnce(directory, output =>
                File.WriteAllText(Path.Combine(output, "inputs.jsonl"), NodeOracle.RunNode("js-rules.js", Seed, Count.ToString())));
            return File.ReadLines(Path.Combine(directory, "inputs.jsonl"))
                .Where(line => line.Length > 0)
                .Select(line => JsonDocument.Parse(line).RootElement)
                .ToLookup(element => element.GetProperty("rule").GetString()!);
        }

        private static string Text(JsonElement element, string name) => Text(element.GetProperty(name));

        private static string Text(JsonElement codeUnits) => new string(codeUnits.EnumerateArray().Select(unit => (char)unit.GetInt32()).ToArray());

        private static double Double(JsonElement element, string name) =>
            BitConverter.UInt64BitsToDouble(Convert.ToUInt64(element.GetProperty(name).GetString(), 16));

        private static bool SameNumber(double expected, double actual) =>
            (double.IsNaN(expected) && double.IsNaN(actual)) || BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual);

        private static string Describe(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " (" + BitConverter.DoubleToInt64Bits(value).ToString("x16") + ")";

        private static string? Differ(string? expected, string? actual, JsonElement input) => expected == actual ? null : Mismatch(input, actual == null ? "null" : Escape(actual));

        private static string Mismatch(JsonElement input, string actual) => "node: " + input.GetRawText() + "\n  engine: " + actual;

        private static string Escape(string text) => string.Concat(text.Select(c => c < 0x20 || c > 0x7e ? "\\u" + ((int)c).ToString("x4") : c.ToString()));
    }
}
