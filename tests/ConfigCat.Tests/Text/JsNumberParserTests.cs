using System;
using ConfigCat.Engine.Text;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Text
{
    /// <summary>Expected values: <c>Utils.parseFloatStrict</c> of configcat-common 9.4.1 (the core of configcat-node
    /// 11.4.1) run in node 20 on the same text.</summary>
    public class JsNumberParserTests
    {
        [Theory]
        [InlineData("0x10", double.NaN)]
        [InlineData(" 0 ", double.NaN)]
        [InlineData("5.", 5.0)]
        [InlineData(".5", 0.5)]
        [InlineData("+7", 7.0)]
        [InlineData("1e3", 1000.0)]
        [InlineData("Infinity", double.PositiveInfinity)]
        [InlineData("-Infinity", double.NegativeInfinity)]
        [InlineData("+Infinity", double.PositiveInfinity)]
        [InlineData("", double.NaN)]
        [InlineData(" ", double.NaN)]
        [InlineData("  ", double.NaN)]
        [InlineData("1_000", double.NaN)]
        [InlineData("\u0661", double.NaN)]
        [InlineData("0", 0.0)]
        [InlineData("00", 0.0)]
        [InlineData("01", 1.0)]
        [InlineData("-0", -0.0)]
        [InlineData("0.5", 0.5)]
        [InlineData("0.", 0.0)]
        [InlineData("0e5", 0.0)]
        [InlineData("0E5", 0.0)]
        [InlineData("0b1", double.NaN)]
        [InlineData("0o7", double.NaN)]
        [InlineData("-0x10", double.NaN)]
        [InlineData("1e", double.NaN)]
        [InlineData("e3", double.NaN)]
        [InlineData(".", double.NaN)]
        [InlineData("+", double.NaN)]
        [InlineData("-", double.NaN)]
        [InlineData("+.5", 0.5)]
        [InlineData("-.5e-3", -0.0005)]
        [InlineData("1e400", double.PositiveInfinity)]
        [InlineData("-1e400", double.NegativeInfinity)]
        [InlineData("1e-400", 0.0)]
        [InlineData("NaN", double.NaN)]
        [InlineData(" NaN ", double.NaN)]
        [InlineData("infinity", double.NaN)]
        [InlineData("INFINITY", double.NaN)]
        [InlineData("Infinity ", double.PositiveInfinity)]
        [InlineData("\tInfinity\n", double.PositiveInfinity)]
        [InlineData("\u00a0 12 \ufeff", 12.0)]
        [InlineData("\u0085 12", double.NaN)]
        [InlineData("12\u0085", double.NaN)]
        [InlineData("1 2", double.NaN)]
        [InlineData("12abc", double.NaN)]
        [InlineData("abc", double.NaN)]
        [InlineData("3,5", double.NaN)]
        [InlineData("1.5.5", double.NaN)]
        [InlineData("--1", double.NaN)]
        [InlineData("+-1", double.NaN)]
        [InlineData("0\t", double.NaN)]
        [InlineData("\t0", 0.0)]
        [InlineData("0 1", double.NaN)]
        [InlineData("1e+3", 1000.0)]
        [InlineData("1E-3", 0.001)]
        [InlineData("1e3.5", double.NaN)]
        [InlineData("0.0000001", 1e-7)]
        [InlineData("123456789012345678901234567890", 1.2345678901234568e+29)]
        [InlineData("9007199254740993", 9007199254740992.0)]
        [InlineData("\u20281\u2029", 1.0)]
        [InlineData("\u180e1", double.NaN)]
        [InlineData("1,000", double.NaN)]
        [InlineData("  -0.25  ", -0.25)]
        [InlineData("0x", double.NaN)]
        [InlineData("0.e1", 0.0)]
        [InlineData(".e1", double.NaN)]
        [InlineData("5e", double.NaN)]
        [InlineData("1.7976931348623157e308", 1.7976931348623157e+308)]
        [InlineData("1.7976931348623159e308", double.PositiveInfinity)]
        [InlineData("2.4703282292062328e-324", 5e-324)]
        [InlineData("2.4703282292062327e-324", 0.0)]
        [InlineData("4.9e-324", 5e-324)]
        [InlineData("\u30001", 1.0)]
        public void Parses_like_the_JavaScript_SDK(string text, double expected)
        {
            var actual = JsNumberParser.ParseFloatStrict(text);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual)),
                "expected " + expected.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ", got " + actual.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
