using System;
using System.Collections.Generic;
using ConfigCat.Engine.Evaluation;
using Xunit;

namespace ConfigCat.Tests.Evaluation
{
    public class UserAttributeValuesTests
    {
        /// <summary>Expected: configcat-common 9.4.1's number attribute rule in node 20,
        /// <c>!isNaN(n = parseFloatStrict(s.replace(",", "."))) || s.trim() === "NaN"</c>.</summary>
        [Theory]
        [InlineData("3,5", true, 3.5)]
        [InlineData(" 3,5 ", true, 3.5)]
        [InlineData("1,000,5", false, double.NaN)]
        [InlineData("1.5,5", false, double.NaN)]
        [InlineData(",5", true, 0.5)]
        [InlineData("0,5e1", true, 5.0)]
        [InlineData("NaN", true, double.NaN)]
        [InlineData(" NaN\t", true, double.NaN)]
        [InlineData("nan", false, double.NaN)]
        [InlineData("-NaN", false, double.NaN)]
        [InlineData("Infinity,", false, double.NaN)]
        [InlineData("1e3,", false, double.NaN)]
        [InlineData("\u0661,\u0665", false, double.NaN)]
        [InlineData("", false, double.NaN)]
        public void Text_is_read_as_a_number_like_the_JavaScript_SDK_does(string text, bool accepted, double expected)
        {
            Assert.Equal(accepted, UserAttributeValues.TryParseNumber(text, out var number));
            if (accepted)
            {
                Assert.Equal(expected, number);
            }
        }

        public static IEnumerable<object[]> Texts() => new[]
        {
            new object[] { "text", "text" },
            new object[] { 42, "42" },
            new object[] { -0.0, "0" },
            new object[] { 1e21, "1e+21" },
            new object[] { 0.5m, "0.5" },
            new object[] { true, "true" },
            new object[] { new[] { "a", "\"b\"" }, "[\"a\",\"\\\"b\\\"\"]" },
            new object[] { new DateTime(2023, 4, 1, 0, 0, 0, 1, DateTimeKind.Utc), "1680307200.001" },
            new object[] { new DateTimeOffset(1969, 12, 31, 23, 59, 59, 500, TimeSpan.Zero), "-0.5" },
        };

        /// <summary>The canonical text that text comparators and % options see: JavaScript's <c>String(x)</c>, Unix
        /// seconds for dates, <c>JSON.stringify</c> for string arrays.</summary>
        [Theory]
        [MemberData(nameof(Texts))]
        public void Values_become_the_text_JavaScript_would_compare(object value, string expected)
        {
            Assert.Equal(expected, UserAttributeValues.ToText(value));
        }

        [Fact]
        public void Text_is_not_a_number_until_parsed()
        {
            Assert.False(UserAttributeValues.TryGetNumber("5", out _));
            Assert.True(UserAttributeValues.TryGetNumber(5u, out var number));
            Assert.Equal(5.0, number);
        }
    }
}
