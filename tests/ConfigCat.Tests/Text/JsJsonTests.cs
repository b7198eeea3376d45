using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using ConfigCat.Engine.Text;
using Xunit;

namespace ConfigCat.Tests.Text
{
    /// <summary>Expected text is node 20's <c>JSON.stringify</c> / <c>JSON.parse</c>. Texts with lone surrogates are passed
    /// escaped because xunit cannot carry them in theory data.</summary>
    public class JsJsonTests
    {
        /// <summary>The only code units node's JSON.stringify escapes, apart from lone surrogates (as <c>\udXXX</c>).</summary>
        private static readonly Dictionary<char, string> NodeEscapes = new Dictionary<char, string>
        {
            ['\u0000'] = "\\u0000", ['\u0001'] = "\\u0001", ['\u0002'] = "\\u0002", ['\u0003'] = "\\u0003", ['\u0004'] = "\\u0004",
            ['\u0005'] = "\\u0005", ['\u0006'] = "\\u0006", ['\u0007'] = "\\u0007", ['\u0008'] = "\\b", ['\u0009'] = "\\t",
            ['\u000a'] = "\\n", ['\u000b'] = "\\u000b", ['\u000c'] = "\\f", ['\u000d'] = "\\r", ['\u000e'] = "\\u000e",
            ['\u000f'] = "\\u000f", ['\u0010'] = "\\u0010", ['\u0011'] = "\\u0011", ['\u0012'] = "\\u0012", ['\u0013'] = "\\u0013",
            ['\u0014'] = "\\u0014", ['\u0015'] = "\\u0015", ['\u0016'] = "\\u0016", ['\u0017'] = "\\u0017", ['\u0018'] = "\\u0018",
            ['\u0019'] = "\\u0019", ['\u001a'] = "\\u001a", ['\u001b'] = "\\u001b", ['\u001c'] = "\\u001c", ['\u001d'] = "\\u001d",
            ['\u001e'] = "\\u001e", ['\u001f'] = "\\u001f", ['"'] = "\\\"", ['\\'] = "\\\\",
        };

        [Fact]
        public void Every_single_code_unit_is_written_as_JSON_stringify_writes_it()
        {
            for (var c = 0; c <= 0xFFFF; c++)
            {
                var ch = (char)c;
                var expected = NodeEscapes.TryGetValue(ch, out var escape) ? escape
                    : char.IsSurrogate(ch) ? "\\u" + c.ToString("x4")
                    : ch.ToString();
                Assert.Equal("\"" + expected + "\"", Stringify(ch.ToString()));
            }
        }

        [Theory]
        [InlineData("😀", "\"😀\"")]
        [InlineData("+<>%\"'\\/\t\r\n", "\"+<>%\\\"'\\\\/\\t\\r\\n\"")]
        [InlineData("äöüÄÖÜçéèñışğâ¢™✓😀", "\"äöüÄÖÜçéèñışğâ¢™✓😀\"")]
        [InlineData("\u2028\u2029\u007f\u0080", "\"\u2028\u2029\u007f\u0080\"")]
        public void Strings_are_written_as_JSON_stringify_writes_them(string value, string expected)
        {
            Assert.Equal(expected, Stringify(value));
        }

        [Theory]
        [InlineData(@"a\ud83d", "\"a\\ud83d\"")]
        [InlineData(@"\ude00b", "\"\\ude00b\"")]
        [InlineData(@"\ude00\ud83d", "\"\\ude00\\ud83d\"")]
        [InlineData(@"\ud83d\ud83d\ude00", "\"\\ud83d😀\"")]
        public void Lone_surrogates_are_escaped_and_pairs_are_not(string escapedValue, string expected)
        {
            Assert.Equal(expected, Stringify(Regex.Unescape(escapedValue)));
        }

        [Fact]
        public void String_arrays_are_compact()
        {
            Assert.Equal("[\"read\",\"Write\",\" eXecute \"]", JsJson.StringifyStringArray(new[] { "read", "Write", " eXecute " }));
            Assert.Equal("[]", JsJson.StringifyStringArray(new string[0]));
        }

        [Theory]
        [InlineData("[\"a\",\"b\"]", new[] { "a", "b" })]
        [InlineData(" [ \"a\" , \"b\" ] ", new[] { "a", "b" })]
        [InlineData("[]", new string[0])]
        [InlineData("[\"a\"]\n", new[] { "a" })]
        [InlineData("\t[\"a\"]\r\n", new[] { "a" })]
        [InlineData("[\"x\", \"read\"]", new[] { "x", "read" })]
        [InlineData("[\"\\u00e9\"]", new[] { "é" })]
        [InlineData("[\"\\/\"]", new[] { "/" })]
        [InlineData("[\"\\u0041\"]", new[] { "A" })]
        [InlineData("[\"\\uD83D\\uDE00\"]", new[] { "😀" })]
        [InlineData("[\"plain\", \"q\\\"b\\\\s\\b\\f\\n\\r\\t\", \"\"]", new[] { "plain", "q\"b\\s\b\f\n\r\t", "" })]
        public void Text_that_JSON_parse_reads_as_a_string_array_is_read(string text, string[] expected)
        {
            Assert.Equal(expected, JsJson.TryParseStringArray(text));
        }

        /// <summary>JSON.parse keeps lone surrogates, escaped or not; a string array holding one is still a string array.</summary>
        [Fact]
        public void Lone_surrogates_in_string_arrays_are_kept()
        {
            Assert.Equal(new[] { "\ud800" }, JsJson.TryParseStringArray("[\"\\ud800\"]"));
            Assert.Equal(new[] { "a\udc00", "b" }, JsJson.TryParseStringArray("[\"a\udc00\", \"b\"]"));
        }

        [Theory]
        [InlineData("[\"a\",1]")]
        [InlineData("\"a\"")]
        [InlineData("{\"a\":1}")]
        [InlineData("[\"a\",]")]
        [InlineData("['a']")]
        [InlineData("\ufeff[\"a\"]")]
        [InlineData("\u00a0[\"a\"]")]
        [InlineData("[\"a\u0001\"]")]
        [InlineData("[null]")]
        [InlineData("[\"a\"] x")]
        [InlineData("[[\"a\"]]")]
        [InlineData("read, write")]
        [InlineData("[\"unterminated")]
        [InlineData("[1, 2]")]
        [InlineData("")]
        [InlineData("[\"a\"]\u2028")]
        [InlineData("[\"a\"/*c*/]")]
        [InlineData("[\"\\x41\"]")]
        public void Anything_else_is_not_a_string_array(string text)
        {
            Assert.Null(JsJson.TryParseStringArray(text));
        }

        private static string Stringify(string value)
        {
            var builder = new StringBuilder();
            JsJson.AppendString(builder, value);
            return builder.ToString();
        }
    }
}
